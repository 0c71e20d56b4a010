package dev.coview.reliability.testing;

/** The subprotocols a browser offers: {@code new WebSocket(url, ["bearer-token-carrier", encodeURIComponent(...)])}. */
public final class Subprotocols {

    public static final String CARRIER = "bearer-token-carrier";

    private Subprotocols() {
    }

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
