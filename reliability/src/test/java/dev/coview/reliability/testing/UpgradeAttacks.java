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
     * Tries every attack on {@code path} at {@code port} and prints the statuses.
     *
     * @param foreignService  the service whose audience alone a token carries in one attack, e.g. {@code room-service}
     * @param foreignAudience that service's audience claim (the socket must refuse it)
     */
    public static Map<String, Integer> tried(int port, String path, String foreignService, String foreignAudience) {
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

        System.out.println("Upgrade attacks on " + path + ":");
        observed.forEach((k, v) -> System.out.println("  " + k + " -> " + v));
        return observed;
    }

    /** The status each attack of {@link #tried} must get, in the same order. */
    public static Map<String, Integer> expected(String foreignService) {
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("valid token", 101);
        expected.put("valid token, ?room= its room", 101);
        expected.put("no Origin header (not a browser)", 101);
        expected.put("foreign Origin", 403);
        expected.put("Origin 'null'", 403);
        expected.put("missing token", 401);
        expected.put("garbage token", 401);
        expected.put("expired token", 401);
        expected.put("forged token (other key)", 401);
        expected.put("alg=none token", 401);
        expected.put("other issuer", 401);
        expected.put("no audience", 401);
        expected.put(foreignService + "'s audience only", 401);
        expected.put("token signature swapped in", 401);
        // A ?room= that is not the token's room is refused (issue 24; /ws/annotations used to ignore it).
        expected.put("other-room token (?room=)", 403);
        expected.put("path traversal in ?room=", 403);
        expected.put("ended-room token", 403);
        return expected;
    }

    /** The header and claims of {@code victim} with the signature of {@code donor}. */
    private static String swapSignature(String victim, String donor) {
        return victim.substring(0, victim.lastIndexOf('.')) + donor.substring(donor.lastIndexOf('.'));
    }
}
