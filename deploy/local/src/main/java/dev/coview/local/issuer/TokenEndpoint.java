package dev.coview.local.issuer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /token}: exchanges a one-time code for an access token and an ID token (RFC 6749 §4.1.3), after checking
 * the client, the redirect URI and the PKCE verifier against the code's challenge. Errors are RFC 6749 §5.2 JSON.
 * Browsers call it cross-origin, so it answers CORS preflights.
 */
final class TokenEndpoint implements HttpHandler {

    private final IssuerSettings settings;
    private final PendingCodes codes;
    private final IssuerTokens tokens;

    TokenEndpoint(IssuerSettings settings, PendingCodes codes, IssuerTokens tokens) {
        this.settings = settings;
        this.codes = codes;
        this.tokens = tokens;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if ("OPTIONS".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
                exchange.getResponseHeaders().set("Access-Control-Allow-Methods", "POST");
                exchange.getResponseHeaders().set("Access-Control-Allow-Headers", "content-type");
                exchange.sendResponseHeaders(204, -1);
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                Http.json(exchange, 405, error("invalid_request", "POST only"));
                return;
            }
            Map<String, String> form = Http.form(exchange);
            if (form == null || !"authorization_code".equals(form.get("grant_type"))) {
                Http.json(exchange, 400, error("unsupported_grant_type", "only authorization_code"));
                return;
            }
            PendingCodes.Pending pending = codes.redeem(form.get("code"));
            if (pending == null || !pending.clientId().equals(form.get("client_id"))
                    || !pending.redirectUri().equals(form.get("redirect_uri"))
                    || !challengeOf(form.get("code_verifier")).equals(pending.codeChallenge())) {
                Http.json(exchange, 400, error("invalid_grant",
                        "unknown, used or expired code, or a client, redirect_uri or code_verifier that does not match"));
                return;
            }
            IssuerSettings.Client client = settings.client(pending.clientId());
            Duration ttl = settings.accessTokenTtl();
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("access_token", tokens.accessToken(pending.user(), client.clientId(), client.audience(),
                    pending.scope(), ttl));
            answer.put("token_type", "Bearer");
            answer.put("expires_in", ttl.toSeconds());
            answer.put("scope", pending.scope());
            answer.put("id_token", tokens.idToken(pending.user(), client.clientId(), pending.nonce(), ttl));
            Http.json(exchange, 200, answer);
        }
    }

    /** BASE64URL(SHA-256(verifier)), RFC 7636 §4.2; empty for a missing or malformed verifier. */
    private static String challengeOf(String verifier) {
        if (verifier == null || !verifier.matches("[A-Za-z0-9._~-]{43,128}")) {
            return "";
        }
        byte[] digest = IssuerKeys.sha256(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    private static Map<String, Object> error(String code, String description) {
        return Map.of("error", code, "error_description", description);
    }
}
