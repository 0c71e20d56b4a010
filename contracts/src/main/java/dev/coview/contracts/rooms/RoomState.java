package dev.coview.contracts.rooms;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Lifecycle of a room as {@code GET /api/rooms/{id}} reports it. */
public enum RoomState {
    /** Waiting for the customer: the join code and invite are still valid. */
    WAITING,
    /** A customer has joined; the code and invite are spent. */
    ACTIVE;

    /** Lower case on the wire. */
    @JsonValue
    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
