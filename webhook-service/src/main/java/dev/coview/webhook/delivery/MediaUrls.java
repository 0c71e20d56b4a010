package dev.coview.webhook.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import dev.coview.contracts.events.SessionEventType;
import dev.coview.contracts.media.MediaLinks;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The signed download link a webhook of {@code snapshot.saved} (the flattened image) or {@code recording.ready}
 * carries in the extension attribute {@code mediaurl}: room-service's link format ({@link MediaLinks}), signed with
 * the secret both services share, made at each attempt so that a retried delivery still carries a working link.
 */
public final class MediaUrls {

    /** The extension attribute of the webhook body. */
    public static final String ATTRIBUTE = "mediaurl";

    private final MediaLinks links;
    private final String publicBase;
    private final Duration ttl;

    /** @param publicBase room-service's public URL, e.g. {@code https://coview.example.com} */
    public MediaUrls(byte[] secret, String publicBase, Duration ttl) {
        this.links = new MediaLinks(secret);
        this.publicBase = publicBase.replaceAll("/+$", "");
        this.ttl = ttl;
    }

    /** The link for an event of {@code type} with {@code data}; empty for events without media. */
    Optional<String> of(String type, JsonNode data) {
        String roomId = data.path("roomId").asText(null);
        if (roomId == null) {
            return Optional.empty();
        }
        String path;
        if (SessionEventType.SNAPSHOT_SAVED.type().equals(type) && data.hasNonNull("snapshotId")) {
            path = MediaLinks.snapshotPath(roomId, data.path("snapshotId").asText(), "flattened");
        } else if (SessionEventType.RECORDING_READY.type().equals(type) && data.hasNonNull("recordingId")) {
            path = MediaLinks.recordingPath(roomId, data.path("recordingId").asText());
        } else {
            return Optional.empty();
        }
        return Optional.of(publicBase + links.sign(path, Instant.now().plus(ttl).getEpochSecond()));
    }
}
