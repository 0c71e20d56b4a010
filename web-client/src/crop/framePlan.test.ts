import { describe, expect, it } from 'vitest';
import { planFrame } from './framePlan';

const frame = { x: 0, y: 0, w: 1920, h: 1080 };

describe('planFrame', () => {
  it('crops zero-copy when no mask touches the crop', () => {
    const plan = planFrame(
      { crop: { x: 100, y: 200, w: 640, h: 360 }, masks: [{ x: 0, y: 0, w: 50, h: 50 }], paused: false },
      frame,
    );
    expect(plan).toEqual({ kind: 'crop', visibleRect: { x: 100, y: 200, w: 640, h: 360 } });
  });

  it('shares the whole source when there is no crop yet', () => {
    expect(planFrame({ crop: null, masks: [], paused: false }, frame)).toEqual({
      kind: 'crop',
      visibleRect: { x: 0, y: 0, w: 1920, h: 1080 },
    });
  });

  it('paints when a mask intersects the crop, with masks in crop pixels', () => {
    const plan = planFrame(
      { crop: { x: 100, y: 200, w: 640, h: 360 }, masks: [{ x: 150, y: 250, w: 100, h: 100 }], paused: false },
      frame,
    );
    expect(plan).toEqual({
      kind: 'paint',
      source: { x: 100, y: 200, w: 640, h: 360 },
      masks: [{ x: 50, y: 50, w: 100, h: 100 }],
    });
  });

  it('sends black frames of the crop size while paused, whatever the masks', () => {
    const plan = planFrame({ crop: { x: 0, y: 0, w: 640, h: 360 }, masks: [], paused: true }, frame);
    expect(plan).toEqual({ kind: 'black', size: { w: 640, h: 360 } });
  });

  it('keeps the crop inside a source that shrank (a shared window resized while sharing)', () => {
    const plan = planFrame({ crop: { x: 1200, y: 600, w: 640, h: 360 }, masks: [], paused: false }, { x: 0, y: 0, w: 1280, h: 720 });
    expect(plan).toEqual({ kind: 'crop', visibleRect: { x: 640, y: 360, w: 640, h: 360 } });
  });

  it('offsets by the frame visible rectangle when the frame has padding', () => {
    const plan = planFrame({ crop: { x: 10, y: 10, w: 100, h: 100 }, masks: [], paused: false }, { x: 0, y: 8, w: 1280, h: 720 });
    expect(plan).toEqual({ kind: 'crop', visibleRect: { x: 10, y: 18, w: 100, h: 100 } });
  });
});
