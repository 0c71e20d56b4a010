package dev.coview.reliability.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every secret the suite handled: tokens (issued by room-service or minted here), TURN credentials, the agent
 * API key, the TURN secret and the lines of the private key. The last test scans the services' logs for each.
 */
public final class Secrets {

    /** Shorter strings would match by chance (and no secret of CoView is that short). */
    private static final int MIN_LENGTH = 16;
    private static final Set<String> ALL = ConcurrentHashMap.newKeySet();

    private Secrets() {
    }

    /** Remembers {@code secret}; for a JWT also its signature, which is what identifies it. */
    public static String register(String secret) {
        if (secret != null && secret.length() >= MIN_LENGTH) {
            ALL.add(secret);
            int lastDot = secret.lastIndexOf('.');
            if (secret.chars().filter(c -> c == '.').count() == 2 && secret.length() - lastDot > MIN_LENGTH) {
                ALL.add(secret.substring(lastDot + 1));
            }
        }
        return secret;
    }

    /** Remembers each base64 line of a PEM file. */
    public static void registerPem(Path pem) {
        try {
            List<String> lines = Files.readAllLines(pem);
            lines.stream().filter(l -> !l.startsWith("-----")).forEach(Secrets::register);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Set<String> all() {
        return Set.copyOf(ALL);
    }
}
