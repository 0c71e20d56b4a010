import { describe, expect, it } from 'vitest';
import { fitCanvas, oncePerFrame } from './overlayCanvas';

const transforms: number[][] = [];
const ctx = { setTransform: (...m: number[]) => void transforms.push(m) } as Pick<CanvasRenderingContext2D, 'setTransform'>;

describe('an annotation canvas', () => {
  it('keeps its backing store at the screen\'s pixel ratio and draws in CSS pixels', () => {
    const canvas = { clientWidth: 640, clientHeight: 360, width: 300, height: 150 };
    expect(fitCanvas(canvas, ctx, 1.5)).toEqual({ w: 640, h: 360 });
    expect([canvas.width, canvas.height]).toEqual([960, 540]);
    expect(transforms.at(-1)).toEqual([1.5, 0, 0, 1.5, 0, 0]);
  });

  it('leaves a backing store of the right size alone (resizing would clear it)', () => {
    let sets = 0;
    const canvas = { clientWidth: 101, clientHeight: 51, get width() { return 202; }, set width(_: number) { sets++; },
      get height() { return 102; }, set height(_: number) { sets++; } };
    fitCanvas(canvas, ctx, 2);
    expect(sets).toBe(0);
  });

  it('paints once per frame however many changes ask, and again after that frame', () => {
    const frames: (() => void)[] = [];
    let paints = 0;
    const repaint = oncePerFrame(() => paints++, (run) => frames.push(run));
    repaint();
    repaint();
    repaint();
    expect(frames).toHaveLength(1);
    frames.shift()!();
    expect(paints).toBe(1);
    repaint();
    expect(frames).toHaveLength(1);
  });

  it('may ask for the next frame from inside a paint (fading ink)', () => {
    const frames: (() => void)[] = [];
    let paints = 0;
    const repaint: () => void = oncePerFrame(() => {
      if (++paints < 3) repaint();
    }, (run) => frames.push(run));
    repaint();
    while (frames.length) frames.shift()!();
    expect(paints).toBe(3);
  });
});
