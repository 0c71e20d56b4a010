package dev.coview.local.issuer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;

/**
 * {@code /authorize}: the authorization code flow with PKCE (S256 only). A GET shows the login form; its POST checks
 * the user name and password and sends the browser back to the client's {@code redirect_uri} with a one-time code.
 * A request from an unknown client or for an unregistered redirect is answered here, never redirected.
 */
final class AuthorizeEndpoint implements HttpHandler {

    /** The parameters the form carries through from the GET to its POST. */
    private static final List<String> CARRIED = List.of("response_type", "client_id", "redirect_uri", "state", "scope",
            "nonce", "code_challenge", "code_challenge_method");

    private final IssuerSettings settings;
    private final PendingCodes codes;

    AuthorizeEndpoint(IssuerSettings settings, PendingCodes codes) {
        this.settings = settings;
        this.codes = codes;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            Map<String, String> params = "POST".equals(method) ? Http.form(exchange)
                    : "GET".equals(method) ? Http.query(exchange) : null;
            if (params == null) {
                Http.send(exchange, 405, "text/plain; charset=utf-8", "GET or POST");
                return;
            }
            IssuerSettings.Client client = settings.client(params.get("client_id"));
            String redirect = params.get("redirect_uri");
            if (client == null || !client.allowsRedirect(redirect)) {
                page(exchange, 400, "This sign-in link is not valid",
                        "<p>The application that sent you here is not registered for this address.</p>");
                return;
            }
            String problem = protocolProblem(params);
            if (problem != null) {
                Http.redirect(exchange, back(redirect, Map.of("error", "invalid_request", "error_description", problem,
                        "state", params.getOrDefault("state", ""))));
                return;
            }
            if ("GET".equals(method)) {
                loginForm(exchange, params, null);
                return;
            }
            IssuerSettings.User user = authenticate(params.get("username"), params.get("password"));
            if (user == null) {
                loginForm(exchange, params, "The user name or password is wrong.");
                return;
            }
            String code = codes.issue(new PendingCodes.Pending(client.clientId(), redirect, params.get("code_challenge"),
                    user, params.getOrDefault("scope", "openid"), params.get("nonce")));
            Http.redirect(exchange, back(redirect, Map.of("code", code, "state", params.getOrDefault("state", ""))));
        }
    }

    private static String protocolProblem(Map<String, String> params) {
        if (!"code".equals(params.get("response_type"))) {
            return "response_type must be code";
        }
        String challenge = params.get("code_challenge");
        if (challenge == null || !challenge.matches("[A-Za-z0-9_-]{43}")
                || !"S256".equals(params.get("code_challenge_method"))) {
            return "PKCE with code_challenge_method S256 is required";
        }
        return null;
    }

    private IssuerSettings.User authenticate(String username, String password) {
        if (username == null || password == null) {
            return null;
        }
        IssuerSettings.User found = null;
        for (IssuerSettings.User u : settings.users()) {
            boolean same = MessageDigest.isEqual(u.password().getBytes(StandardCharsets.UTF_8),
                    password.getBytes(StandardCharsets.UTF_8));
            if (u.username().equals(username.strip()) && same) {
                found = u;
            }
        }
        return found;
    }

    private static String back(String redirect, Map<String, String> params) {
        StringBuilder uri = new StringBuilder(redirect).append(redirect.contains("?") ? '&' : '?');
        params.forEach((k, v) -> {
            if (!v.isEmpty()) {
                uri.append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)).append('&');
            }
        });
        return uri.substring(0, uri.length() - 1);
    }

    private static void loginForm(HttpExchange exchange, Map<String, String> params, String error) throws IOException {
        StringBuilder hidden = new StringBuilder();
        for (String name : CARRIED) {
            String value = params.get(name);
            if (value != null) {
                hidden.append("<input type=\"hidden\" name=\"").append(name).append("\" value=\"")
                        .append(Http.html(value)).append("\">");
            }
        }
        String username = params.getOrDefault("username", "");
        page(exchange, 200, "Sign in to CoView", (error == null ? "" : "<p role=\"alert\" class=\"error\">"
                + Http.html(error) + "</p>")
                + "<form method=\"post\" action=\"/authorize\">" + hidden
                + "<label for=\"username\">User name</label><input id=\"username\" name=\"username\" autocomplete="
                + "\"username\" required value=\"" + Http.html(username) + "\">"
                + "<label for=\"password\">Password</label><input id=\"password\" name=\"password\" type=\"password\""
                + " autocomplete=\"current-password\" required>"
                + "<button type=\"submit\">Sign in</button></form>"
                + "<p class=\"muted\">Local identity provider of <code>./coview up</code>: for development only.</p>");
    }

    private static void page(HttpExchange exchange, int status, String title, String body) throws IOException {
        exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
        exchange.getResponseHeaders().set("X-Frame-Options", "DENY");
        Http.send(exchange, status, "text/html; charset=utf-8", "<!doctype html><html lang=\"en\"><head>"
                + "<meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + Http.html(title) + "</title><style>body{font:16px system-ui,sans-serif;max-width:22rem;"
                + "margin:4rem auto;padding:0 1rem}label,input,button{display:block;width:100%;box-sizing:border-box}"
                + "input{margin:.25rem 0 1rem;padding:.5rem}button{padding:.6rem}.error{color:#b00020}"
                + ".muted{color:#666;font-size:.85rem}</style></head><body><h1>" + Http.html(title) + "</h1>" + body
                + "</body></html>");
    }
}
