package dev.coview.contracts.rooms;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Answer to {@code GET /api/config}: where the web client finds the two WebSocket services, and how agents sign in.
 *
 * @param signalingUrl  {@code ws(s)://…/ws/signal}
 * @param annotationUrl {@code ws(s)://…/ws/annotations}
 * @param signIn        the identity provider the agent console signs in with; absent when agents use API keys only
 * @param sharePolicy   who may share a screen in the room ({@code both}, {@code one-at-a-time}, {@code customer-only});
 *                      absent from older services, meaning {@code both}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClientConfig(String signalingUrl, String annotationUrl, SignIn signIn, String sharePolicy) {

    /** Without sign-in (API keys only). */
    public ClientConfig(String signalingUrl, String annotationUrl) {
        this(signalingUrl, annotationUrl, null, null);
    }

    /**
     * OpenID Connect for the agent console: authorization code with PKCE, as a public client.
     *
     * @param issuer   the identity provider's issuer URL (discovery at {@code /.well-known/openid-configuration})
     * @param clientId the console's client id at the provider
     * @param scopes   the scopes to ask for
     */
    public record SignIn(String issuer, String clientId, List<String> scopes) {
    }
}
