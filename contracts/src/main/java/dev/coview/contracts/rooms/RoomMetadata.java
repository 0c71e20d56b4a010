package dev.coview.contracts.rooms;

/**
 * Limits of the free {@code metadata} map of {@code POST /api/rooms}: a few short strings an integrator wants back
 * on every session event of the room (CloudEvents extension attribute {@code roommetadata}, the map as a JSON
 * object). Small on purpose: it travels in a header of every event.
 */
public final class RoomMetadata {
    /** Most entries a room's metadata may have. */
    public static final int MAX_ENTRIES = 10;
    /** Shape of a key: 1 to 40 letters, digits, {@code _ . -}, starting alphanumeric. */
    public static final String KEY_PATTERN = "[A-Za-z0-9][A-Za-z0-9_.-]{0,39}";
    /** Shape of a value: up to 200 characters, none of them a control character. */
    public static final String VALUE_PATTERN = "\\P{Cc}{0,200}";

    private RoomMetadata() {
    }
}
