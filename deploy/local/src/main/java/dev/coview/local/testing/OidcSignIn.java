package dev.coview.local.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Signs in at an OpenID Connect provider the way the agent console does, over plain HTTP: the authorization
 * request with a PKCE challenge, the login form posted with a user name and password, the code taken from the
 * redirect, and the code exchanged with the verifier for an access token. For tests against the local issuer.
 */
public final class OidcSignIn {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\":\"([^\"]+)\"");

    private OidcSignIn() {
    }

    /** An access token for {@code username} from {@code clientId} at {@code issuer}; fails on any unexpected answer. */
    public static String accessToken(String issuer, String clientId, String redirectUri, String username,
                                     String password) throws IOException, InterruptedException {
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Map<String, String> authorize = new LinkedHashMap<>();
        authorize.put("response_type", "code");
        authorize.put("client_id", clientId);
        authorize.put("redirect_uri", redirectUri);
        authorize.put("scope", "openid profile email");
        authorize.put("state", "s-" + System.nanoTime());
        authorize.put("code_challenge", challenge(verifier));
        authorize.put("code_challenge_method", "S256");
        HttpResponse<String> form = HTTP.send(HttpRequest.newBuilder(URI.create(issuer + "/authorize?"
                + encode(authorize))).build(), HttpResponse.BodyHandlers.ofString());
        expect(form, 200, "the login form");
        Map<String, String> login = new LinkedHashMap<>(authorize);
        login.put("username", username);
        login.put("password", password);
        HttpResponse<String> redirect = HTTP.send(post(issuer + "/authorize", login),
                HttpResponse.BodyHandlers.ofString());
        expect(redirect, 302, "the redirect after the login");
        String location = redirect.headers().firstValue("Location").orElseThrow();
        Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(location);
        if (!location.startsWith(redirectUri) || !code.find()) {
            throw new IOException("no code in the redirect " + location);
        }
        Map<String, String> exchange = new LinkedHashMap<>();
        exchange.put("grant_type", "authorization_code");
        exchange.put("code", java.net.URLDecoder.decode(code.group(1), StandardCharsets.UTF_8));
        exchange.put("redirect_uri", redirectUri);
        exchange.put("client_id", clientId);
        exchange.put("code_verifier", verifier);
        HttpResponse<String> tokens = HTTP.send(post(issuer + "/token", exchange),
                HttpResponse.BodyHandlers.ofString());
        expect(tokens, 200, "the token answer");
        Matcher token = ACCESS_TOKEN.matcher(tokens.body());
        if (!token.find()) {
            throw new IOException("no access_token in " + tokens.body());
        }
        return token.group(1);
    }

    private static HttpRequest post(String uri, Map<String, String> form) {
        return HttpRequest.newBuilder(URI.create(uri)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))).build();
    }

    private static void expect(HttpResponse<String> answer, int status, String what) throws IOException {
        if (answer.statusCode() != status) {
            throw new IOException(what + " answered " + answer.statusCode() + ": " + answer.body());
        }
    }

    private static String encode(Map<String, String> params) {
        StringBuilder out = new StringBuilder();
        params.forEach((k, v) -> out.append(out.length() == 0 ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return out.toString();
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
