package dev.coview.annotation.rules;

import dev.coview.annotation.config.AnnotationConfig;
import dev.coview.contracts.annotation.AnnotationClientMessage;
import dev.coview.contracts.annotation.AnnotationClientMessage.Crop;
import dev.coview.contracts.annotation.AnnotationClientMessage.CropRequest;
import dev.coview.contracts.annotation.AnnotationClientMessage.Erase;
import dev.coview.contracts.annotation.AnnotationClientMessage.Freeze;
import dev.coview.contracts.annotation.AnnotationClientMessage.Ink;
import dev.coview.contracts.annotation.AnnotationClientMessage.Masks;
import dev.coview.contracts.annotation.AnnotationClientMessage.Pointer;
import dev.coview.contracts.annotation.AnnotationClientMessage.Recording;
import dev.coview.contracts.annotation.AnnotationClientMessage.RecordingConsent;
import dev.coview.contracts.annotation.AnnotationClientMessage.RecordingRequest;
import dev.coview.contracts.annotation.AnnotationClientMessage.ReferencePush;
import dev.coview.contracts.annotation.AnnotationClientMessage.Shape;
import dev.coview.contracts.annotation.AnnotationClientMessage.SnapshotSaved;
import dev.coview.contracts.annotation.AnnotationClientMessage.Stroke;
import dev.coview.contracts.annotation.Rect;
import dev.coview.contracts.annotation.ShapeKind;
import dev.coview.contracts.annotation.Shares;
import dev.coview.contracts.annotation.StrokePhase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The checks of the JSON Schemas, on decoded messages: coordinates finite and within 0..1, sizes within the
 * limits of {@link AnnotationConfig}, ids and colors of the documented shape, references http(s) only and within
 * the domain allowlist when there is one.
 */
@ApplicationScoped
public class MessageValidator {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");
    private static final double MAX_WIDTH = 0.25;
    private static final int MAX_SOURCE_PIXELS = 16384;

    private final AnnotationConfig config;
    private final List<String> referenceDomains;

    @Inject
    public MessageValidator(AnnotationConfig config) {
        this.config = config;
        this.referenceDomains = config.referenceDomains().map(l -> l.stream()
                .map(d -> d.trim().toLowerCase(Locale.ROOT)).filter(d -> !d.isEmpty()).toList()).orElse(List.of());
    }

    /** {@code null} when the message is valid, else what is wrong with it (for the {@code error} message). */
    public String problem(AnnotationClientMessage m) {
        if (m instanceof Shares.OnShare on && !Shares.valid(on.shareId())) {
            return "shareId must be customer or agent";
        }
        if (m instanceof Pointer p) {
            return inUnit(p.x()) && inUnit(p.y()) ? null : "x and y must be within 0..1";
        } else if (m instanceof Stroke s) {
            return stroke(s);
        } else if (m instanceof Ink i) {
            return ink(i);
        } else if (m instanceof Shape s) {
            return shape(s);
        } else if (m instanceof Erase e) {
            return id(e.id());
        } else if (m instanceof Crop c) {
            if (!rect(c.x(), c.y(), c.w(), c.h())) {
                return "crop must be a non-empty rectangle within 0..1";
            }
            return c.sourceW() >= 1 && c.sourceW() <= MAX_SOURCE_PIXELS && c.sourceH() >= 1
                    && c.sourceH() <= MAX_SOURCE_PIXELS ? null : "sourceW and sourceH must be within 1..16384";
        } else if (m instanceof CropRequest c) {
            return rect(c.x(), c.y(), c.w(), c.h()) ? null : "crop.request must be a non-empty rectangle within 0..1";
        } else if (m instanceof Masks masks) {
            return masks(masks);
        } else if (m instanceof Freeze f) {
            return f.snapshotId() == null ? null : id(f.snapshotId());
        } else if (m instanceof SnapshotSaved s) {
            return id(s.snapshotId());
        } else if (m instanceof ReferencePush r) {
            return reference(r.url());
        } else if (m instanceof RecordingRequest r) {
            return id(r.requestId());
        } else if (m instanceof RecordingConsent c) {
            return id(c.requestId());
        } else if (m instanceof Recording r) {
            return r.recordingId() == null ? null : id(r.recordingId());
        }
        // pointer.hide, undo, redo, clear, pause, reference.answer: nothing beyond what decoding checked.
        return null;
    }

    private String stroke(Stroke s) {
        String problem = points(s.id(), s.points());
        if (problem != null) {
            return problem;
        }
        double[] pts = s.points();
        if (s.phase() == null || s.phase() == StrokePhase.BEGIN) {
            if (s.tool() == null || s.color() == null || s.width() == null) {
                return "tool, color and width are required";
            }
            if (pts.length == 0) {
                return "a stroke needs at least one point";
            }
            return style(s.color(), s.width());
        }
        return null;
    }

    /** Live ink has the shape of a stroke's first part: style and at least one point, every time. */
    private String ink(Ink i) {
        String problem = points(i.id(), i.points());
        if (problem != null) {
            return problem;
        }
        if (i.tool() == null || i.color() == null) {
            return "tool, color and width are required";
        }
        if (i.points().length == 0) {
            return "ink needs at least one point";
        }
        return style(i.color(), i.width());
    }

    /** The id and the points of a stroke or of ink: pairs, within 0..1, at most the per-message count. */
    private String points(String id, double[] pts) {
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

    private String shape(Shape s) {
        String idProblem = id(s.id());
        if (idProblem != null) {
            return idProblem;
        }
        if (!inUnit(s.x1()) || !inUnit(s.y1()) || !inUnit(s.x2()) || !inUnit(s.y2())) {
            return "x1, y1, x2, y2 must be within 0..1";
        }
        if (s.kind() == ShapeKind.TEXT) {
            if (s.text() == null || s.text().isEmpty()) {
                return "a text shape needs text";
            }
            if (s.text().length() > config.maxTextLength()) {
                return "text is longer than " + config.maxTextLength() + " characters";
            }
        } else if (s.text() != null) {
            return "only text shapes carry text";
        }
        return style(s.color(), s.width());
    }

    private String masks(Masks m) {
        if (m.rects() == null) {
            return "rects is required";
        }
        if (m.rects().size() > config.maxMasks()) {
            return "at most " + config.maxMasks() + " masks";
        }
        for (Rect r : m.rects()) {
            if (r == null || !rect(r.x(), r.y(), r.w(), r.h())) {
                return "masks must be non-empty rectangles within 0..1";
            }
        }
        return null;
    }

    private String reference(String url) {
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

    private static String style(String color, double width) {
        if (color == null || !COLOR.matcher(color).matches()) {
            return "color must be #rrggbb";
        }
        return Double.isFinite(width) && width > 0 && width <= MAX_WIDTH ? null : "width must be within (0, 0.25]";
    }

    private static String id(String id) {
        return id != null && ID.matcher(id).matches() ? null : "ids are 1 to 64 characters of A-Z a-z 0-9 _ -";
    }

    private static boolean rect(double x, double y, double w, double h) {
        return inUnit(x) && inUnit(y) && inUnit(w) && inUnit(h) && w > 0 && h > 0 && x + w <= 1 + 1e-9
                && y + h <= 1 + 1e-9;
    }

    /** Finite and within 0..1 (NaN fails every comparison, infinities fail the bounds). */
    private static boolean inUnit(double v) {
        return v >= 0 && v <= 1;
    }
}
