package dev.coview.contracts.signal;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A participant as the others see it. Schema: {@code schemas/signal/peer.json}.
 *
 * @param id   participant id (the token's {@code sub}), the address of relayed messages
 * @param role {@code agent}, {@code customer} or {@code observer}
 * @param name display name, empty when none was given
 */
@JsonPropertyOrder({"id", "role", "name"})
public record Peer(String id, String role, String name) {
}
