import { describe, expect, it } from 'vitest';
import type { Drawable } from './model';
import { cropFromWire, cropToWire, drawableFromWire, drawableToWire, masksToWire } from './wire';

const source = { w: 2000, h: 1000 };
const base: Drawable = { id: 'd1', authorId: 'a1', tool: 'pen', color: '#e5302a', width: 4, points: [], createdAt: 5 };

describe('drawables on the wire', () => {
  it('sends a stroke whole, with flat points and the width as a fraction of the source width', () => {
    const d = { ...base, tool: 'vanish' as const, points: [{ x: 0.1, y: 0.2 }, { x: 0.3, y: 0.4 }] };
    expect(drawableToWire(d, source)).toEqual({
      type: 'stroke', id: 'd1', tool: 'vanish', color: '#e5302a', width: 0.002, points: [0.1, 0.2, 0.3, 0.4],
    });
  });

  it('sends shapes by their two corners, text with its anchor twice', () => {
    expect(drawableToWire({ ...base, tool: 'rect', points: [{ x: 0.1, y: 0.1 }, { x: 0.5, y: 0.6 }] }, source))
      .toMatchObject({ type: 'shape', kind: 'rect', x1: 0.1, y1: 0.1, x2: 0.5, y2: 0.6 });
    expect(drawableToWire({ ...base, tool: 'text', text: 'here', points: [{ x: 0.3, y: 0.3 }] }, source))
      .toMatchObject({ type: 'shape', kind: 'text', x1: 0.3, y1: 0.3, x2: 0.3, y2: 0.3, text: 'here' });
  });

  it('round-trips every tool through an element of the room state', () => {
    const tools = ['pen', 'highlighter', 'vanish', 'arrow', 'rect', 'ellipse', 'text'] as const;
    for (const tool of tools) {
      const d: Drawable = { ...base, tool, text: tool === 'text' ? 'hi' : undefined,
        points: tool === 'text' ? [{ x: 0.25, y: 0.5 }] : [{ x: 0.25, y: 0.5 }, { x: 0.75, y: 0.5 }] };
      const el = { id: d.id, authorId: 'a1', version: 1, deleted: false, drawable: drawableToWire(d, source) };
      expect(drawableFromWire(el, source, 5)).toEqual(d);
    }
  });

  it('drops deleted elements', () => {
    const el = { id: 'x', authorId: 'a', version: 2, deleted: true,
      drawable: { type: 'stroke' as const, id: 'x', tool: 'pen' as const, color: '#000000', width: 0.01, points: [] } };
    expect(drawableFromWire(el, source, 0)).toBeNull();
  });
});

describe('crop and masks on the wire', () => {
  it('sends the crop as fractions with the source size, and reads it back', () => {
    const wire = cropToWire({ x: 500, y: 250, w: 1000, h: 500 }, source);
    expect(wire).toEqual({ type: 'crop', x: 0.25, y: 0.25, w: 0.5, h: 0.5, sourceW: 2000, sourceH: 1000 });
    expect(cropFromWire(wire)).toEqual({ source, crop: { x: 500, y: 250, w: 1000, h: 500 } });
  });

  it('sends masks as fractions of the source', () => {
    expect(masksToWire([{ x: 200, y: 100, w: 400, h: 100 }], source)).toEqual([{ x: 0.1, y: 0.1, w: 0.2, h: 0.1 }]);
  });
});
