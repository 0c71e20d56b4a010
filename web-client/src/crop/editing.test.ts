import { describe, expect, it } from 'vitest';
import { dragCrop, initialCrop, keyboardCrop, keyStep, rectFromPoints } from './editing';
import { MIN_CROP } from './geometry';

const source = { w: 1280, h: 720 };
const crop = { x: 100, y: 100, w: 400, h: 300 };

describe('dragCrop', () => {
  it('moves the whole rectangle and stops at the source edge', () => {
    expect(dragCrop(crop, 'move', 50, -20, source)).toEqual({ x: 150, y: 80, w: 400, h: 300 });
    expect(dragCrop(crop, 'move', 5000, 5000, source)).toEqual({ x: 880, y: 420, w: 400, h: 300 });
  });

  it('moves only the edges a handle names', () => {
    expect(dragCrop(crop, 'se', 100, 50, source)).toEqual({ x: 100, y: 100, w: 500, h: 350 });
    expect(dragCrop(crop, 'nw', -40, -60, source)).toEqual({ x: 60, y: 40, w: 440, h: 360 });
    expect(dragCrop(crop, 'e', 10, 999, source)).toEqual({ x: 100, y: 100, w: 410, h: 300 });
    expect(dragCrop(crop, 'n', 999, 20, source)).toEqual({ x: 100, y: 120, w: 400, h: 280 });
  });

  it('never inverts or shrinks below the minimum when a handle is dragged past the opposite edge', () => {
    const r = dragCrop(crop, 'w', 1000, 0, source);
    expect(r.w).toBe(MIN_CROP);
    expect(r.x + r.w).toBe(500);
  });

  it('never grows past the source', () => {
    expect(dragCrop(crop, 'se', 5000, 5000, source)).toEqual({ x: 100, y: 100, w: 1180, h: 620 });
  });
});

describe('snapping', () => {
  it('lands a dragged edge on the source\'s edge instead of just short of it', () => {
    expect(dragCrop(crop, 'e', 773, 0, source, 10)).toEqual({ x: 100, y: 100, w: 1180, h: 300 });
    expect(dragCrop(crop, 'nw', -93, -95, source, 10)).toEqual({ x: 0, y: 0, w: 500, h: 400 });
    // Beyond the snap distance the edge stays where the hand put it.
    expect(dragCrop(crop, 'e', 760, 0, source, 10)).toEqual({ x: 100, y: 100, w: 1160, h: 300 });
  });

  it('brings an edge back exactly where it was when the drag began', () => {
    expect(dragCrop(crop, 'e', 7, 0, source, 10)).toEqual(crop);
    expect(dragCrop(crop, 'e', 7, 0, source)).toEqual({ x: 100, y: 100, w: 406, h: 300 });
  });

  it('moves the rectangle flush with the nearer source edge, keeping its size', () => {
    expect(dragCrop(crop, 'move', 774, -94, source, 10)).toEqual({ x: 880, y: 0, w: 400, h: 300 });
    expect(dragCrop(crop, 'move', -96, 40, source, 10)).toEqual({ x: 0, y: 140, w: 400, h: 300 });
  });
});

describe('keyboardCrop', () => {
  it('moves with arrows by a step relative to the source', () => {
    expect(keyboardCrop(crop, 'ArrowRight', false, source)).toEqual({ x: 114, y: 100, w: 400, h: 300 });
    expect(keyboardCrop(crop, 'ArrowUp', false, source)).toEqual({ x: 100, y: 86, w: 400, h: 300 });
  });

  it('resizes with shift+arrows, keeping the top-left corner', () => {
    expect(keyboardCrop(crop, 'ArrowRight', true, source)).toEqual({ x: 100, y: 100, w: 414, h: 300 });
    expect(keyboardCrop(crop, 'ArrowUp', true, source)).toEqual({ x: 100, y: 100, w: 400, h: 286 });
  });

  it('takes the finest step a crop can take (2 px: even edges) with the fine modifier', () => {
    expect(keyStep(source, true)).toBe(2);
    expect(keyboardCrop(crop, 'ArrowRight', false, source, true)).toEqual({ x: 102, y: 100, w: 400, h: 300 });
    expect(keyboardCrop(crop, 'ArrowDown', true, source, true)).toEqual({ x: 100, y: 100, w: 400, h: 302 });
  });

  it('ignores other keys', () => {
    expect(keyboardCrop(crop, 'Enter', false, source)).toBeNull();
  });
});

describe('rectFromPoints', () => {
  it('spans two points in any order, inside the source', () => {
    expect(rectFromPoints(300, 200, 100, 50, source)).toEqual({ x: 100, y: 50, w: 200, h: 150 });
    expect(rectFromPoints(-10, -10, 20, 30, source)).toEqual({ x: 0, y: 0, w: 20, h: 30 });
  });
});

describe('initialCrop', () => {
  it('is the whole source', () => {
    expect(initialCrop(source)).toEqual({ x: 0, y: 0, w: 1280, h: 720 });
  });
});
