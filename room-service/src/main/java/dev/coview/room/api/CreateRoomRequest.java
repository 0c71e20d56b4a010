package dev.coview.room.api;

import dev.coview.contracts.rooms.ExternalRef;
import dev.coview.contracts.rooms.RoomMetadata;
import dev.coview.support.events.RoomLabels;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * Body of {@code POST /api/rooms} (optional).
 *
 * @param name        the agent's display name, shown to the customer
 * @param relayOnly   media only through the TURN relay ({@code iceTransportPolicy: relay}), so the customer's IP
 *                    address never reaches the agent's browser (nor the agent's the customer's); absent: the
 *                    deployment's default ({@code coview.room.ice.relay-only})
 * @param externalRef the record in another system the room belongs to (a CRM case, a ticket); every session event
 *                    of the room carries it
 * @param metadata    a few strings every session event of the room carries (at most
 *                    {@value RoomMetadata#MAX_ENTRIES})
 */
public record CreateRoomRequest(@Size(max = 80) String name, Boolean relayOnly,
                                @Valid ExternalRefInput externalRef,
                                @Size(max = RoomMetadata.MAX_ENTRIES)
                                Map<@NotNull @Pattern(regexp = RoomMetadata.KEY_PATTERN) String,
                                        @NotNull @Pattern(regexp = RoomMetadata.VALUE_PATTERN) String> metadata) {

    /** {@link ExternalRef} as a request body part: all three parts required, each of a header-safe shape. */
    public record ExternalRefInput(@NotNull @Pattern(regexp = ExternalRef.NAME_PATTERN) String system,
                                   @NotNull @Pattern(regexp = ExternalRef.NAME_PATTERN) String type,
                                   @NotNull @Pattern(regexp = ExternalRef.ID_PATTERN) String id) {
    }

    /** What the room is labelled with; {@link RoomLabels#NONE} for neither. */
    RoomLabels labels() {
        ExternalRef ref = externalRef == null ? null
                : new ExternalRef(externalRef.system(), externalRef.type(), externalRef.id());
        return new RoomLabels(ref, metadata);
    }
}
