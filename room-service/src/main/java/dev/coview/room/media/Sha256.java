package dev.coview.room.media;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256, the checksum of every stored file (shown to clients, used as {@code ETag}). */
public final class Sha256 {

    private Sha256() {
    }

    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** The digest as lower-case hex. */
    public static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    /** SHA-256 of {@code bytes}, lower-case hex. */
    public static String of(byte[] bytes) {
        MessageDigest d = newDigest();
        d.update(bytes);
        return hex(d);
    }
}
