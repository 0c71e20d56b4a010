package dev.coview.local.issuer;

import java.time.Duration;
import java.util.List;

/**
 * Who the local issuer knows: its clients (applications that may ask for sign-ins) and its users, and how long an
 * access token lives.
 *
 * @param clients        registered public clients
 * @param users          people who can sign in on the login page
 * @param accessTokenTtl lifetime of access and ID tokens
 */
public record IssuerSettings(List<Client> clients, List<User> users, Duration accessTokenTtl) {

    /**
     * A public client (no secret: a browser page), which must use PKCE.
     *
     * @param clientId         its {@code client_id}
     * @param audience         the {@code aud} of its access tokens (the API it calls)
     * @param redirectPrefixes where its sign-ins may return to: a {@code redirect_uri} must start with one of these
     */
    public record Client(String clientId, String audience, List<String> redirectPrefixes) {
        boolean allowsRedirect(String uri) {
            return uri != null && !uri.contains("#") && redirectPrefixes.stream().anyMatch(uri::startsWith);
        }
    }

    /**
     * A person who signs in.
     *
     * @param username what they type on the login page
     * @param password their password (a local fixture: compared in constant time, never logged)
     * @param subject  their stable {@code sub}
     * @param name     display name ({@code name} claim)
     * @param email    e-mail address ({@code email} claim)
     */
    public record User(String username, String password, String subject, String name, String email) {
    }

    Client client(String clientId) {
        return clients.stream().filter(c -> c.clientId().equals(clientId)).findFirst().orElse(null);
    }
}
