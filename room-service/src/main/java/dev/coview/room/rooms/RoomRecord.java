package dev.coview.room.rooms;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A room as stored in the Redis hash {@code room:{roomId}} (instants as epoch millis).
 *
 * @param id         the room id
 * @param createdBy  who created it: {@code AgentIdentity#creator()} ({@code oidc:<sub>}, {@code api-key:<name>})
 * @param agentId    participant id of the agent who created it
 * @param createdAt  creation time
 * @param expiresAt  idle expiry, pushed forward on activity
 * @param joinCode   the 6-digit code (kept after it is spent, to tell the agent which one it was)
 * @param invite     the invite token
 * @param customerId the customer who joined, {@code null} while the room waits for one
 * @param endedAt    when it ended or expired, {@code null} while it is open
 */
public record RoomRecord(String id, String createdBy, String agentId, Instant createdAt, Instant expiresAt,
                         String joinCode, String invite, String customerId, Instant endedAt) {

    static final String CREATED_BY = "createdBy";
    static final String AGENT_ID = "agentId";
    static final String CREATED_AT = "createdAt";
    static final String EXPIRES_AT = "expiresAt";
    static final String JOIN_CODE = "joinCode";
    static final String INVITE = "invite";
    static final String CUSTOMER_ID = "customerId";
    static final String ENDED_AT = "endedAt";

    /** Whether a customer holds the room (its code and invite are spent). */
    public boolean taken() {
        return customerId != null;
    }

    /** Whether it has ended or expired. */
    public boolean ended() {
        return endedAt != null;
    }

    Map<String, String> toHash() {
        Map<String, String> h = new HashMap<>();
        h.put(CREATED_BY, createdBy);
        h.put(AGENT_ID, agentId);
        h.put(CREATED_AT, Long.toString(createdAt.toEpochMilli()));
        h.put(EXPIRES_AT, Long.toString(expiresAt.toEpochMilli()));
        h.put(JOIN_CODE, joinCode);
        h.put(INVITE, invite);
        return h;
    }

    static RoomRecord fromHash(String id, Map<String, String> h) {
        return new RoomRecord(id, h.get(CREATED_BY), h.get(AGENT_ID), instant(h.get(CREATED_AT)),
                instant(h.get(EXPIRES_AT)), h.get(JOIN_CODE), h.get(INVITE), h.get(CUSTOMER_ID),
                instant(h.get(ENDED_AT)));
    }

    private static Instant instant(String millis) {
        return millis == null ? null : Instant.ofEpochMilli(Long.parseLong(millis));
    }
}
