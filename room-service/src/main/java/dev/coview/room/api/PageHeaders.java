package dev.coview.room.api;

import dev.coview.room.config.AgentAuthConfig;
import dev.coview.room.config.RoomConfig;
import dev.coview.room.config.UrlsConfig;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The security and caching headers of every response room-service sends (pages, assets, API):
 * <ul>
 * <li>a strict {@code Content-Security-Policy}: only CoView's own scripts, styles and images (plus {@code blob:} and
 * {@code data:} images and media, which snapshots, recordings and the favicon use), connections only to
 * room-service and the two WebSocket services ({@code coview.urls.*}), no plugins, no {@code <base>}, forms only to
 * room-service, and the {@code frame-ancestors} of {@link FrameAncestors};</li>
 * <li>{@code Referrer-Policy: no-referrer}: a page URL never travels to another site;</li>
 * <li>{@code X-Content-Type-Options: nosniff}: an upload served back is never run as a script;</li>
 * <li>{@code Cache-Control}: Vite's content-hashed {@code /assets/*} are immutable for a year; every other static
 * file (the pages' HTML, the widget script, whose names do not change) is revalidated on each use, so an upgrade
 * reaches browsers at once.</li>
 * </ul>
 */
@ApplicationScoped
public class PageHeaders {

    static final String CSP = "Content-Security-Policy";
    /** Vite's output: every file under it carries a hash of its content in its name. */
    static final String HASHED_ASSETS = "/assets/";
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String REVALIDATE = "no-cache";

    private final String policy;

    PageHeaders(RoomConfig room, UrlsConfig urls, AgentAuthConfig auth) {
        // The agent console reads the identity provider's discovery document and token endpoint itself.
        List<String> connect = new java.util.ArrayList<>(List.of(urls.signaling(), urls.annotation()));
        auth.oidc().issuer().filter(i -> !i.isBlank()).ifPresent(connect::add);
        this.policy = policy(connect, FrameAncestors.policy(room.embedOrigins().orElse(List.of())));
    }

    /** The policy for pages that connect to these URLs (sockets, sign-in), framed per {@code frameAncestors}. */
    static String policy(List<String> connectUrls, String frameAncestors) {
        // blob: lets a page read back what it made itself (the freeze still, a recording before upload).
        Set<String> connect = new LinkedHashSet<>(List.of("'self'", "blob:"));
        for (String url : connectUrls) {
            connect.add(origin(url));
        }
        return String.join("; ",
                "default-src 'self'",
                "script-src 'self'",
                "style-src 'self'",
                "img-src 'self' data: blob:",
                "media-src 'self' blob:",
                "worker-src 'self' blob:",
                "connect-src " + String.join(" ", connect),
                "object-src 'none'",
                "base-uri 'none'",
                "form-action 'self'",
                frameAncestors);
    }

    /** {@code scheme://host[:port]} of a configured URL (validated at startup: a bad URL stops the service). */
    private static String origin(String url) {
        URI u = URI.create(url.strip());
        if (u.getScheme() == null || u.getHost() == null) {
            throw new IllegalArgumentException("coview.urls: not an absolute URL: " + url);
        }
        return u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort());
    }

    void register(@Observes Router router) {
        // Before every other route (pages, assets, API), so that static resources get them too.
        router.route().order(Integer.MIN_VALUE).handler(this::headers);
    }

    private void headers(RoutingContext rc) {
        rc.response()
                .putHeader(CSP, policy)
                .putHeader("Referrer-Policy", "no-referrer")
                .putHeader("X-Content-Type-Options", "nosniff");
        String path = rc.normalizedPath();
        if (!path.startsWith("/api/") && !path.startsWith("/q/") && !path.startsWith("/.well-known/")) {
            // Set when the headers go out: the static handler writes its own Cache-Control before that.
            boolean hashed = path.startsWith(HASHED_ASSETS);
            rc.addHeadersEndHandler(v -> {
                if (rc.response().getStatusCode() < 400) {
                    rc.response().putHeader("Cache-Control", hashed ? IMMUTABLE : REVALIDATE);
                }
            });
        }
        rc.next();
    }
}
