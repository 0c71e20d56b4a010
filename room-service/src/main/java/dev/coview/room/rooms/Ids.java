package dev.coview.room.rooms;

import java.security.SecureRandom;
import java.util.Base64;

/** Room and participant ids: 128 random bits, base64url without padding (22 characters). */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    /** A fresh id; also used for invite tokens, which are as unguessable as a room id. */
    public static String newId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A uniformly random 6-digit join code, leading zeros kept. */
    public static String newJoinCode() {
        return String.format("%06d", RANDOM.nextInt(1_000_000));
    }
}
