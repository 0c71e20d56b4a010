/**
 * The annotations part of a snapshot: the drawings on the frame as the annotation protocol's messages
 * (`stroke` / `shape`, points 0..1 of the source, widths as fractions of the source width), plus what the frame
 * shows of the source (the crop as the `crop` message) and the frame's size, so that anybody can draw them
 * again over the original PNG — the customer's frozen preview does exactly that. Pure.
 */
import type { CropGeometry } from '../annotations/mapping';
import type { Drawable } from '../annotations/model';
import { cropFromWire, cropToWire, drawableToWire } from '../annotations/wire';
import type { Size } from '../crop/geometry';
import type { Crop, Shape, Stroke } from '../generated/annotation';

export const SNAPSHOT_DOCUMENT_FORMAT = 'coview.snapshot-annotations/1';

export interface SnapshotDocument {
  format: typeof SNAPSHOT_DOCUMENT_FORMAT;
  /** The original PNG's size, px. */
  frame: Size;
  /** What the frame shows of the customer's source; absent when the crop was not known (the frame is the source). */
  crop?: Crop;
  /** Every drawing on the frame when it was saved, oldest first. */
  elements: (Stroke | Shape)[];
  /** ISO-8601, the client's clock. */
  savedAt: string;
}

export function snapshotDocument(frame: Size, geometry: CropGeometry, drawables: readonly Drawable[], at: Date,
                                 cropKnown: boolean): SnapshotDocument {
  const doc: SnapshotDocument = {
    format: SNAPSHOT_DOCUMENT_FORMAT,
    frame: { w: frame.w, h: frame.h },
    elements: drawables.map((d) => drawableToWire(d, geometry.source)),
    savedAt: at.toISOString(),
  };
  if (cropKnown) doc.crop = cropToWire(geometry.crop, geometry.source);
  return doc;
}

/** The crop a stored document names, or null when it names none (or is not such a document). */
export function documentGeometry(doc: unknown): CropGeometry | null {
  if (!doc || typeof doc !== 'object') return null;
  const crop = (doc as { crop?: Partial<Crop> }).crop;
  if (!crop || crop.type !== 'crop') return null;
  const { x, y, w, h, sourceW, sourceH } = crop;
  const numbers = [x, y, w, h, sourceW, sourceH];
  if (!numbers.every((n) => typeof n === 'number' && Number.isFinite(n)) || !(w! > 0 && h! > 0 && sourceW! > 0 && sourceH! > 0)) {
    return null;
  }
  return cropFromWire(crop as Crop);
}
