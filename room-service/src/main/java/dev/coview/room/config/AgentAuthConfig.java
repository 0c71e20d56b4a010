package dev.coview.room.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who may create rooms, under {@code coview.room.auth.*}: agents signed in with the company's identity provider
 * (OpenID Connect bearer tokens) and machine clients with API keys. The legacy single key
 * {@code coview.room.agent-api-key} ({@link RoomConfig#agentApiKey()}) is still honoured, as the key named
 * {@code default}.
 */
@ConfigMapping(prefix = "coview.room.auth")
public interface AgentAuthConfig {

    /** Signing agents in with OpenID Connect. */
    Oidc oidc();

    /**
     * API keys of machine clients (a CRM backend, the widget's host), by the identity name rooms record as their
     * creator ({@code api-key:<name>}): {@code coview.room.auth.api-keys.crm=<key>}. None by default.
     */
    Map<String, String> apiKeys();

    /** Fewest characters an API key may have; a shorter configured key stops room-service at startup; default 24. */
    @WithDefault("24")
    int apiKeyMinLength();

    /**
     * Wrong API keys one client address may send per {@link #apiKeyAttemptWindow()} before every further attempt,
     * right or wrong, is answered 429; a right key is not counted; default 20.
     */
    @WithDefault("20")
    int apiKeyAttempts();

    /** The window of {@link #apiKeyAttempts()}; the 429's {@code Retry-After} is what is left of it; default 10 min. */
    @WithDefault("10m")
    Duration apiKeyAttemptWindow();

    /** {@code coview.room.auth.oidc.*}. */
    interface Oidc {
        /**
         * The identity provider's issuer URL (its {@code /.well-known/openid-configuration} is read from there),
         * e.g. {@code https://example.okta.com/oauth2/default}. Unset: agents use API keys only.
         */
        Optional<String> issuer();

        /** The {@code aud} an access token must carry to create rooms; default {@code coview}. */
        @WithDefault("coview")
        String audience();

        /** The client id the agent console signs in with (a public client: authorization code + PKCE). */
        @WithDefault("coview-agent-console")
        String clientId();

        /** Scopes the agent console asks for; default {@code openid profile email}. */
        @WithDefault("openid,profile,email")
        List<String> scopes();
    }
}
