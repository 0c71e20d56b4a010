/**
 * The REST shapes of room-service ({@code /api/rooms}, {@code /api/ice-servers}, {@code /api/config}) and its
 * RFC 9457 error body, as records, so that other modules (and the web client's generated types) read the same
 * definition. The OpenAPI document room-service serves at {@code /q/openapi} is generated from them.
 */
package dev.coview.contracts.rooms;
