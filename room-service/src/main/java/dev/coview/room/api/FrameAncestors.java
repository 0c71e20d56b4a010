package dev.coview.room.api;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Who may frame CoView's pages (the embeddable widget): the {@code frame-ancestors} directive of the pages' CSP
 * ({@link PageHeaders}) lists {@code 'self'} and {@code coview.room.embed-origins}, so a page on an origin outside
 * that list cannot embed the agent console or the customer page (clickjacking), and the pages' events
 * ({@code postMessage} to the {@code parentOrigin} they are given) can only reach a listed host. Without configured
 * origins only room-service's own origin may frame them. No {@code X-Frame-Options}: it cannot list origins, and
 * browsers that know {@code frame-ancestors} ignore it anyway.
 */
public final class FrameAncestors {

    /**
     * A CSP host-source limited to what an embedding origin needs: scheme, host (optionally {@code *.} for every
     * subdomain, e.g. Salesforce's {@code https://*.lightning.force.com}) and port. Nothing that could end the
     * directive ({@code ;}, spaces) or widen it ({@code *} alone, {@code https:}).
     */
    private static final Pattern ORIGIN =
            Pattern.compile("https?://(\\*\\.)?[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*(:[0-9]{1,5})?");

    private FrameAncestors() {
    }

    /** The directive for these origins; refuses (at startup) anything that is not a plain origin. */
    public static String policy(List<String> origins) {
        StringBuilder value = new StringBuilder("frame-ancestors 'self'");
        for (String raw : origins) {
            String origin = raw.strip().replaceAll("/+$", "");
            if (origin.isEmpty()) continue;
            if (!ORIGIN.matcher(origin).matches()) {
                throw new IllegalArgumentException("coview.room.embed-origins: not an origin (scheme://host[:port]): "
                        + raw);
            }
            value.append(' ').append(origin);
        }
        return value.toString();
    }
}
