package dev.coview.room.access;

import dev.coview.contracts.auth.AgentIdentity;
import dev.coview.room.config.AgentAuthConfig;
import dev.coview.room.config.RoomConfig;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Machine clients' API keys: each configured key ({@code coview.room.auth.api-keys.<name>}, and the legacy
 * {@code coview.room.agent-api-key} as {@code default}) has its own identity, which rooms record as their creator
 * ({@code api-key:<name>}). Keys shorter than {@code api-key-min-length} stop the service at startup. Wrong keys are
 * counted per client address ({@link ApiKeyAttemptLimiter}), so guessing is throttled even in parallel. When no key
 * is configured (a local run), one is generated and logged once as {@code agent API key: …}.
 */
@Startup // created at startup, not at the first request: a too-short key fails the start, a generated one is logged
@ApplicationScoped
public class ApiKeyAgentCheck {

    /** The request header carrying the key. */
    public static final String HEADER = "X-CoView-Agent-Key";
    /** Identity name of the legacy single key {@code coview.room.agent-api-key}, and of a generated one. */
    static final String DEFAULT_NAME = "default";

    private static final Logger LOG = Logger.getLogger(ApiKeyAgentCheck.class);

    /** Identity name → key bytes. */
    private final Map<String, byte[]> keys = new LinkedHashMap<>();
    private final ApiKeyAttemptLimiter attempts;

    public ApiKeyAgentCheck(RoomConfig room, AgentAuthConfig auth, ApiKeyAttemptLimiter attempts) {
        this.attempts = attempts;
        room.agentApiKey().filter(k -> !k.isBlank()).ifPresent(k -> add(DEFAULT_NAME, k, auth.apiKeyMinLength()));
        auth.apiKeys().forEach((name, key) -> add(name, key, auth.apiKeyMinLength()));
        if (keys.isEmpty()) {
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            keys.put(DEFAULT_NAME, generated.getBytes(StandardCharsets.UTF_8));
            // Deliberately logged: without a configured key this is a local run, and the person needs it.
            LOG.infof("agent API key: %s (generated; set coview.room.agent-api-key to choose one)", generated);
        }
    }

    /** The identity of {@code given}; 401 for a wrong key, 429 once {@code client} has tried too many wrong ones. */
    public Uni<AgentIdentity> identify(String given, String client) {
        String name = match(given.getBytes(StandardCharsets.UTF_8));
        if (name == null) {
            return attempts.wrong(client);
        }
        return attempts.right(client).replaceWith(AgentIdentity.apiKey(name));
    }

    /** The name of the key equal to {@code given}; every key is compared in constant time, whichever matches. */
    private String match(byte[] given) {
        String found = null;
        for (Map.Entry<String, byte[]> e : keys.entrySet()) {
            if (MessageDigest.isEqual(e.getValue(), given) && found == null) {
                found = e.getKey();
            }
        }
        return found;
    }

    private void add(String name, String key, int minLength) {
        if (key.length() < minLength) {
            // Refuse to start rather than serve a guessable key; the message names the key, never its value.
            throw new IllegalStateException("the API key '" + name + "' has " + key.length()
                    + " characters; at least " + minLength + " are required (coview.room.auth.api-key-min-length)");
        }
        keys.put(name, key.getBytes(StandardCharsets.UTF_8));
    }
}
