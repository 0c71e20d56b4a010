package dev.coview.local.issuer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A tiny real OpenID Connect provider for {@code ./coview up} and the tests, on loopback: discovery
 * ({@code /.well-known/openid-configuration}), keys ({@code /jwks}), the authorization code flow with PKCE and a
 * login form ({@code /authorize}), and the token endpoint ({@code /token}). Tokens are ES256 JWTs signed with the
 * JDK. For development only: users and passwords are given at start, nothing is persisted.
 */
public final class LocalIssuer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;
    private final String issuer;
    private final IssuerTokens tokens;

    private LocalIssuer(HttpServer server, ExecutorService executor, String issuer, IssuerTokens tokens) {
        this.server = server;
        this.executor = executor;
        this.issuer = issuer;
        this.tokens = tokens;
    }

    /**
     * Starts the issuer on {@code 127.0.0.1:port} (0: a free port).
     *
     * @param keyDir   where its signing key is kept (generated on first use)
     * @param settings its clients and users
     */
    public static LocalIssuer start(int port, Path keyDir, IssuerSettings settings) throws IOException {
        return start(port, IssuerKeys.inDirectory(keyDir), settings, null);
    }

    /**
     * As {@link #start(int, Path, IssuerSettings)} with the given key, naming itself {@code issuerName} instead of its
     * own URL when not {@code null} (tests: a second provider that signs with a trusted key under another name).
     */
    public static LocalIssuer start(int port, IssuerKeys keys, IssuerSettings settings, String issuerName)
            throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        String issuer = issuerName != null ? issuerName : url;
        IssuerTokens tokens = new IssuerTokens(keys, issuer);
        PendingCodes codes = new PendingCodes();
        server.createContext("/.well-known/openid-configuration", exchange -> json(exchange, discovery(issuer, url)));
        server.createContext("/jwks", exchange -> json(exchange, Map.of("keys", List.of(keys.jwk()))));
        server.createContext("/authorize", new AuthorizeEndpoint(settings, codes));
        server.createContext("/token", new TokenEndpoint(settings, codes, tokens));
        ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "coview-local-issuer");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.start();
        return new LocalIssuer(server, executor, issuer, tokens);
    }

    /** The issuer URL ({@code iss} of its tokens; discovery below it). */
    public String issuer() {
        return issuer;
    }

    /** The port it listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Its token minting, for tests that need tokens of other shapes signed with the same key. */
    public IssuerTokens tokens() {
        return tokens;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private static Map<String, Object> discovery(String issuer, String url) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("issuer", issuer);
        d.put("authorization_endpoint", url + "/authorize");
        d.put("token_endpoint", url + "/token");
        d.put("jwks_uri", url + "/jwks");
        d.put("response_types_supported", List.of("code"));
        d.put("grant_types_supported", List.of("authorization_code"));
        d.put("subject_types_supported", List.of("public"));
        d.put("id_token_signing_alg_values_supported", List.of("ES256"));
        d.put("code_challenge_methods_supported", List.of("S256"));
        d.put("token_endpoint_auth_methods_supported", List.of("none"));
        d.put("scopes_supported", List.of("openid", "profile", "email"));
        d.put("claims_supported", List.of("sub", "name", "email", "preferred_username"));
        return d;
    }

    private static void json(HttpExchange exchange, Object body) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod())) {
                Http.json(exchange, 405, Map.of("error", "invalid_request"));
                return;
            }
            Http.json(exchange, 200, body);
        }
    }
}
