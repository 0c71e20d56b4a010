package dev.coview.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * Payload of {@code dev.coview.participant.left}: a participant is gone from the room for good (unlike
 * {@code participant.disconnected}, which a reload or a network drop also causes). Published once, by the
 * signaling-service instance that removed the participant's presence entry (an atomic {@code HDEL}: of several
 * instances racing, exactly one wins). Schema: {@code schemas/events/participant.left.json}.
 *
 * @param roomId        the room
 * @param participantId the participant
 * @param role          {@code agent}, {@code customer} or {@code observer}
 * @param reason        {@link #BYE} (the client hung up), {@link #LOST} (its connection did not come back within
 *                      the resume grace period, or its instance stopped answering), {@link #ROOM_ENDED} or
 *                      {@link #REMOVED} (the room's agent removed it; see {@code participant.removed})
 * @param leftAt        when the service decided it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ParticipantLeft(String roomId, String participantId, String role, String reason, Instant leftAt) {
    public static final String BYE = "bye";
    public static final String LOST = "lost";
    public static final String ROOM_ENDED = "room-ended";
    public static final String REMOVED = "removed";
}
