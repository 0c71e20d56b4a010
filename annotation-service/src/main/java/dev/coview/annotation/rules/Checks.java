package dev.coview.annotation.rules;

import dev.coview.annotation.config.AnnotationConfig;
import dev.coview.contracts.annotation.Rect;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The checks of the JSON Schemas that the rules of several message types share: coordinates finite and within
 * 0..1, sizes within the limits of {@link AnnotationConfig}, ids and colors of the documented shape, references
 * http(s) only and within the domain allowlist when there is one. Each returns {@code null} when the value is
 * fine, else what is wrong with it (for the {@code error} message).
 */
@ApplicationScoped
public class Checks {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");
    private static final double MAX_WIDTH = 0.25;
    static final int MAX_SOURCE_PIXELS = 16384;

    private final AnnotationConfig config;
    private final List<String> referenceDomains;

    @Inject
    public Checks(AnnotationConfig config) {
        this.config = config;
        this.referenceDomains = config.referenceDomains().map(l -> l.stream()
                .map(d -> d.trim().toLowerCase(Locale.ROOT)).filter(d -> !d.isEmpty()).toList()).orElse(List.of());
    }

    /** The id and the points of a stroke or of ink: pairs, within 0..1, at most the per-message count. */
    String points(String id, double[] pts) {
        String idProblem = id(id);
        if (idProblem != null) {
            return idProblem;
        }
        if (pts == null || pts.length % 2 != 0) {
            return "points must be a flat list of x, y pairs";
        }
        if (pts.length > 2 * config.maxPointsPerMessage()) {
            return "at most " + config.maxPointsPerMessage() + " points per message";
        }
        for (double v : pts) {
            if (!inUnit(v)) {
                return "points must be within 0..1";
            }
        }
        return null;
    }

    /** A text shape's text: present and within the configured length. */
    String text(String text) {
        if (text == null || text.isEmpty()) {
            return "a text shape needs text";
        }
        return text.length() > config.maxTextLength()
                ? "text is longer than " + config.maxTextLength() + " characters" : null;
    }

    /** A list of privacy masks: at most the configured count of non-empty rectangles within 0..1. */
    String masks(List<Rect> rects) {
        if (rects == null) {
            return "rects is required";
        }
        if (rects.size() > config.maxMasks()) {
            return "at most " + config.maxMasks() + " masks";
        }
        for (Rect r : rects) {
            if (r == null || !rect(r.x(), r.y(), r.w(), r.h())) {
                return "masks must be non-empty rectangles within 0..1";
            }
        }
        return null;
    }

    /** A pushed link: http(s), with a host and no user info, within the allowlist when there is one. */
    String reference(String url) {
        if (url == null || url.length() > config.maxUrlLength()) {
            return "url is missing or longer than " + config.maxUrlLength() + " characters";
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return "url is not a valid URI";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return "only http and https links may be pushed";
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty() || uri.getRawUserInfo() != null) {
            return "url needs a host and no user info";
        }
        if (!referenceDomains.isEmpty() && !allowedHost(host.toLowerCase(Locale.ROOT))) {
            return "links to " + host + " are not allowed here";
        }
        return null;
    }

    private boolean allowedHost(String host) {
        for (String d : referenceDomains) {
            if (host.equals(d) || host.endsWith("." + d)) {
                return true;
            }
        }
        return false;
    }

    /** A drawing's color ({@code #rrggbb}) and width (a fraction of the source width, at most a quarter). */
    static String style(String color, double width) {
        if (color == null || !COLOR.matcher(color).matches()) {
            return "color must be #rrggbb";
        }
        return Double.isFinite(width) && width > 0 && width <= MAX_WIDTH ? null : "width must be within (0, 0.25]";
    }

    static String id(String id) {
        return id != null && ID.matcher(id).matches() ? null : "ids are 1 to 64 characters of A-Z a-z 0-9 _ -";
    }

    /** An optional id: absent, or of the shape of {@link #id}. */
    static String optionalId(String id) {
        return id == null ? null : id(id);
    }

    static boolean rect(double x, double y, double w, double h) {
        return inUnit(x) && inUnit(y) && inUnit(w) && inUnit(h) && w > 0 && h > 0 && x + w <= 1 + 1e-9
                && y + h <= 1 + 1e-9;
    }

    /** Finite and within 0..1 (NaN fails every comparison, infinities fail the bounds). */
    static boolean inUnit(double v) {
        return v >= 0 && v <= 1;
    }
}
