package dev.coview.annotation.rooms;

import dev.coview.contracts.annotation.Drawable;
import dev.coview.contracts.annotation.Element;
import dev.coview.contracts.annotation.Shape;
import dev.coview.contracts.annotation.Stroke;
import dev.coview.contracts.annotation.StrokeTool;
import java.util.Arrays;

/**
 * An element as the materializer holds it: a stroke's points grow in place while it is drawn (no copy per
 * append), and {@link #snapshot()} makes the immutable {@link Element} clients receive.
 */
final class MutableElement {

    final String id;
    final String authorId;
    long version = 1;
    boolean deleted;
    /** The shape, or the stroke's tool, color and width (its points live in {@link #points}). */
    Drawable drawable;
    /** A stroke still being drawn: more points may be appended by its author. */
    boolean open;
    double[] points;
    int pointCount;

    private MutableElement(String id, String authorId, Drawable drawable) {
        this.id = id;
        this.authorId = authorId;
        this.drawable = drawable;
    }

    static MutableElement stroke(String authorId, Stroke s, boolean open) {
        MutableElement e = new MutableElement(s.id(), authorId,
                new Stroke(s.id(), null, s.tool(), s.color(), s.width(), null, s.shareId()));
        e.points = Arrays.copyOf(s.points(), Math.max(16, s.points().length));
        e.pointCount = s.points().length;
        e.open = open;
        return e;
    }

    static MutableElement shape(String authorId, Shape s) {
        return new MutableElement(s.id(), authorId, s);
    }

    boolean isStroke() {
        return drawable instanceof Stroke;
    }

    boolean isVanishing() {
        return drawable instanceof Stroke s && s.tool() == StrokeTool.VANISH;
    }

    /** Numbers (two per point) the stroke holds. */
    int pointNumbers() {
        return pointCount;
    }

    void append(double[] more) {
        if (pointCount + more.length > points.length) {
            points = Arrays.copyOf(points, Math.max(points.length * 2, pointCount + more.length));
        }
        System.arraycopy(more, 0, points, pointCount, more.length);
        pointCount += more.length;
    }

    /** A finished stroke gives back the room its array grew for (up to half of it). */
    void trim() {
        if (points != null && points.length > pointCount) {
            points = Arrays.copyOf(points, pointCount);
        }
    }

    Element snapshot() {
        Drawable d = drawable;
        if (d instanceof Stroke s) {
            d = new Stroke(s.id(), null, s.tool(), s.color(), s.width(), Arrays.copyOf(points, pointCount),
                    s.shareId());
        }
        return new Element(id, authorId, version, deleted, d);
    }
}
