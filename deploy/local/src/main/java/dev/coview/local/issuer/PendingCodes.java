package dev.coview.local.issuer;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Authorization codes between the login and the token request: single use, valid for a minute, at most 1,000. */
final class PendingCodes {

    private static final Duration LIFETIME = Duration.ofMinutes(1);
    private static final int MAX = 1_000;

    /** What a code stands for. */
    record Pending(String clientId, String redirectUri, String codeChallenge, IssuerSettings.User user, String scope,
                   String nonce) {
    }

    private record Entry(Pending pending, Instant expires) {
    }

    private final Map<String, Entry> codes = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    String issue(Pending pending) {
        Instant now = Instant.now();
        codes.values().removeIf(e -> e.expires().isBefore(now));
        if (codes.size() >= MAX) {
            throw new IllegalStateException("too many pending sign-ins");
        }
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        String code = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        codes.put(code, new Entry(pending, now.plus(LIFETIME)));
        return code;
    }

    /** The code's sign-in, removed whether or not it is still valid; {@code null} when unknown or expired. */
    Pending redeem(String code) {
        Entry e = code == null ? null : codes.remove(code);
        return e == null || e.expires().isBefore(Instant.now()) ? null : e.pending();
    }
}
