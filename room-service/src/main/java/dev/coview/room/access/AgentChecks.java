package dev.coview.room.access;

import dev.coview.contracts.auth.AgentIdentity;
import dev.coview.room.problems.ProblemException;
import dev.coview.room.problems.ProblemType;
import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * The default {@link AgentCheck}: a bearer token is an agent signed in with the identity provider; an
 * {@value ApiKeyAgentCheck#HEADER} header is a machine client's API key. A request with both is refused, so that a
 * page cannot fall back to a key when its sign-in failed and hide that from its user.
 */
@DefaultBean
@ApplicationScoped
public class AgentChecks implements AgentCheck {

    private final OidcAgentCheck oidc;
    private final ApiKeyAgentCheck keys;

    public AgentChecks(OidcAgentCheck oidc, ApiKeyAgentCheck keys) {
        this.oidc = oidc;
        this.keys = keys;
    }

    @Override
    public Uni<AgentIdentity> identify(HttpHeaders headers, String client) {
        String authorization = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        String key = headers.getHeaderString(ApiKeyAgentCheck.HEADER);
        boolean hasKey = key != null && !key.isEmpty();
        if (authorization != null && !authorization.isBlank()) {
            if (hasKey) {
                return Uni.createFrom().failure(new ProblemException(ProblemType.UNAUTHORIZED,
                        "send either a sign-in token or an API key, not both"));
            }
            return oidc.identify(authorization);
        }
        if (hasKey) {
            return keys.identify(key, client);
        }
        return Uni.createFrom().failure(new ProblemException(ProblemType.UNAUTHORIZED,
                oidc.enabled() ? "creating a room needs a sign-in (Authorization: Bearer <access token>) or an API key"
                        + " in the " + ApiKeyAgentCheck.HEADER + " header"
                        : "creating a room needs an API key in the " + ApiKeyAgentCheck.HEADER + " header",
                OidcAgentCheck.CHALLENGE));
    }
}
