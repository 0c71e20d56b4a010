package dev.coview.contracts.auth;

import java.util.Locale;

/**
 * What a token allows, carried as strings in the {@link Claims#GRANTS} claim. Services check the grant of every
 * message, not only the role, so that room-service can issue narrower tokens (a customer who may not draw).
 */
public enum Grant {
    /** Publish the screen share, set crop, masks and pause. */
    SHARE,
    /** Pointer, drawing, undo/redo, clear own. */
    ANNOTATE,
    /** Freeze and unfreeze the shared frame; save snapshots. */
    FREEZE,
    /** Push a reference link to the customer. */
    PUSH,
    /** Start and stop recordings. */
    RECORD,
    /** End the room, issue observer tokens, clear everyone's drawings, request a crop. */
    ADMIN;

    /** The claim value: lower case, as on the wire. */
    public String claimValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a claim value; throws {@link IllegalArgumentException} for anything that is not a grant. */
    public static Grant fromClaim(String value) {
        for (Grant g : values()) {
            if (g.claimValue().equals(value)) {
                return g;
            }
        }
        throw new IllegalArgumentException("unknown grant: " + value);
    }
}
