package dev.coview.room.api;

import dev.coview.support.logging.RoomLogContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Puts the room of a {@code /api/rooms/{roomId}/…} call in the logging MDC ({@link RoomLogContext}), so the log
 * lines of the call name it; the participant is added where its token has been verified
 * ({@code access.RoomAccess}). Only ids of CoView's shape are taken: a path is client input, and an arbitrary value
 * in the MDC would let a client write into the logs.
 */
public class RoomLogScope {

    private static final Pattern ROOM_PATH = Pattern.compile("^/api/rooms/([A-Za-z0-9_-]{8,64})(/.*)?$");

    @ServerRequestFilter(preMatching = true)
    public void roomOfTheCall(ContainerRequestContext request) {
        Matcher m = ROOM_PATH.matcher(request.getUriInfo().getPath());
        if (m.matches() && !m.group(1).equals("join")) {
            RoomLogContext.enter(m.group(1), null);
        } else {
            RoomLogContext.leave();
        }
    }
}
