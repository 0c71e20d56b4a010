package dev.coview.local.servers;

import dev.coview.contracts.auth.Claims;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Map;

/**
 * An ES256 (P-256) key pair for local runs and tests, as PEM files: room-service signs with the private key, the
 * other services verify with the public one. Generated on first use, never committed; in Kubernetes the pair
 * comes from a Secret instead.
 */
public final class JwtDevKeys {

    /** PKCS#8 private key file name inside the key directory. */
    public static final String PRIVATE_KEY = "jwt-private.pem";
    /** X.509 SubjectPublicKeyInfo public key file name inside the key directory. */
    public static final String PUBLIC_KEY = "jwt-public.pem";

    private final Path privateKey;
    private final Path publicKey;

    private JwtDevKeys(Path privateKey, Path publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** Uses the pair in {@code dir}, generating it if either file is missing. */
    public static JwtDevKeys inDirectory(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path priv = dir.resolve(PRIVATE_KEY);
        Path pub = dir.resolve(PUBLIC_KEY);
        if (!Files.exists(priv) || !Files.exists(pub)) {
            KeyPair pair = generate();
            write(priv, "PRIVATE KEY", pair.getPrivate().getEncoded());
            write(pub, "PUBLIC KEY", pair.getPublic().getEncoded());
        }
        return new JwtDevKeys(priv, pub);
    }

    public Path privateKey() {
        return privateKey;
    }

    public Path publicKey() {
        return publicKey;
    }

    /**
     * The MicroProfile JWT / SmallRye JWT properties that make every service use this pair: room-service signs,
     * all verify, with CoView's issuer.
     */
    public Map<String, String> quarkusProperties() {
        return Map.of(
                "mp.jwt.verify.publickey.location", "file:" + publicKey,
                "mp.jwt.verify.publickey.algorithm", "ES256",
                "mp.jwt.verify.issuer", Claims.ISSUER,
                "smallrye.jwt.sign.key.location", "file:" + privateKey,
                "smallrye.jwt.new-token.signature-algorithm", "ES256",
                "smallrye.jwt.new-token.issuer", Claims.ISSUER);
    }

    private static KeyPair generate() throws IOException {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot generate an EC P-256 key pair", e);
        }
    }

    private static void write(Path file, String label, byte[] der) throws IOException {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
        Files.writeString(file, "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n");
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // Not a POSIX file system: the directory's own permissions have to do.
        }
    }
}
