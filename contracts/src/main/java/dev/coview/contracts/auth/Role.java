package dev.coview.contracts.auth;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * A participant's role in a room, carried in the {@link Claims#ROLE} claim. Each role comes with the grants
 * room-service puts in its tokens by default.
 */
public enum Role {
    /**
     * Creates and ends the room; shares their own screen (two-way sharing; room-service's share policy may take the
     * grant away), points, draws, freezes, pushes links, records.
     */
    AGENT(EnumSet.of(Grant.SHARE, Grant.ANNOTATE, Grant.FREEZE, Grant.PUSH, Grant.RECORD, Grant.ADMIN)),
    /** Shares the screen, crops and masks it, points and draws, answers pushed links. */
    CUSTOMER(EnumSet.of(Grant.SHARE, Grant.ANNOTATE)),
    /** Supervisor or trainee: watches, writes nothing. */
    OBSERVER(EnumSet.noneOf(Grant.class));

    private final Set<Grant> defaultGrants;

    Role(Set<Grant> defaultGrants) {
        this.defaultGrants = defaultGrants;
    }

    /** The grants a token for this role carries unless room-service is told otherwise. */
    public Set<Grant> defaultGrants() {
        return defaultGrants.isEmpty() ? EnumSet.noneOf(Grant.class) : EnumSet.copyOf(defaultGrants);
    }

    /** The claim value: lower case, as on the wire. */
    public String claimValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a claim value; throws {@link IllegalArgumentException} for anything that is not a role. */
    public static Role fromClaim(String value) {
        if (value == null) {
            throw new IllegalArgumentException("role claim is missing");
        }
        for (Role r : values()) {
            if (r.claimValue().equals(value)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown role: " + value);
    }
}
