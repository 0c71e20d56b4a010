package dev.coview.reliability.testing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a socket fuzzer concluded: outcomes counted by kind and the problems found, judged by the same rules on
 * every socket (replies match the server schema, are of a known type, name a documented error code, carry no
 * secret). The socket-specific parts, which reply types and error codes exist and which message greets a new
 * socket, are given.
 */
public final class FuzzVerdict {

    private static final ObjectReader STRICT = new ObjectMapper().reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final String schemaName;
    private final Set<String> replyTypes;
    private final Set<String> errorCodes;
    private final String greeting;
    private final Map<String, AtomicLong> tally = new ConcurrentHashMap<>();
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());

    /**
     * @param schemaName the server schema named in problems
     * @param replyTypes every type a reply may have
     * @param errorCodes every documented error code of the socket
     * @param greeting   the type of the first message of a socket, not counted as a reply to a case
     */
    public FuzzVerdict(String schemaName, Set<String> replyTypes, Set<String> errorCodes, String greeting) {
        this.schemaName = schemaName;
        this.replyTypes = replyTypes;
        this.errorCodes = errorCodes;
        this.greeting = greeting;
    }

    /** The type of the first message of a socket. */
    public String greeting() {
        return greeting;
    }

    /** Outcomes by kind (e.g. {@code error invalid-message}, {@code close 1007}), live. */
    public Map<String, AtomicLong> tally() {
        return tally;
    }

    /** Problems found so far, live (synchronised). */
    public List<String> problems() {
        return problems;
    }

    public void count(String key) {
        tally.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
    }

    public void problem(String what) {
        problems.add(what);
    }

    /** Counts a close and checks its code is one of {@code documented} or 4xxx. */
    public void closed(int code, Set<Integer> documented) {
        count("close " + code);
        if (!(documented.contains(code) || (code >= 4000 && code < 5000))) {
            problems.add("undocumented close code " + code);
        }
    }

    /** Checks every reply a socket got. */
    public void settle(Peer p) {
        Inbox inbox = p.inbox();
        if (!inbox.violations().isEmpty()) {
            problems.add("replies break " + schemaName + ": " + abbreviate(inbox.violations().toString()));
        }
        for (String text : inbox.raw()) {
            String leak = Leaks.find(text);
            if (leak != null) {
                problems.add("a reply carries " + leak + ": " + abbreviate(text));
            }
            if (Leaks.namesInternals(text)) {
                count("replies naming Java classes");
            }
            try {
                JsonNode m = STRICT.readTree(text);
                String type = m.path("type").asText();
                if (!replyTypes.contains(type)) {
                    problems.add("unexpected reply type: " + abbreviate(text));
                }
                if (type.equals("error")) {
                    String code = m.path("code").asText();
                    count("error " + code);
                    if (!errorCodes.contains(code)) {
                        problems.add("undocumented error code: " + abbreviate(text));
                    }
                } else if (!type.equals(greeting)) {
                    count("received " + type);
                }
            } catch (Exception e) {
                problems.add("reply not JSON: " + abbreviate(text));
            }
        }
    }

    /** Whether {@code text} is exactly one JSON object (what the decoder does not close the socket for). */
    public static boolean isJsonObject(String text) {
        try {
            JsonNode node = STRICT.readTree(text);
            return node != null && node.isObject();
        } catch (Exception e) {
            return false;
        }
    }

    /** The decoder's own rule: only a text whose first non-blank character is '{' can be a message. */
    public static boolean startsAnObject(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return text.charAt(i) == '{';
            }
        }
        return false;
    }

    public static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
