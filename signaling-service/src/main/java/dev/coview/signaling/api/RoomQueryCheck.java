package dev.coview.signaling.api;

import dev.coview.contracts.auth.Claims;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A client may name the room it means to join: {@code /ws/signal?room=<roomId>}. A token of another room is then
 * refused at the upgrade (403) instead of silently joining the token's room, so a client holding a stale token
 * finds out before it talks to the wrong people. Without the parameter the token's room is used. The token itself
 * is checked by socket-support's upgrade guard.
 */
@ApplicationScoped
public class RoomQueryCheck implements HttpUpgradeCheck {

    /** The query parameter naming the room. */
    public static final String ROOM_PARAM = "room";

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        String wanted = context.httpRequest().getParam(ROOM_PARAM);
        if (wanted == null) {
            return CheckResult.permitUpgrade();
        }
        return context.securityIdentity()
                .onFailure().recoverWithNull()
                .flatMap(identity -> wanted.equals(roomOf(identity))
                        ? CheckResult.permitUpgrade()
                        : CheckResult.rejectUpgrade(403));
    }

    private static String roomOf(SecurityIdentity identity) {
        if (identity == null || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return null;
        }
        Object room = jwt.getClaim(Claims.ROOM);
        return room instanceof JsonString s ? s.getString() : room == null ? null : room.toString();
    }
}
