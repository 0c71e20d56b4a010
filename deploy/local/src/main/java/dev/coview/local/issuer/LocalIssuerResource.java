package dev.coview.local.issuer;

import dev.coview.local.testing.LocalStackResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Test resource: a real {@link LocalIssuer} on a free loopback port, one per test JVM (like the local stack), with
 * the agent console's client, a client for another API ({@link #OTHER_CLIENT}, whose tokens have another audience)
 * and one agent ({@link #AGENT}). Injects {@code coview.room.auth.oidc.issuer}. Tests reach it through
 * {@link #issuer()} and {@link #tokens()}, from whichever class loader they run in.
 */
public class LocalIssuerResource implements QuarkusTestResourceLifecycleManager {

    /** The client id of the agent console, and the audience room-service requires by default. */
    public static final String CONSOLE_CLIENT = "coview-agent-console";
    public static final String AUDIENCE = "coview";
    /** A client whose access tokens are for another API (audience {@code other-api}). */
    public static final String OTHER_CLIENT = "other-app";
    /** The one user. */
    public static final IssuerSettings.User AGENT = new IssuerSettings.User("ada", "ada-local-password",
            "agent-ada-0001", "Ada Lovelace", "ada@example.test");

    /* JVM-wide, for the copies of this class that Quarkus loads per test profile (see LocalStackResource). */
    private static final String URL = "coview.local.issuer.url";
    private static final String KEYS = "coview.local.issuer.keys";

    /** The settings of the tests' issuer: redirects back to any loopback page. */
    public static IssuerSettings settings() {
        List<String> loopback = List.of("http://localhost:", "http://127.0.0.1:");
        return new IssuerSettings(List.of(
                new IssuerSettings.Client(CONSOLE_CLIENT, AUDIENCE, loopback),
                new IssuerSettings.Client(OTHER_CLIENT, "other-api", loopback)),
                List.of(AGENT), Duration.ofMinutes(10));
    }

    /** The JVM's issuer URL, starting the issuer on first call. */
    public static String issuer() {
        synchronized (System.class) {
            String url = System.getProperty(URL);
            if (url != null) {
                return url;
            }
            try {
                Path keys = Files.createTempDirectory("coview-issuer-keys-");
                LocalIssuer started = LocalIssuer.start(0, keys, settings());
                System.setProperty(URL, started.issuer());
                System.setProperty(KEYS, keys.toString());
                Runtime.getRuntime().addShutdownHook(new Thread(started::close, "coview-local-issuer-stop"));
                return started.issuer();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the local OIDC issuer", e);
            }
        }
    }

    /** Tokens signed with the JVM issuer's key, under its name. */
    public static IssuerTokens tokens() {
        String url = issuer();
        try {
            return new IssuerTokens(IssuerKeys.inDirectory(Path.of(System.getProperty(KEYS))), url);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The key of the JVM's issuer (to start a second issuer that signs with it under another name). */
    public static IssuerKeys keys() {
        issuer();
        try {
            return IssuerKeys.inDirectory(Path.of(System.getProperty(KEYS)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Map<String, String> start() {
        return Map.of("coview.room.auth.oidc.issuer", issuer());
    }

    @Override
    public void stop() {
        // Shared by every test class of the JVM: stopped by the shutdown hook.
    }
}
