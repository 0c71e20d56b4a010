/**
 * Between the client's drawing model and annotation-service's messages (types generated from contracts'
 * JSON Schemas, src/generated): points are already 0..1 of the source on both sides; line widths are source
 * pixels here and fractions of the source width on the wire; crops and masks are source pixels here and
 * fractions of the source there. Pure: unit-tested.
 */
import type { Rect, Size } from '../crop/geometry';
import type { Crop, ElementStroke, Ink, Rect as WireRect, Shape } from '../generated/annotation';
import type { AnnotationElement } from '../generated/annotation-server';
import type { CropGeometry, Point } from './mapping';
import { type Drawable, type DrawingTool, type FreehandDrawable, isFreehand } from './model';


/** A finished drawable as one whole message (no begin/append/end phases), as the room's state will hold it. */
export function drawableToWire(d: Drawable, source: Size): ElementStroke | Shape {
  const width = d.width / source.w;
  if (isFreehand(d.tool)) {
    return {
      type: 'stroke', id: d.id, tool: d.tool, color: d.color, width,
      points: d.points.flatMap((p) => [p.x, p.y]),
    };
  }
  const [a, b = a] = d.points;
  const shape: Shape = {
    type: 'shape', id: d.id, kind: d.tool, x1: a.x, y1: a.y, x2: b.x, y2: b.y,
    color: d.color, width,
  };
  if (d.tool === 'text') shape.text = d.text ?? '';
  return shape;
}

/**
 * Live ink: the points a freehand drawable gained since its previous ink (volatile, relayed while the pen moves;
 * the whole stroke follows with the same id).
 */
export function inkToWire(d: FreehandDrawable, added: readonly Point[], source: Size): Ink {
  return {
    type: 'ink', id: d.id, tool: d.tool, color: d.color,
    width: d.width / source.w, points: added.flatMap((p) => [p.x, p.y]),
  };
}

/** Live ink as the drawable it shows so far, with the points gathered until now. */
export function inkFromWire(ink: Ink, authorId: string, points: Point[], source: Size, now: number): Drawable {
  return { id: ink.id, authorId, tool: ink.tool, color: ink.color, width: ink.width * source.w, points, createdAt: now };
}

/** An element of the room's state (or of an event's changes) as a drawable; null once deleted. */
export function drawableFromWire(el: AnnotationElement, source: Size, now: number): Drawable | null {
  if (el.deleted) return null;
  const w = el.drawable;
  if (w.type === 'stroke') {
    const tool: DrawingTool = w.tool;
    const points = [];
    for (let i = 0; i + 1 < w.points.length; i += 2) points.push({ x: w.points[i], y: w.points[i + 1] });
    return { id: el.id, authorId: el.authorId, tool, color: w.color, width: w.width * source.w, points, createdAt: now };
  }
  const tool: DrawingTool = w.kind;
  const points = tool === 'text' ? [{ x: w.x1, y: w.y1 }] : [{ x: w.x1, y: w.y1 }, { x: w.x2, y: w.y2 }];
  return { id: el.id, authorId: el.authorId, tool, color: w.color, width: w.width * source.w, points,
    text: w.text, createdAt: now };
}

/** The customer's crop (source pixels) as the crop message. */
export function cropToWire(crop: Rect, source: Size): Crop {
  return { type: 'crop', x: crop.x / source.w, y: crop.y / source.h, w: crop.w / source.w, h: crop.h / source.h,
    sourceW: source.w, sourceH: source.h };
}

/** A crop message as what the agent's video shows. */
export function cropFromWire(c: Crop): CropGeometry {
  const source = { w: c.sourceW, h: c.sourceH };
  return { source, crop: { x: c.x * source.w, y: c.y * source.h, w: c.w * source.w, h: c.h * source.h } };
}

/** Masks (source pixels) as fractions of the source. */
export function masksToWire(masks: readonly Rect[], source: Size): WireRect[] {
  return masks.map((m) => ({ x: m.x / source.w, y: m.y / source.h, w: m.w / source.w, h: m.h / source.h }));
}
