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
    /** The room id, so that a consumer can route or filter without parsing {@link #SOURCE}. */
    public static final String SUBJECT = "ce_subject";
    /** The data's JSON Schema: {@code https://coview.dev/schemas/events/<noun>.<verb>.json}. */
    public static final String DATA_SCHEMA = "ce_dataschema";
    /**
     * Extension (CloudEvents Distributed Tracing): the W3C {@code traceparent} of the request or message that caused
     * the event, when one was being traced. Absent otherwise.
     */
    public static final String TRACEPARENT = "ce_" + Extensions.TRACEPARENT;
    /** Extension: {@link dev.coview.contracts.rooms.ExternalRef#system()} of the room; absent when none was given. */
    public static final String EXTERNAL_REF_SYSTEM = "ce_" + Extensions.EXTERNAL_REF_SYSTEM;
    /** Extension: {@link dev.coview.contracts.rooms.ExternalRef#type()} of the room; absent when none was given. */
    public static final String EXTERNAL_REF_TYPE = "ce_" + Extensions.EXTERNAL_REF_TYPE;
    /** Extension: {@link dev.coview.contracts.rooms.ExternalRef#id()} of the room; absent when none was given. */
    public static final String EXTERNAL_REF_ID = "ce_" + Extensions.EXTERNAL_REF_ID;
    /** Extension: the room's metadata map as a JSON object of strings; absent when none was given. */
    public static final String ROOM_METADATA = "ce_" + Extensions.ROOM_METADATA;
    /** Kafka binding: the data's media type goes in the plain {@code content-type} header. */
    public static final String CONTENT_TYPE = "content-type";

    /** Value of {@link #SPEC_VERSION}. */
    public static final String SPEC_VERSION_1_0 = "1.0";
    /** Prefix of every CoView event type: {@code dev.coview.<noun>.<verb>}. */
    public static final String TYPE_PREFIX = "dev.coview.";

    private CloudEventHeaders() {
    }

    /**
     * CoView's CloudEvents extension attribute names (lower-case letters only, as the spec requires), as they appear
     * in a structured-mode event (a webhook body) and, with the {@code ce_} prefix, as Kafka headers.
     */
    public static final class Extensions {
        public static final String TRACEPARENT = "traceparent";
        public static final String EXTERNAL_REF_SYSTEM = "externalrefsystem";
        public static final String EXTERNAL_REF_TYPE = "externalreftype";
        public static final String EXTERNAL_REF_ID = "externalrefid";
        public static final String ROOM_METADATA = "roommetadata";

        private Extensions() {
        }
    }

    /** The {@code source} of every event about a room: {@code /rooms/<roomId>}. */
    public static String sourceOf(String roomId) {
        return "/rooms/" + roomId;
    }
}
