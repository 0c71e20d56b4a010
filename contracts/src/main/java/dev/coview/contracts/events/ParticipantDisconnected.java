package dev.coview.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * Payload of {@code dev.coview.participant.disconnected}: a participant's signaling socket closed
 * (signaling-service). Schema: {@code schemas/events/participant.disconnected.json}.
 *
 * @param roomId         the room
 * @param participantId  the participant
 * @param role           {@code agent}, {@code customer} or {@code observer}
 * @param reason         {@link #BYE} (the client left), {@link #DROPPED} (the socket was lost; the participant may
 *                       resume within the grace period), {@link #REPLACED} (the same participant connected again),
 *                       {@link #ROOM_ENDED}, {@link #POLICY} (closed for a protocol violation: malformed frames,
 *                       flood, oversized frame) or {@link #INSTANCE_LOST} (the signaling instance holding the socket
 *                       stopped answering; published by another instance) or {@link #REMOVED} (the room's agent
 *                       removed the participant)
 * @param disconnectedAt when the socket closed (for {@code instance-lost}: when the loss was noticed)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ParticipantDisconnected(String roomId, String participantId, String role, String reason,
                                      Instant disconnectedAt) {
    public static final String BYE = "bye";
    public static final String DROPPED = "dropped";
    public static final String REPLACED = "replaced";
    public static final String ROOM_ENDED = "room-ended";
    public static final String POLICY = "policy";
    public static final String INSTANCE_LOST = "instance-lost";
    public static final String REMOVED = "removed";
}
