package dev.coview.room.access;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Who may create rooms. Pluggable: the default is {@link ApiKeyAgentCheck}; a deployment that signs agents in with
 * OIDC provides its own {@code @ApplicationScoped} implementation, which replaces the default.
 */
public interface AgentCheck {

    /**
     * Lets the request create a room, or fails with a {@link dev.coview.room.problems.ProblemException} (401).
     *
     * @return who was let in, for the {@code room.created} event (e.g. {@code api-key}, or an OIDC subject)
     */
    Uni<String> authorize(HttpHeaders headers);
}
