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

  it('disarms mask painting after one mask, and keeps it armed when the drag was too small to be a mask', () => {
    let s = reduceShare(started, { type: 'painting', on: true });
    s = reduceShare(s, { type: 'addMask', rect: { x: 0, y: 0, w: 2, h: 2 } });
    expect(s.painting).toBe(true);
    s = reduceShare(s, { type: 'addMask', rect: { x: 0, y: 0, w: 50, h: 50 } });
    expect(s.painting).toBe(false);
    expect(s.masks).toHaveLength(1);
  });

  it('resets to the whole source', () => {
    const s = reduceShare(started, { type: 'crop', crop: { x: 10, y: 10, w: 100, h: 100 } });
    expect(reduceShare(s, { type: 'whole' }).crop).toEqual({ x: 0, y: 0, w: 1280, h: 720 });
  });
});

describe('restoring the share the room remembers', () => {
  const remembered = { crop: { x: 0.25, y: 0.25, w: 0.5, h: 0.5 }, masks: [{ x: 0.5, y: 0.5, w: 0.1, h: 0.1 }], paused: true };

  it('applies crop and masks at the first frame, in that source\'s pixels, and the pause at once', () => {
    const waiting = reduceShare(INITIAL_SHARE, { type: 'restore', share: remembered });
    expect(waiting.paused).toBe(true);
    const s = reduceShare(waiting, { type: 'source', size: { w: 1280, h: 720 } });
    expect(s.crop).toEqual({ x: 320, y: 180, w: 640, h: 360 });
    expect(s.masks).toEqual([{ id: 'mask-1', x: 640, y: 360, w: 128, h: 72 }]);
    expect(s.restore).toBeNull();
    // Later size changes behave as usual (the restore is spent).
    expect(reduceShare(s, { type: 'source', size: { w: 1280, h: 720 } }).crop).toEqual(s.crop);
  });

  it('applies at once when the source is already known, and falls back to the whole source without a crop', () => {
    const s = reduceShare(started, { type: 'restore', share: { crop: null, masks: [], paused: false } });
    expect(s.crop).toEqual({ x: 0, y: 0, w: 1280, h: 720 });
    const r = reduceShare(started, { type: 'restore', share: remembered });
    expect(r.crop).toEqual({ x: 320, y: 180, w: 640, h: 360 });
  });
});
