package dev.coview.support.auth;

import dev.coview.contracts.auth.Claims;
import dev.coview.contracts.auth.Grant;
import dev.coview.contracts.auth.Role;
import jakarta.json.JsonString;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is on the other end of a request or socket, read from a CoView token that smallrye-jwt has already
 * verified (signature, issuer, expiry). Immutable; one per connection.
 *
 * @param id      participant id ({@code sub})
 * @param roomId  the only room the token is valid for
 * @param grants  what the token allows; services check these per message, not the role
 * @param name    display name, may be empty
 * @param tokenId {@code jti}, may be empty
 */
public record Participant(String id, String roomId, Role role, Set<Grant> grants, String name, String tokenId) {

    public Participant {
        grants = grants.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(grants));
    }

    /** Reads the claims; throws {@link IllegalArgumentException} when a required claim is missing or unknown. */
    public static Participant of(JsonWebToken jwt) {
        String id = jwt.getSubject();
        String room = stringClaim(jwt, Claims.ROOM);
        if (id == null || id.isBlank() || room == null || room.isBlank()) {
            throw new IllegalArgumentException("token lacks a subject or a room");
        }
        Role role = Role.fromClaim(stringClaim(jwt, Claims.ROLE));
        EnumSet<Grant> grants = EnumSet.noneOf(Grant.class);
        Object raw = jwt.getClaim(Claims.GRANTS);
        if (raw instanceof Collection<?> values) {
            for (Object v : values) {
                grants.add(Grant.fromClaim(v instanceof JsonString js ? js.getString() : String.valueOf(v)));
            }
        } else if (raw != null) {
            throw new IllegalArgumentException("grants claim is not an array");
        }
        String name = stringClaim(jwt, Claims.NAME);
        String jti = jwt.getTokenID();
        return new Participant(id, room, role, grants, name == null ? "" : name, jti == null ? "" : jti);
    }

    /** Whether the token carries {@code grant}. */
    public boolean can(Grant grant) {
        return grants.contains(grant);
    }

    private static String stringClaim(JsonWebToken jwt, String name) {
        Object v = jwt.getClaim(name);
        if (v == null) {
            return null;
        }
        return v instanceof JsonString js ? js.getString() : v.toString();
    }
}
