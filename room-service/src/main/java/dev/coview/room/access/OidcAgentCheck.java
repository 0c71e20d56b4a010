package dev.coview.room.access;

import dev.coview.contracts.auth.AgentIdentity;
import dev.coview.room.config.AgentAuthConfig;
import dev.coview.room.problems.ProblemException;
import dev.coview.room.problems.ProblemType;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.TenantIdentityProvider;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * Agents signed in with the company's identity provider: quarkus-oidc verifies the bearer access token (signature
 * from the provider's JWKS, issuer from its discovery document, expiry, audience {@code coview.room.auth.oidc
 * .audience}); the token's {@code sub}, {@code name} (else {@code preferred_username}) and {@code email} become the
 * agent's {@link AgentIdentity}. The tenant is created by {@link OidcTenantSetup} only when an issuer is configured.
 */
@ApplicationScoped
public class OidcAgentCheck {

    /** The RFC 6750 challenge sent with every 401 of room creation. */
    static final Map<String, String> CHALLENGE = Map.of("WWW-Authenticate", "Bearer");
    private static final Map<String, String> INVALID = Map.of("WWW-Authenticate", "Bearer error=\"invalid_token\"");
    private static final String BEARER = "Bearer ";
    private static final Logger LOG = Logger.getLogger(OidcAgentCheck.class);

    private final TenantIdentityProvider tokens;
    private final boolean enabled;

    public OidcAgentCheck(TenantIdentityProvider tokens, AgentAuthConfig config) {
        this.tokens = tokens;
        this.enabled = config.oidc().issuer().filter(i -> !i.isBlank()).isPresent();
    }

    /** Whether agents can sign in (an issuer is configured). */
    public boolean enabled() {
        return enabled;
    }

    /** The agent behind {@code authorization} ({@code Bearer <access token>}), or a 401 problem. */
    public Uni<AgentIdentity> identify(String authorization) {
        if (!enabled) {
            return Uni.createFrom().failure(new ProblemException(ProblemType.UNAUTHORIZED,
                    "sign-in is not configured on this CoView; use an API key in the " + ApiKeyAgentCheck.HEADER
                            + " header", CHALLENGE));
        }
        if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Uni.createFrom().failure(new ProblemException(ProblemType.UNAUTHORIZED,
                    "send the sign-in token as 'Authorization: Bearer <access token>'", CHALLENGE));
        }
        String token = authorization.substring(BEARER.length()).trim();
        return tokens.authenticate(new AccessTokenCredential(token))
                .onFailure().transform(OidcAgentCheck::refusal)
                .map(OidcAgentCheck::toAgent);
    }

    private static AgentIdentity toAgent(SecurityIdentity identity) {
        if (!(identity.getPrincipal() instanceof JsonWebToken jwt) || blank(jwt.getSubject())) {
            // An opaque token the provider introspected, or a JWT without sub: nothing stable to record.
            throw new ProblemException(ProblemType.UNAUTHORIZED, "the sign-in token names no subject", INVALID);
        }
        String name = jwt.getClaim("name");
        if (blank(name)) {
            name = jwt.getClaim("preferred_username");
        }
        String email = jwt.getClaim("email");
        return AgentIdentity.oidc(jwt.getSubject(), blank(name) ? null : name, blank(email) ? null : email);
    }

    private static Throwable refusal(Throwable failure) {
        if (failure instanceof ProblemException) {
            return failure;
        }
        if (failure instanceof AuthenticationFailedException) {
            // Expired, wrong issuer or audience, unknown key: what exactly is for the log, not for the caller.
            LOG.debugf("sign-in token refused: %s", failure.getMessage());
        } else {
            // Not the token's fault (the provider's keys could not be read): the operator needs to see it.
            LOG.warnf(failure, "sign-in token could not be verified");
        }
        return new ProblemException(ProblemType.UNAUTHORIZED,
                "the sign-in token is invalid or has expired; sign in again", INVALID);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
