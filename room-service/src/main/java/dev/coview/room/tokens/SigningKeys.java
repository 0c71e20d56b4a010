package dev.coview.room.tokens;

import io.quarkus.runtime.Startup;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.util.KeyUtils;
import io.smallrye.jwt.util.ResourceUtils;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;

/**
 * The ES256 key pair room-service signs with, read once at startup from the same configuration every service uses:
 * the private key from {@code smallrye.jwt.sign.key.location}, the public key from
 * {@code mp.jwt.verify.publickey.location}. Startup fails when the two do not belong together, rather than issuing
 * tokens nobody accepts. The key id is the public key's RFC 7638 thumbprint, so it changes exactly when the key does.
 */
@Startup
@ApplicationScoped
public class SigningKeys {

    private final PrivateKey privateKey;
    private final String keyId;
    private final String jwksJson;

    public SigningKeys(@ConfigProperty(name = "smallrye.jwt.sign.key.location") String privateKeyLocation,
                       @ConfigProperty(name = "mp.jwt.verify.publickey.location") String publicKeyLocation) {
        try {
            this.privateKey = KeyUtils.decodePrivateKey(read(privateKeyLocation), SignatureAlgorithm.ES256);
            ECPublicKey publicKey = (ECPublicKey) KeyUtils.decodePublicKey(read(publicKeyLocation),
                    SignatureAlgorithm.ES256);
            checkPair(privateKey, publicKey);
            EllipticCurveJsonWebKey jwk = new EllipticCurveJsonWebKey(publicKey);
            this.keyId = jwk.calculateBase64urlEncodedThumbprint("SHA-256");
            jwk.setKeyId(keyId);
            jwk.setAlgorithm(SignatureAlgorithm.ES256.getAlgorithm());
            jwk.setUse("sig");
            this.jwksJson = new JsonWebKeySet(jwk).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
        } catch (IOException | GeneralSecurityException | ClassCastException e) {
            throw new IllegalStateException("cannot load the JWT key pair (smallrye.jwt.sign.key.location, "
                    + "mp.jwt.verify.publickey.location): " + e.getMessage(), e);
        }
    }

    PrivateKey privateKey() {
        return privateKey;
    }

    /** The {@code kid} of every token and of the one key in the JWKS. */
    public String keyId() {
        return keyId;
    }

    /** The JWK Set ({@code GET /.well-known/jwks.json}): the public key only. */
    public String jwksJson() {
        return jwksJson;
    }

    /** PEM text from a {@code file:} or {@code classpath:} location, as smallrye-jwt reads it. */
    private static String read(String location) throws IOException {
        String pem = ResourceUtils.readResource(location);
        if (pem == null) {
            throw new IOException(location + " does not exist");
        }
        return pem;
    }

    private static void checkPair(PrivateKey privateKey, ECPublicKey publicKey) throws GeneralSecurityException {
        byte[] probe = "coview key pair check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(privateKey);
        signer.update(probe);
        byte[] sig = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(publicKey);
        verifier.update(probe);
        if (!verifier.verify(sig)) {
            throw new GeneralSecurityException("the private and public keys are not a pair");
        }
    }
}
