package dev.coview.reliability.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded generator of fuzz inputs: mutated valid messages, random JSON and random bytes. The same seed gives the
 * same sequence, so a failure is replayed with {@code -Dreliability.fuzz.seed=…}.
 */
public final class FuzzCases {

    /** What kind of input a case is, for the tally. */
    public enum Kind { MUTATED, RANDOM_JSON, RANDOM_BYTES }

    /** One input. */
    public record Case(Kind kind, String text) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] KEYS = {"type", "to", "from", "sdp", "candidate", "sdpMid", "sdpMLineIndex",
        "usernameFragment", "active", "code", "invite", "name", "id", "room", "__proto__", "constructor", "", "\u0000"};
    private static final String[] STRINGS = {"", " ", "offer", "answer", "candidate", "restart", "share", "bye",
        "welcome", "error", "../../../../etc/passwd", "..%2F..%2Fetc%2Fpasswd", "%00", "\u0000", "null", "NaN",
        "Infinity", "-1", "1e400", "<script>alert(1)</script>", "' OR '1'='1", "${jndi:ldap://x/a}", "\\u0000",
        "\ud83d\ude00", "\u202e", "AAAAAAAAAAAAAAAAAAAAAA", "*", "{}", "[]"};

    private final Random random;
    private final List<Map<String, Object>> templates;

    /**
     * @param seed     the sequence's seed
     * @param templates valid messages of the API under test, as maps: the bases of mutations (copies are mutated)
     */
    public FuzzCases(long seed, List<Map<String, Object>> templates) {
        this.random = new Random(seed);
        this.templates = templates;
    }

    /**
     * The next case: 60 % mutated valid messages, 34 % random JSON (a tenth of it not an object), 6 % random bytes.
     * Inputs that are not a JSON object close a socket (1007) and cost a reconnect, hence their smaller share.
     */
    public Case next() {
        Case c = draw();
        // A flipped character can split a surrogate pair; a text frame must be UTF-8, so such halves become '?'.
        return new Case(c.kind(), new String(c.text().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
    }

    private Case draw() {
        int r = random.nextInt(100);
        if (r < 60) {
            return new Case(Kind.MUTATED, mutated());
        }
        if (r < 94) {
            return new Case(Kind.RANDOM_JSON, write(random.nextInt(100) < 90 ? randomObject(0) : randomValue(2)));
        }
        return new Case(Kind.RANDOM_BYTES, randomBytes());
    }

    public Random random() {
        return random;
    }

    private String mutated() {
        Map<String, Object> m = new LinkedHashMap<>(templates.get(random.nextInt(templates.size())));
        int mutations = 1 + random.nextInt(3);
        for (int i = 0; i < mutations; i++) {
            List<String> keys = new ArrayList<>(m.keySet());
            switch (random.nextInt(6)) {
                case 0 -> {
                    if (!keys.isEmpty()) {
                        m.remove(keys.get(random.nextInt(keys.size())));
                    }
                }
                case 1, 2 -> {
                    if (!keys.isEmpty()) {
                        m.put(keys.get(random.nextInt(keys.size())), randomValue(2));
                    }
                }
                case 3 -> m.put(KEYS[random.nextInt(KEYS.length)], randomValue(2));
                case 4 -> {
                    Object type = m.get("type");
                    if (type instanceof String s && !s.isEmpty()) {
                        char[] c = s.toCharArray();
                        c[random.nextInt(c.length)] = (char) (32 + random.nextInt(95));
                        m.put("type", new String(c));
                    }
                }
                default -> m.put("type", STRINGS[random.nextInt(STRINGS.length)]);
            }
        }
        String text = write(m);
        // Textual mutations Jackson would never write: truncation, a flipped character, duplicated keys.
        return switch (random.nextInt(10)) {
            case 0 -> text.substring(0, random.nextInt(text.length() + 1));
            case 1 -> {
                char[] c = text.toCharArray();
                c[random.nextInt(c.length)] = (char) (32 + random.nextInt(95));
                yield new String(c);
            }
            case 2 -> text.length() > 2 ? text.substring(0, text.length() - 1) + ",\"type\":\"bye\"}" : text;
            default -> text;
        };
    }

    private Map<String, Object> randomObject(int depth) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (random.nextBoolean()) {
            m.put("type", STRINGS[random.nextInt(STRINGS.length)]);
        }
        int n = random.nextInt(6);
        for (int i = 0; i < n; i++) {
            m.put(random.nextBoolean() ? KEYS[random.nextInt(KEYS.length)] : randomString(8), randomValue(depth + 1));
        }
        return m;
    }

    private Object randomValue(int depth) {
        int r = random.nextInt(depth >= 3 ? 8 : 11);
        return switch (r) {
            case 0 -> null;
            case 1 -> random.nextBoolean();
            case 2 -> random.nextInt();
            case 3 -> random.nextLong();
            case 4 -> new java.math.BigInteger(200, random).negate();
            case 5 -> random.nextDouble() * Math.pow(10, random.nextInt(300));
            case 6 -> STRINGS[random.nextInt(STRINGS.length)];
            case 7 -> randomString(random.nextInt(100) < 95 ? 30 : 4000);
            case 8 -> randomObject(depth + 1);
            case 9 -> java.util.Arrays.asList(randomValue(depth + 1), randomValue(depth + 1));
            default -> List.of();
        };
    }

    private String randomString(int maxLength) {
        int n = random.nextInt(maxLength + 1);
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            int kind = random.nextInt(10);
            b.append(kind < 7 ? (char) (32 + random.nextInt(95)) : kind < 9 ? (char) random.nextInt(0x2FFF)
                    : (char) random.nextInt(32));
        }
        return b.toString();
    }

    private String randomBytes() {
        byte[] b = new byte[random.nextInt(200)];
        random.nextBytes(b);
        if (b.length > 0 && random.nextInt(4) == 0) {
            b[0] = '{';
        }
        // Text frames carry UTF-8: invalid sequences become U+FFFD here (raw invalid UTF-8 is SignalAttackIT's).
        return new String(b, StandardCharsets.UTF_8);
    }

    private static String write(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
