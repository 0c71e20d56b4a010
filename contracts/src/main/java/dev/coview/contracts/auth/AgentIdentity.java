package dev.coview.contracts.auth;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Who created a room: an agent signed in with the company's identity provider (OpenID Connect), or a machine client
 * with one of the configured API keys. Part of {@code room.created} ({@code agent}); schema
 * {@code schemas/events/room.created.json#/properties/agent}.
 *
 * @param method  how it proved who it is: {@link #OIDC} or {@link #API_KEY}
 * @param subject the identity provider's {@code sub} (OIDC) or the key's configured name (API key)
 * @param name    display name from the identity provider ({@code name}, else {@code preferred_username}); absent for
 *                API keys and when the provider sends none
 * @param email   the agent's e-mail address from the identity provider; absent when it sends none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AgentIdentity(String method, String subject, String name, String email) {

    /** {@link #method()} of an agent signed in with OpenID Connect. */
    public static final String OIDC = "oidc";
    /** {@link #method()} of a machine client with an API key. */
    public static final String API_KEY = "api-key";

    /** An agent signed in with OpenID Connect. */
    public static AgentIdentity oidc(String subject, String name, String email) {
        return new AgentIdentity(OIDC, subject, name, email);
    }

    /** A machine client known by the name of its API key. */
    public static AgentIdentity apiKey(String keyName) {
        return new AgentIdentity(API_KEY, keyName, null, null);
    }

    /**
     * The stable key of this identity, as rooms record their creator ({@code createdBy}) and an agent's rooms are
     * listed: {@code oidc:<sub>} or {@code api-key:<name>}.
     */
    @JsonIgnore
    public String creator() {
        return method + ":" + subject;
    }
}
