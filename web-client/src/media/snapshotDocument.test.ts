import { describe, expect, it } from 'vitest';
import type { Drawable } from '../annotations/model';
import { documentGeometry, SNAPSHOT_DOCUMENT_FORMAT, snapshotDocument } from './snapshotDocument';

const geometry = { source: { w: 1000, h: 500 }, crop: { x: 250, y: 100, w: 500, h: 300 } };
const drawables: Drawable[] = [
  { id: 'a', authorId: 'x', tool: 'pen', color: '#e5302a', width: 4, points: [{ x: 0.3, y: 0.3 }, { x: 0.4, y: 0.5 }], createdAt: 0 },
  { id: 'b', authorId: 'x', tool: 'rect', color: '#1f5fd6', width: 2, points: [{ x: 0.3, y: 0.3 }, { x: 0.6, y: 0.6 }], createdAt: 0 },
];

describe('snapshotDocument', () => {
  it('states the drawings as protocol messages, the frame size and the crop', () => {
    const doc = snapshotDocument({ w: 500, h: 300 }, geometry, drawables, new Date(Date.UTC(2026, 0, 2)), true);
    expect(doc.format).toBe(SNAPSHOT_DOCUMENT_FORMAT);
    expect(doc.frame).toEqual({ w: 500, h: 300 });
    expect(doc.savedAt).toBe('2026-01-02T00:00:00.000Z');
    expect(doc.elements.map((e) => e.type)).toEqual(['stroke', 'shape']);
    expect(doc.elements[0]).toMatchObject({ id: 'a', points: [0.3, 0.3, 0.4, 0.5], width: 0.004 });
    expect(doc.crop).toEqual({ type: 'crop', x: 0.25, y: 0.2, w: 0.5, h: 0.6, sourceW: 1000, sourceH: 500 });
  });

  it('round-trips the crop for whoever draws the document again', () => {
    const doc = JSON.parse(JSON.stringify(snapshotDocument({ w: 500, h: 300 }, geometry, [], new Date(), true)));
    expect(documentGeometry(doc)).toEqual(geometry);
  });

  it('names no crop when none was known, and rejects what is not a crop', () => {
    expect(snapshotDocument({ w: 5, h: 5 }, geometry, [], new Date(), false).crop).toBeUndefined();
    expect(documentGeometry(null)).toBeNull();
    expect(documentGeometry({ crop: { type: 'crop', x: 0, y: 0, w: 0, h: 1, sourceW: 10, sourceH: 10 } })).toBeNull();
    expect(documentGeometry({ crop: { type: 'crop', x: 0, y: 0, w: 1, h: 1, sourceW: '10', sourceH: 10 } })).toBeNull();
  });
});
