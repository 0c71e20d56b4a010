package dev.coview.room.access;

import dev.coview.contracts.media.MediaLinks;
import dev.coview.room.config.RoomConfig;
import dev.coview.room.config.UrlsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import org.jboss.logging.Logger;

/** Makes and checks room-service's signed download links ({@link MediaLinks}) with the configured secret. */
@ApplicationScoped
public class MediaLinkSigner {

    private static final Logger LOG = Logger.getLogger(MediaLinkSigner.class);

    private final MediaLinks links;
    private final RoomConfig config;
    private final UrlsConfig urls;

    public MediaLinkSigner(RoomConfig config, UrlsConfig urls) {
        this.config = config;
        this.urls = urls;
        byte[] secret = config.media().linkSecret().map(s -> Base64.getDecoder().decode(s.strip())).orElseGet(() -> {
            LOG.warn("coview.room.media.link-secret is not set: download links work on this instance only, until it "
                    + "restarts, and webhooks carry none");
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            return random;
        });
        this.links = new MediaLinks(secret);
    }

    /** An absolute link to {@code path} that works for the configured lifetime; and when it stops working. */
    public Link link(String path) {
        Instant expiresAt = Instant.now().plus(config.media().linkTtl());
        String base = urls.publicBase().replaceAll("/+$", "");
        return new Link(base + links.sign(path, expiresAt.getEpochSecond()), expiresAt);
    }

    boolean verify(String path, long expires, String sig) {
        return links.verify(path, expires, sig);
    }

    /**
     * A signed link.
     *
     * @param url       absolute; opens in a browser tab without a token
     * @param expiresAt when it stops working
     */
    public record Link(String url, Instant expiresAt) {
    }
}
