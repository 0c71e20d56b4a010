package dev.coview.room.access;

import dev.coview.room.config.RoomConfig;
import dev.coview.room.problems.ProblemException;
import dev.coview.room.problems.ProblemType;
import io.quarkus.arc.DefaultBean;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.jboss.logging.Logger;

/**
 * The default {@link AgentCheck}: the agent's client sends a shared key in {@value #HEADER}, compared in constant
 * time with {@code coview.room.agent-api-key}. When no key is configured (a local run), one is generated at
 * startup and logged once as {@code agent API key: …}, so that {@code ./coview up} users can find it.
 */
@DefaultBean
@Startup // created at startup, not at the first request, so the generated key is in the log from the start
@ApplicationScoped
public class ApiKeyAgentCheck implements AgentCheck {

    /** The request header carrying the key. */
    public static final String HEADER = "X-CoView-Agent-Key";
    /** What {@code room.created} names as the creator. */
    static final String CREATOR = "api-key";

    private static final Logger LOG = Logger.getLogger(ApiKeyAgentCheck.class);

    private final byte[] key;

    public ApiKeyAgentCheck(RoomConfig config) {
        String configured = config.agentApiKey().filter(k -> !k.isBlank()).orElse(null);
        if (configured == null) {
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            configured = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            // Deliberately logged: without a configured key this is a local run, and the person needs it.
            LOG.infof("agent API key: %s (generated; set coview.room.agent-api-key to choose one)", configured);
        }
        this.key = configured.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Uni<String> authorize(HttpHeaders headers) {
        String given = headers.getHeaderString(HEADER);
        if (given == null || given.isEmpty()) {
            return Uni.createFrom().failure(new ProblemException(ProblemType.UNAUTHORIZED,
                    "creating a room needs the agent API key in the " + HEADER + " header"));
        }
        if (!MessageDigest.isEqual(key, given.getBytes(StandardCharsets.UTF_8))) {
            return Uni.createFrom().failure(new ProblemException(ProblemType.UNAUTHORIZED,
                    "the agent API key is wrong"));
        }
        return Uni.createFrom().item(CREATOR);
    }
}
