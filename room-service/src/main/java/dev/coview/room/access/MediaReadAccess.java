package dev.coview.room.access;

import dev.coview.contracts.auth.Grant;
import dev.coview.contracts.media.MediaLinks;
import dev.coview.room.config.RoomConfig;
import dev.coview.room.problems.ProblemException;
import dev.coview.room.problems.ProblemType;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;

/**
 * Who may read a room's snapshots and recordings: a signed link for exactly that file while it has not expired (a
 * browser tab, a webhook receiver), a machine credential in {@code X-CoView-Media-Key} (a CRM backend: reading media
 * of any room, ended or not, is all it can do), or else a room token with the grant, as {@link RoomAccess} decides.
 */
@ApplicationScoped
public class MediaReadAccess {

    /** The header of the machine credential. */
    public static final String MEDIA_KEY_HEADER = "X-CoView-Media-Key";

    private final RoomAccess rooms;
    private final MediaLinkSigner links;
    private final List<byte[]> keys;

    public MediaReadAccess(RoomAccess rooms, MediaLinkSigner links, RoomConfig config) {
        this.rooms = rooms;
        this.links = links;
        this.keys = config.media().readKeys().orElse(List.of()).stream()
                .map(k -> k.getBytes(StandardCharsets.UTF_8)).toList();
    }

    /**
     * Succeeds when the caller may read the file at {@code path} of {@code roomId}.
     *
     * @param expires, sig the signed link's query parameters, or {@code null}
     */
    public Uni<Void> require(String authorization, String mediaKey, String path, String expires, String sig,
                             String roomId, Grant grant) {
        if (sig != null || expires != null) {
            return Uni.createFrom().item(() -> {
                checkLink(path, expires, sig);
                return null;
            });
        }
        if (mediaKey != null) {
            return Uni.createFrom().item(() -> {
                if (!isMachine(mediaKey)) {
                    throw new ProblemException(ProblemType.UNAUTHORIZED, "this media key is not valid");
                }
                return null;
            });
        }
        return rooms.require(authorization, roomId, grant).replaceWithVoid();
    }

    /** Whether {@code mediaKey} is one of the configured machine credentials (constant time per key). */
    public boolean isMachine(String mediaKey) {
        if (mediaKey == null) {
            return false;
        }
        byte[] given = mediaKey.getBytes(StandardCharsets.UTF_8);
        boolean found = false;
        for (byte[] key : keys) {
            found |= MessageDigest.isEqual(key, given);
        }
        return found;
    }

    private void checkLink(String path, String expires, String sig) {
        long until;
        try {
            until = Long.parseLong(expires);
        } catch (NumberFormatException | NullPointerException e) {
            throw new ProblemException(ProblemType.FORBIDDEN, "this download link is incomplete");
        }
        if (sig == null || !links.verify(path, until, sig)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "this download link is not valid for this file");
        }
        if (Instant.now().getEpochSecond() > until) {
            throw new ProblemException(ProblemType.FORBIDDEN, "this download link has expired; ask for a new one");
        }
    }
}
