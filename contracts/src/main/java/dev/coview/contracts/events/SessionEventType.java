package dev.coview.contracts.events;

/**
 * Every CloudEvents {@code type} CoView publishes on {@link dev.coview.contracts.kafka.Topics#SESSION_EVENTS}.
 * The wire value is {@code dev.coview.<noun>.<verb>}; the payload schema of each is
 * {@code schemas/events/<noun>.<verb>.json} in this module.
 *
 * <p>Contracts evolve by addition: later versions add properties, enum values and types. The payload records
 * therefore ignore unknown properties ({@code @JsonIgnoreProperties(ignoreUnknown = true)}), the schemas allow
 * them, and a consumer that meets a type it does not know skips it ({@link #find}).
 */
public enum SessionEventType {
    ROOM_CREATED("room.created"),
    ROOM_ENDED("room.ended"),
    ROOM_EXPIRED("room.expired"),
    PARTICIPANT_JOINED("participant.joined"),
    PARTICIPANT_CONNECTED("participant.connected"),
    PARTICIPANT_DISCONNECTED("participant.disconnected"),
    PARTICIPANT_LEFT("participant.left"),
    PARTICIPANT_REMOVED("participant.removed"),
    SHARE_STARTED("share.started"),
    SHARE_STOPPED("share.stopped"),
    SHARE_PAUSED("share.paused"),
    SHARE_RESUMED("share.resumed"),
    CROP_CHANGED("crop.changed"),
    MASKS_CHANGED("masks.changed"),
    FREEZE_STARTED("freeze.started"),
    FREEZE_ENDED("freeze.ended"),
    SNAPSHOT_SAVED("snapshot.saved"),
    RECORDING_DECLINED("recording.declined"),
    RECORDING_STARTED("recording.started"),
    RECORDING_STOPPED("recording.stopped"),
    RECORDING_READY("recording.ready"),
    REFERENCE_PUSHED("reference.pushed"),
    REFERENCE_OPENED("reference.opened"),
    REFERENCE_DECLINED("reference.declined");

    /** Where the payload schemas' {@code $id}s live (the contracts jar's {@code schemas/events/} folder). */
    public static final String SCHEMA_PREFIX = "https://coview.dev/schemas/events/";

    private final String noun;

    SessionEventType(String nounVerb) {
        this.noun = nounVerb;
    }

    /** {@code <noun>.<verb>}, e.g. {@code room.created}. */
    public String shortName() {
        return noun;
    }

    /** The CloudEvents {@code type}, e.g. {@code dev.coview.room.created}. */
    public String type() {
        return CloudEventHeaders.TYPE_PREFIX + noun;
    }

    /** The {@code dataschema} of its events: the {@code $id} of {@code schemas/events/<noun>.<verb>.json}. */
    public String dataSchema() {
        return SCHEMA_PREFIX + noun + ".json";
    }

    /** Looks a type up by its CloudEvents {@code type}; empty for a type this version does not know. */
    public static java.util.Optional<SessionEventType> find(String type) {
        for (SessionEventType t : values()) {
            if (t.type().equals(type)) {
                return java.util.Optional.of(t);
            }
        }
        return java.util.Optional.empty();
    }

    /** Looks a type up by its CloudEvents {@code type}; throws {@link IllegalArgumentException} when unknown. */
    public static SessionEventType fromType(String type) {
        for (SessionEventType t : values()) {
            if (t.type().equals(type)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown session event type: " + type);
    }
}
