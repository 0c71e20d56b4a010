package dev.coview.contracts.events;

/**
 * CloudEvents 1.0 Kafka protocol binding, binary mode: attributes travel as {@code ce_}-prefixed record headers,
 * the record value is the event's data (JSON) and the record key is the room id.
 */
public final class CloudEventHeaders {
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    /** Kafka binding: the data's media type goes in the plain {@code content-type} header. */
    public static final String CONTENT_TYPE = "content-type";

    /** Value of {@link #SPEC_VERSION}. */
    public static final String SPEC_VERSION_1_0 = "1.0";
    /** Prefix of every CoView event type: {@code dev.coview.<noun>.<verb>}. */
    public static final String TYPE_PREFIX = "dev.coview.";

    private CloudEventHeaders() {
    }

    /** The {@code source} of every event about a room: {@code /rooms/<roomId>}. */
    public static String sourceOf(String roomId) {
        return "/rooms/" + roomId;
    }
}
