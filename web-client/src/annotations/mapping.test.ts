import { describe, expect, it } from 'vitest';
import { containedRect, sourceToView, viewScale, viewToSource, wholeSource } from './mapping';

describe('containedRect', () => {
  it('letterboxes a wide video in a tall box (bars top and bottom)', () => {
    expect(containedRect({ w: 1600, h: 900 }, { w: 800, h: 800 })).toEqual({ x: 0, y: 175, w: 800, h: 450 });
  });

  it('pillarboxes a tall video in a wide box (bars left and right)', () => {
    expect(containedRect({ w: 400, h: 800 }, { w: 1000, h: 400 })).toEqual({ x: 400, y: 0, w: 200, h: 400 });
  });

  it('is empty before the video has a size', () => {
    expect(containedRect({ w: 0, h: 0 }, { w: 800, h: 600 })).toEqual({ x: 0, y: 0, w: 0, h: 0 });
  });
});

describe('source ↔ view through a crop', () => {
  const source = { w: 1920, h: 1080 };
  const g = { source, crop: { x: 960, y: 540, w: 960, h: 540 } }; // bottom-right quarter
  const box = { w: 960, h: 600 }; // letterboxed: video 960×540 at y=30

  it('places a source point where that content is shown', () => {
    expect(sourceToView({ x: 0.75, y: 0.75 }, g, box)).toEqual({ x: 480, y: 300 });
    expect(sourceToView({ x: 0.5, y: 0.5 }, g, box)).toEqual({ x: 0, y: 30 });
  });

  it('keeps a drawing on the same content when the crop moves', () => {
    const p = { x: 0.75, y: 0.75 };
    const moved = { source, crop: { x: 480, y: 270, w: 960, h: 540 } }; // the centre quarter
    expect(sourceToView(p, moved, box)).toEqual({ x: 960, y: 570 });
  });

  it('maps view points back to the same source points', () => {
    const p = { x: 0.8125, y: 0.6 };
    const v = sourceToView(p, g, box);
    const back = viewToSource(v, g, box)!;
    expect(back.x).toBeCloseTo(p.x, 10);
    expect(back.y).toBeCloseTo(p.y, 10);
  });

  it('has no source point in the letterbox bars', () => {
    expect(viewToSource({ x: 100, y: 10 }, g, box)).toBeNull();
  });

  it('maps the whole source for an uncropped preview', () => {
    expect(sourceToView({ x: 1, y: 1 }, wholeSource(source), { w: 960, h: 540 })).toEqual({ x: 960, y: 540 });
  });

  it('scales widths with the zoom of the crop', () => {
    expect(viewScale(g, box)).toBe(1);
    expect(viewScale(wholeSource(source), box)).toBe(0.5);
  });
});
