package dev.coview.contracts.rooms;

/**
 * Answer to {@code GET /api/config}: where the web client finds the two WebSocket services.
 *
 * @param signalingUrl  {@code ws(s)://…/ws/signal}
 * @param annotationUrl {@code ws(s)://…/ws/annotations}
 */
public record ClientConfig(String signalingUrl, String annotationUrl) {
}
