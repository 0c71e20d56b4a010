package dev.coview.room.access;

import dev.coview.contracts.auth.AgentIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Who may create rooms, and who they are. The default ({@link AgentChecks}) takes an OpenID Connect access token
 * ({@link OidcAgentCheck}) or an API key ({@link ApiKeyAgentCheck}); a deployment may provide its own
 * {@code @ApplicationScoped} implementation, which replaces the default.
 */
public interface AgentCheck {

    /**
     * The identity behind the request, or a failure with a {@link dev.coview.room.problems.ProblemException}
     * (401 unknown, 429 too many wrong keys from this client).
     *
     * @param client the client's address (after trusted proxies), for throttling wrong keys
     * @return who was let in; rooms record {@link AgentIdentity#creator()} as their creator
     */
    Uni<AgentIdentity> identify(HttpHeaders headers, String client);
}
