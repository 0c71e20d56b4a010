package dev.coview.reliability.testing;

/** Client messages of {@code /ws/signal} as a browser sends them (contracts' {@code schemas/signal/}). */
public final class Signals {

    /** Every type a client may send, in the order the grant matrix lists them. */
    public static final String[] CLIENT_TYPES = {"offer", "answer", "candidate", "restart", "share", "bye"};

    private Signals() {
    }

    public static String offer(String to, String sdp) {
        return "{\"type\":\"offer\",\"to\":\"" + to + "\",\"sdp\":\"" + sdp + "\"}";
    }

    public static String answer(String to, String sdp) {
        return "{\"type\":\"answer\",\"to\":\"" + to + "\",\"sdp\":\"" + sdp + "\"}";
    }

    public static String candidate(String to, String candidate) {
        return "{\"type\":\"candidate\",\"to\":\"" + to + "\",\"candidate\":\"" + candidate
                + "\",\"sdpMid\":\"0\",\"sdpMLineIndex\":0}";
    }

    public static String restart(String to) {
        return "{\"type\":\"restart\",\"to\":\"" + to + "\"}";
    }

    public static String share(boolean active) {
        return "{\"type\":\"share\",\"active\":" + active + "}";
    }

    public static String bye() {
        return "{\"type\":\"bye\"}";
    }

    /** A valid message of {@code type} addressed to {@code to} (ignored by share and bye). */
    public static String of(String type, String to) {
        return switch (type) {
            case "offer" -> offer(to, "v=0 offer");
            case "answer" -> answer(to, "v=0 answer");
            case "candidate" -> candidate(to, "candidate:1 1 udp 2122260223 10.0.0.1 50000 typ host");
            case "restart" -> restart(to);
            case "share" -> share(true);
            case "bye" -> bye();
            default -> throw new IllegalArgumentException(type);
        };
    }
}
