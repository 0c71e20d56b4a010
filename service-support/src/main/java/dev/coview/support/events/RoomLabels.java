package dev.coview.support.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.coview.contracts.rooms.ExternalRef;
import java.util.HashMap;
import java.util.Map;

/**
 * What a room was labelled with when it was created: the record in another system it belongs to and the
 * integrator's small metadata map. Stored by room-service in the hash {@code room-ref:{roomId}}
 * ({@link dev.coview.contracts.redis.RedisKeys#ROOM_REF}); every service's {@link SessionEventPublisher} puts
 * them on each event of the room as CloudEvents extension attributes.
 *
 * @param externalRef the external record, or {@code null}
 * @param metadata    the metadata map, empty when none was given
 */
public record RoomLabels(ExternalRef externalRef, Map<String, String> metadata) {

    /** A room created without either. */
    public static final RoomLabels NONE = new RoomLabels(null, Map.of());

    static final String SYSTEM = "system";
    static final String TYPE = "type";
    static final String ID = "id";
    static final String METADATA = "metadata";

    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {
    };

    public RoomLabels {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    /** Whether there is nothing to store or carry. */
    public boolean isEmpty() {
        return externalRef == null && metadata.isEmpty();
    }

    /** The fields of {@code room-ref:{roomId}}; empty for {@link #NONE}. */
    public Map<String, String> toHash(ObjectMapper mapper) {
        Map<String, String> h = new HashMap<>();
        if (externalRef != null) {
            h.put(SYSTEM, externalRef.system());
            h.put(TYPE, externalRef.type());
            h.put(ID, externalRef.id());
        }
        if (!metadata.isEmpty()) {
            h.put(METADATA, metadataJson(mapper));
        }
        return h;
    }

    /** The metadata as the JSON object carried in {@code ce_roommetadata}. */
    public String metadataJson(ObjectMapper mapper) {
        try {
            return mapper.writeValueAsString(new java.util.TreeMap<>(metadata));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings is always serializable", e);
        }
    }

    static RoomLabels fromHash(Map<String, String> h, ObjectMapper mapper) {
        if (h == null || h.isEmpty()) {
            return NONE;
        }
        ExternalRef ref = h.containsKey(ID) ? new ExternalRef(h.get(SYSTEM), h.get(TYPE), h.get(ID)) : null;
        Map<String, String> metadata = Map.of();
        if (h.containsKey(METADATA)) {
            try {
                metadata = mapper.readValue(h.get(METADATA), STRING_MAP);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("corrupt room metadata in Redis", e);
            }
        }
        return new RoomLabels(ref, metadata);
    }
}
