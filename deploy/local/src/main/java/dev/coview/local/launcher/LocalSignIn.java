package dev.coview.local.launcher;

import dev.coview.local.issuer.IssuerSettings;
import dev.coview.local.issuer.LocalIssuer;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * How agents sign in on a {@code ./coview up} run: the local OpenID Connect issuer (user {@value #USER}, password
 * {@code COVIEW_ISSUER_PASSWORD} or a generated one), unless {@code COVIEW_ROOM_AUTH_OIDC_ISSUER} names a real
 * identity provider, which room-service then reads from its environment.
 */
final class LocalSignIn implements AutoCloseable {

    /** The local issuer's one user. */
    static final String USER = "agent";

    private final LocalIssuer issuer;
    private final String password;

    private LocalSignIn(LocalIssuer issuer, String password) {
        this.issuer = issuer;
        this.password = password;
    }

    /** Starts the local issuer unless an external one is configured. */
    static LocalSignIn start(Path state, int roomPort) throws IOException {
        String external = System.getenv("COVIEW_ROOM_AUTH_OIDC_ISSUER");
        if (external != null && !external.isBlank()) {
            return new LocalSignIn(null, null);
        }
        String password = System.getenv("COVIEW_ISSUER_PASSWORD");
        if (password == null || password.isBlank()) {
            byte[] raw = new byte[12];
            new SecureRandom().nextBytes(raw);
            password = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        }
        String port = System.getenv("COVIEW_ISSUER_PORT");
        // The agent console at room-service's origin (either loopback name), the Vite dev server, and any other
        // origin whose pages may use the sockets (COVIEW_WS_ALLOWED_ORIGINS: the end-to-end tests' static server).
        List<String> redirects = new ArrayList<>(List.of("http://localhost:" + roomPort + "/agent",
                "http://127.0.0.1:" + roomPort + "/agent", "http://localhost:5173/agent"));
        String allowed = System.getenv("COVIEW_WS_ALLOWED_ORIGINS");
        if (allowed != null) {
            Arrays.stream(allowed.split(",")).map(String::strip).filter(o -> o.startsWith("http"))
                    .forEach(origin -> redirects.add(origin.replaceAll("/+$", "") + "/agent"));
        }
        IssuerSettings settings = new IssuerSettings(
                List.of(new IssuerSettings.Client("coview-agent-console", "coview", redirects)),
                List.of(new IssuerSettings.User(USER, password, "local-agent", "Local Agent", "agent@coview.local")),
                Duration.ofHours(1));
        int listen = port == null || port.isBlank() ? 8088 : Integer.parseInt(port.trim());
        return new LocalSignIn(LocalIssuer.start(listen, state.resolve("issuer-keys"), settings), password);
    }

    /** The local issuer, or {@code null} when an external one is configured. */
    LocalIssuer issuer() {
        return issuer;
    }

    /** What the person reads at start: where and as whom to sign in. */
    String describe() {
        return issuer == null ? "with " + System.getenv("COVIEW_ROOM_AUTH_OIDC_ISSUER")
                : "user " + USER + ", password " + password + "  (local issuer " + issuer.issuer() + ")";
    }

    @Override
    public void close() {
        if (issuer != null) {
            issuer.close();
        }
    }
}
