package dev.coview.contracts.auth;

/**
 * Who may send a message: the holders of a grant, or a role whatever its token grants (answers that are the
 * customer's own). annotation-service's rule of each message type declares one (no default), so a new type cannot
 * ship without one.
 */
public sealed interface Access {

    /** Allowed to tokens carrying {@code grant}. */
    record Granted(Grant grant) implements Access {
    }

    /** Allowed to participants of {@code role}. */
    record ByRole(Role role) implements Access {
    }

    static Access grant(Grant grant) {
        return new Granted(grant);
    }

    static Access role(Role role) {
        return new ByRole(role);
    }
}
