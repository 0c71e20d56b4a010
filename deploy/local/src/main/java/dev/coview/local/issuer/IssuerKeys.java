package dev.coview.local.issuer;

import dev.coview.local.servers.JwtDevKeys;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The local issuer's ES256 signing key (a P-256 pair kept as PEM files by {@link JwtDevKeys}, so that every
 * class loader and process that reads the same directory signs with the same key), its JWK, and JWS compact
 * signing with the JDK alone.
 */
public final class IssuerKeys {

    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private final PrivateKey privateKey;
    private final ECPublicKey publicKey;
    private final String keyId;

    private IssuerKeys(PrivateKey privateKey, ECPublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        // RFC 7638 thumbprint: stable for the key, different for another key (a verifier refetches its JWKS).
        // Members in lexicographic order, as the thumbprint requires (a TreeMap writes them so).
        this.keyId = B64URL.encodeToString(sha256(Json.write(new TreeMap<>(Map.of("crv", "P-256", "kty", "EC",
                "x", x(), "y", y()))).getBytes(StandardCharsets.UTF_8)));
    }

    /** The pair in {@code dir}, generated there if missing. */
    public static IssuerKeys inDirectory(Path dir) throws IOException {
        JwtDevKeys pair = JwtDevKeys.inDirectory(dir);
        try {
            KeyFactory ec = KeyFactory.getInstance("EC");
            return new IssuerKeys(ec.generatePrivate(new PKCS8EncodedKeySpec(pem(pair.privateKey()))),
                    (ECPublicKey) ec.generatePublic(new X509EncodedKeySpec(pem(pair.publicKey()))));
        } catch (GeneralSecurityException e) {
            throw new IOException("the issuer key in " + dir + " is not an EC P-256 pair", e);
        }
    }

    /** The key id ({@code kid}) of every token signed here. */
    public String keyId() {
        return keyId;
    }

    /** The public key as a JWK ({@code kty EC, crv P-256, use sig, alg ES256}). */
    Map<String, Object> jwk() {
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("kty", "EC");
        jwk.put("crv", "P-256");
        jwk.put("x", x());
        jwk.put("y", y());
        jwk.put("use", "sig");
        jwk.put("alg", "ES256");
        jwk.put("kid", keyId);
        return jwk;
    }

    /** {@code claims} as a compact JWS (ES256, this key's {@code kid}). */
    public String sign(Map<String, Object> claims) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "ES256");
        header.put("typ", "JWT");
        header.put("kid", keyId);
        String input = B64URL.encodeToString(Json.write(header).getBytes(StandardCharsets.UTF_8)) + "."
                + B64URL.encodeToString(Json.write(claims).getBytes(StandardCharsets.UTF_8));
        try {
            // P1363 format: the raw 64-byte r||s that JWS wants (plain SHA256withECDSA gives DER).
            Signature s = Signature.getInstance("SHA256withECDSAinP1363Format");
            s.initSign(privateKey);
            s.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + B64URL.encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ES256 signing failed", e);
        }
    }

    private String x() {
        return coordinate(publicKey.getW().getAffineX());
    }

    private String y() {
        return coordinate(publicKey.getW().getAffineY());
    }

    /** A P-256 coordinate as exactly 32 big-endian bytes, base64url. */
    private static String coordinate(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] fixed = new byte[32];
        int from = Math.max(0, raw.length - 32);
        System.arraycopy(raw, from, fixed, 32 - (raw.length - from), raw.length - from);
        return B64URL.encodeToString(fixed);
    }

    private static byte[] pem(Path file) throws IOException {
        String body = Files.readString(file).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
