package dev.coview.contracts.rooms;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One entry of {@code RTCConfiguration.iceServers}, exactly as the browser's {@code RTCPeerConnection} takes it.
 * STUN entries carry only {@code urls}; TURN entries carry TURN REST API credentials
 * ({@code username = <expiry-unix>:<participantId>}, {@code credential = base64(HMAC-SHA1(secret, username))}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IceServer(List<String> urls, String username, String credential) {

    /** A STUN (or credential-less) entry. */
    public static IceServer of(List<String> urls) {
        return new IceServer(urls, null, null);
    }
}
