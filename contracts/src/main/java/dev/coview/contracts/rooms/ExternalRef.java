package dev.coview.contracts.rooms;

/**
 * The record in another system that a room belongs to, e.g. {@code {system: "salesforce", type: "Case",
 * id: "5003000000D8cuI"}}. Given once, when the room is created ({@code POST /api/rooms}); every session event of
 * the room then carries it as the CloudEvents extension attributes {@code externalrefsystem},
 * {@code externalreftype} and {@code externalrefid} (see
 * {@link dev.coview.contracts.events.CloudEventHeaders}). The shapes below keep each part a safe, short Kafka and
 * HTTP header value: visible ASCII, no spaces.
 *
 * @param system the other system, e.g. {@code salesforce}, {@code zendesk}
 * @param type   the kind of record in it, e.g. {@code Case}, {@code ticket}
 * @param id     the record's id in that system
 */
public record ExternalRef(String system, String type, String id) {
    /** Shape of {@link #system} and {@link #type}: 1 to 40 letters, digits, {@code _ . -}, starting alphanumeric. */
    public static final String NAME_PATTERN = "[A-Za-z0-9][A-Za-z0-9_.-]{0,39}";
    /** Shape of {@link #id}: 1 to 128 letters, digits and {@code _ . : / @ + -}, starting alphanumeric. */
    public static final String ID_PATTERN = "[A-Za-z0-9][A-Za-z0-9_.:/@+-]{0,127}";
}
