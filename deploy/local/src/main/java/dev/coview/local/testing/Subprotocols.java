package dev.coview.local.testing;

import java.util.List;

/**
 * The subprotocols a browser offers: {@code new WebSocket(url, ["bearer-token-carrier", encodeURIComponent(...)])},
 * for the test clients of both socket services and of the reliability suite.
 */
public final class Subprotocols {

    public static final String CARRIER = "bearer-token-carrier";

    private Subprotocols() {
    }

    /** The carrier and the token's header, in the order a browser offers them. */
    public static List<String> forToken(String token) {
        return List.of(CARRIER, carrierFor(token));
    }

    /** The second subprotocol: the {@code Authorization} header that Quarkus reads from it. */
    public static String carrierFor(String token) {
        return encodeUriComponent("quarkus-http-upgrade#Authorization#Bearer " + token);
    }

    /** JavaScript's encodeURIComponent for the characters a JWT header carrier contains. */
    static String encodeUriComponent(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c < 128 && (Character.isLetterOrDigit(c) || "-_.!~*'()".indexOf(c) >= 0)) {
                b.append(c);
            } else {
                b.append('%').append(String.format("%02X", (int) c));
            }
        }
        return b.toString();
    }
}
