package dev.coview.reliability.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coview.contracts.auth.Role;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The token and origin attacks on a socket's upgrade and the HTTP status each must get: the same on every
 * socket of the suite ({@code /ws/signal}, {@code /ws/annotations}), which checks the same tokens the same way.
 */
public final class UpgradeAttacks {

    private UpgradeAttacks() {
    }

    /**
     * Tries every attack on {@code path} at {@code port}, checks that the service is still {@code healthy}, then
     * prints the status each attack got and compares them with {@link #expected}.
     *
     * @param foreignService  the service whose audience alone a token carries in one attack, e.g. {@code room-service}
     * @param foreignAudience that service's audience claim (the socket must refuse it)
     */
    public static void check(int port, String path, String foreignService, String foreignAudience, Runnable healthy) {
        Map<String, Integer> observed = tried(port, path, foreignService, foreignAudience);
        healthy.run();
        Outcomes.printAndCompare("Upgrade attacks on " + path, observed, expected(foreignService));
    }

    private static Map<String, Integer> tried(int port, String path, String foreignService, String foreignAudience) {
        JsonNode room = Http.createRoom();
        String roomId = room.get("roomId").asText();
        String agent = room.get("token").asText();
        JsonNode ended = Http.createRoom();
        Http.endRoom(ended);

        Map<String, Integer> observed = new LinkedHashMap<>();
        observed.put("valid token", Peer.upgradeStatus(port, path, agent, Peer.ORIGIN, ""));
        observed.put("valid token, ?room= its room", Peer.upgradeStatus(port, path, agent, Peer.ORIGIN,
                "?room=" + roomId));
        observed.put("no Origin header (not a browser)", Peer.upgradeStatus(port, path, agent, null, ""));
        observed.put("foreign Origin", Peer.upgradeStatus(port, path, agent, "https://evil.example", ""));
        observed.put("Origin 'null'", Peer.upgradeStatus(port, path, agent, "null", ""));
        observed.put("missing token", Peer.upgradeStatus(port, path, null, Peer.ORIGIN, ""));
        observed.put("garbage token", Peer.upgradeStatus(port, path, "not.a.jwt", Peer.ORIGIN, ""));
        observed.put("expired token", Peer.upgradeStatus(port, path,
                Tokens.expired(roomId, Tokens.randomId(), Role.AGENT), Peer.ORIGIN, ""));
        observed.put("forged token (other key)", Peer.upgradeStatus(port, path,
                Tokens.forged(roomId, Tokens.randomId(), Role.AGENT), Peer.ORIGIN, ""));
        observed.put("alg=none token", Peer.upgradeStatus(port, path,
                Tokens.algNone(roomId, Tokens.randomId(), Role.AGENT), Peer.ORIGIN, ""));
        observed.put("other issuer", Peer.upgradeStatus(port, path,
                Tokens.otherIssuer(roomId, Tokens.randomId(), Role.AGENT), Peer.ORIGIN, ""));
        observed.put("no audience", Peer.upgradeStatus(port, path,
                Tokens.forAudiences(roomId, Tokens.randomId(), Role.AGENT, Set.of()), Peer.ORIGIN, ""));
        observed.put(foreignService + "'s audience only", Peer.upgradeStatus(port, path, Tokens.forAudiences(roomId,
                Tokens.randomId(), Role.AGENT, Set.of(foreignAudience)), Peer.ORIGIN, ""));
        observed.put("token signature swapped in", Peer.upgradeStatus(port, path, swapSignature(agent,
                Tokens.valid(roomId, Tokens.randomId(), Role.OBSERVER)), Peer.ORIGIN, ""));
        observed.put("other-room token (?room=)", Peer.upgradeStatus(port, path, agent, Peer.ORIGIN,
                "?room=" + Http.createRoom().get("roomId").asText()));
        observed.put("path traversal in ?room=", Peer.upgradeStatus(port, path, agent, Peer.ORIGIN,
                "?room=..%2F..%2F" + roomId));
        observed.put("ended-room token", Peer.upgradeStatus(port, path, ended.get("token").asText(), Peer.ORIGIN,
                ""));
        return observed;
    }

    /** The status each attack of {@link #tried} must get, in the same order. */
    static Map<String, Integer> expected(String foreignService) {
        Map<String, Integer> expected = new LinkedHashMap<>();
        // Opened: a valid token, and no Origin at all (not a browser; the token is what counts then).
        expect(expected, 101, "valid token", "valid token, ?room= its room", "no Origin header (not a browser)");
        // Forbidden: a browser on an origin that is not allowed.
        expect(expected, 403, "foreign Origin", "Origin 'null'");
        // Unauthorised: no token the socket accepts.
        expect(expected, 401, "missing token", "garbage token", "expired token", "forged token (other key)",
                "alg=none token", "other issuer", "no audience", foreignService + "'s audience only",
                "token signature swapped in");
        // Forbidden: a valid token for another room or an ended one. A ?room= that is not the token's room is
        // refused (issue 24; /ws/annotations used to ignore it).
        expect(expected, 403, "other-room token (?room=)", "path traversal in ?room=", "ended-room token");
        return expected;
    }

    private static void expect(Map<String, Integer> expected, int status, String... attacks) {
        for (String attack : attacks) {
            expected.put(attack, status);
        }
    }

    /** The header and claims of {@code victim} with the signature of {@code donor}. */
    private static String swapSignature(String victim, String donor) {
        return victim.substring(0, victim.lastIndexOf('.')) + donor.substring(donor.lastIndexOf('.'));
    }
}
