package dev.coview.contracts.media;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed, short-lived download links for snapshots and recordings: {@code <path>?expires=<epoch seconds>&sig=<sig>},
 * where {@code sig} is base64url (no padding) of HMAC-SHA256 over {@code "<path>\n<expires>"} with the link secret
 * that room-service (which checks them) and webhook-service (which puts them into webhooks) share. A link opens in a
 * browser tab without a token, for that one file, until it expires.
 */
public final class MediaLinks {

    /** Query parameter: when the link stops working, epoch seconds. */
    public static final String EXPIRES = "expires";
    /** Query parameter: the signature. */
    public static final String SIGNATURE = "sig";

    private final byte[] secret;

    /** @param secret the shared link secret's bytes (at least 32) */
    public MediaLinks(byte[] secret) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("a media link secret needs at least 32 bytes");
        }
        this.secret = secret.clone();
    }

    /** {@code path?expires=…&sig=…} for a path such as {@code /api/rooms/{id}/recordings/{rid}}. */
    public String sign(String path, long expiresEpochSeconds) {
        return path + "?" + EXPIRES + "=" + expiresEpochSeconds + "&" + SIGNATURE + "="
                + signature(path, expiresEpochSeconds);
    }

    /** Whether {@code sig} signs {@code path} until {@code expires} (the caller checks the time). */
    public boolean verify(String path, long expiresEpochSeconds, String sig) {
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(sig);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(mac(path, expiresEpochSeconds), given);
    }

    /** The snapshot part's download path. */
    public static String snapshotPath(String roomId, String snapshotId, String part) {
        return "/api/rooms/" + roomId + "/snapshots/" + snapshotId + "/" + part;
    }

    /** The recording's download path. */
    public static String recordingPath(String roomId, String recordingId) {
        return "/api/rooms/" + roomId + "/recordings/" + recordingId;
    }

    private String signature(String path, long expires) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(path, expires));
    }

    private byte[] mac(String path, long expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal((path + "\n" + expires).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
