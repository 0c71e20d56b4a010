package dev.coview.local.issuer;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The tokens the local issuer signs: access tokens for an API ({@code aud} = the client's audience) and ID tokens
 * for the client. Public so that tests can also ask for tokens a real provider would issue in other situations
 * (expired, for another audience) with the same key.
 */
public final class IssuerTokens {

    private final IssuerKeys keys;
    private final String issuer;

    /** Tokens of {@code issuer}, signed with {@code keys} (tests: the same key as a running issuer). */
    public IssuerTokens(IssuerKeys keys, String issuer) {
        this.keys = keys;
        this.issuer = issuer;
    }

    /** An access token for {@code user} from {@code clientId}, for {@code audience}, valid {@code ttl} (may be < 0). */
    public String accessToken(IssuerSettings.User user, String clientId, String audience, String scope, Duration ttl) {
        Map<String, Object> claims = base(user, ttl);
        claims.put("aud", audience);
        claims.put("azp", clientId);
        claims.put("scope", scope);
        claims.put("preferred_username", user.username());
        return keys.sign(claims);
    }

    /** An ID token for {@code user}, for the client {@code clientId}. */
    String idToken(IssuerSettings.User user, String clientId, String nonce, Duration ttl) {
        Map<String, Object> claims = base(user, ttl);
        claims.put("aud", clientId);
        if (nonce != null) {
            claims.put("nonce", nonce);
        }
        return keys.sign(claims);
    }

    /** Any claims, signed with the issuer's key (tests: a token whose {@code iss} is not this issuer). */
    public String sign(Map<String, Object> claims) {
        return keys.sign(claims);
    }

    private Map<String, Object> base(IssuerSettings.User user, Duration ttl) {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("sub", user.subject());
        claims.put("iat", Math.min(now, now + ttl.toSeconds()) - 1);
        claims.put("exp", now + ttl.toSeconds());
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("name", user.name());
        claims.put("email", user.email());
        return claims;
    }
}
