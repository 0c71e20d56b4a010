package dev.coview.local.issuer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.coview.local.testing.OidcSignIn;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The local OpenID Connect issuer over real HTTP (a JDK HttpServer on loopback): discovery, keys, the code flow with
 * PKCE, and what it refuses (an unregistered redirect, a wrong verifier, a code used twice, a wrong password).
 */
class LocalIssuerTest {

    private static final String REDIRECT = "http://localhost:9/agent/";
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static LocalIssuer issuer;

    @BeforeAll
    static void start() throws Exception {
        Path keys = Files.createTempDirectory("issuer-test-keys-");
        issuer = LocalIssuer.start(0, keys, LocalIssuerResource.settings());
    }

    @AfterAll
    static void stop() {
        issuer.close();
    }

    @Test
    void discoveryNamesTheEndpointsAndKeysVerifyItsTokens() throws Exception {
        String discovery = get("/.well-known/openid-configuration").body();
        assertThat(discovery).contains("\"issuer\":\"" + issuer.issuer() + "\"")
                .contains("\"token_endpoint\":\"" + issuer.issuer() + "/token\"")
                .contains("\"code_challenge_methods_supported\":[\"S256\"]");
        String jwks = get("/jwks").body();
        assertThat(jwks).contains("\"kty\":\"EC\"").contains("\"crv\":\"P-256\"");

        String token = OidcSignIn.accessToken(issuer.issuer(), LocalIssuerResource.CONSOLE_CLIENT, REDIRECT,
                LocalIssuerResource.AGENT.username(), LocalIssuerResource.AGENT.password());
        String[] parts = token.split("\\.");
        String header = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertThat(header).contains("\"alg\":\"ES256\"");
        assertThat(jwks).contains(header.replaceAll(".*\"kid\":\"([^\"]+)\".*", "$1"));
        assertThat(claims).contains("\"iss\":\"" + issuer.issuer() + "\"").contains("\"aud\":\"coview\"")
                .contains("\"sub\":\"agent-ada-0001\"").contains("\"email\":\"ada@example.test\"");
        assertThat(Base64.getUrlDecoder().decode(parts[2])).hasSize(64);
    }

    @Test
    void anUnregisteredRedirectIsAnsweredOnThePageNeverFollowed() throws Exception {
        HttpResponse<String> answer = get("/authorize?response_type=code&client_id=coview-agent-console"
                + "&redirect_uri=" + enc("https://attacker.test/agent/") + "&code_challenge=" + "a".repeat(43)
                + "&code_challenge_method=S256");
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Location")).isEmpty();
        assertThat(answer.body()).contains("This sign-in link is not valid");
    }

    @Test
    void withoutPkceTheClientIsSentBackWithAnError() throws Exception {
        HttpResponse<String> answer = get("/authorize?response_type=code&client_id=coview-agent-console"
                + "&redirect_uri=" + enc(REDIRECT) + "&state=s1");
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location").orElseThrow())
                .startsWith(REDIRECT + "?").contains("error=invalid_request").contains("state=s1");
    }

    @Test
    void aWrongPasswordShowsTheFormAgainWithoutACode() throws Exception {
        HttpResponse<String> answer = post("/authorize", authorize("c".repeat(43)) + "&username=ada&password=nope");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("The user name or password is wrong.");
        assertThat(answer.headers().firstValue("Location")).isEmpty();
    }

    @Test
    void aCodeNeedsItsVerifierAndWorksOnce() throws Exception {
        String verifier = "v".repeat(43);
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                IssuerKeys.sha256(verifier.getBytes(StandardCharsets.US_ASCII)));
        String location = post("/authorize", authorize(challenge) + "&username=ada&password="
                + LocalIssuerResource.AGENT.password()).headers().firstValue("Location").orElseThrow();
        Matcher m = Pattern.compile("code=([^&]+)").matcher(location);
        assertThat(m.find()).isTrue();
        String exchange = "grant_type=authorization_code&client_id=coview-agent-console&redirect_uri=" + enc(REDIRECT)
                + "&code=" + m.group(1);

        HttpResponse<String> wrongVerifier = post("/token", exchange + "&code_verifier=" + "w".repeat(43));
        assertThat(wrongVerifier.statusCode()).isEqualTo(400);
        assertThat(wrongVerifier.body()).contains("invalid_grant");
        // The failed attempt spent the code: a stolen code cannot be tried again with other verifiers.
        HttpResponse<String> again = post("/token", exchange + "&code_verifier=" + verifier);
        assertThat(again.statusCode()).isEqualTo(400);
    }

    private static String authorize(String challenge) {
        return "response_type=code&client_id=coview-agent-console&redirect_uri=" + enc(REDIRECT)
                + "&state=s&code_challenge=" + challenge + "&code_challenge_method=S256";
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(issuer.issuer() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String form) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(issuer.issuer() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
