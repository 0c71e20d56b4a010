import { describe, expect, it } from 'vitest';
import { INITIAL_SHARE, reduceShare } from './shareState';

const started = reduceShare(INITIAL_SHARE, { type: 'source', size: { w: 1280, h: 720 } });

describe('reduceShare', () => {
  it('shares the whole source when the first frame arrives', () => {
    expect(started.crop).toEqual({ x: 0, y: 0, w: 1280, h: 720 });
  });

  it('keeps the crop inside a source that shrinks', () => {
    const s = reduceShare(started, { type: 'crop', crop: { x: 640, y: 360, w: 640, h: 360 } });
    expect(reduceShare(s, { type: 'source', size: { w: 800, h: 600 } }).crop).toEqual({ x: 160, y: 240, w: 640, h: 360 });
  });

  it('ignores a crop before the source size is known', () => {
    expect(reduceShare(INITIAL_SHARE, { type: 'crop', crop: { x: 0, y: 0, w: 10, h: 10 } })).toBe(INITIAL_SHARE);
  });

  it('gives masks unique ids and removes them by id', () => {
    let s = reduceShare(started, { type: 'addMask', rect: { x: 0, y: 0, w: 50, h: 50 } });
    s = reduceShare(s, { type: 'addMask', rect: { x: 60, y: 0, w: 50, h: 50 } });
    expect(s.masks.map((m) => m.id)).toEqual(['mask-1', 'mask-2']);
    s = reduceShare(s, { type: 'removeMask', id: 'mask-1' });
    s = reduceShare(s, { type: 'addMask', rect: { x: 0, y: 0, w: 50, h: 50 } });
    expect(s.masks.map((m) => m.id)).toEqual(['mask-2', 'mask-3']);
  });

  it('resets to the whole source', () => {
    const s = reduceShare(started, { type: 'crop', crop: { x: 10, y: 10, w: 100, h: 100 } });
    expect(reduceShare(s, { type: 'whole' }).crop).toEqual({ x: 0, y: 0, w: 1280, h: 720 });
  });
});
