import { describe, expect, it } from 'vitest';
import type { Drawable } from '../annotations/model';
import type { Size } from '../crop/geometry';
import { drawStill, flatten, frameGeometry, type Frame2D, grabFrame, NoFrameError, type Surface } from './frame';

/** Surfaces that record what is drawn on them, by name (s0, s1, …). */
function surfaces() {
  const log: string[] = [];
  let n = 0;
  const make = (size: Size): Surface => {
    const name = `s${n++}`;
    const ctx = new Proxy({} as Record<string, unknown>, {
      get: (_t, prop: string) => (...args: unknown[]) => log.push(`${name}.${prop}(${args.map((a) =>
        typeof a === 'number' ? Math.round(a) : typeof a === 'object' && a && 'name' in a ? (a as { name: string }).name : String(a))
        .join(',')})`),
      set: () => true,
    }) as unknown as Frame2D;
    return { size, image: { name } as unknown as CanvasImageSource, ctx, png: async () => new Blob([name]) };
  };
  return { make, log };
}

const pen = (points: { x: number; y: number }[]): Drawable => ({
  id: 'd1', authorId: 'a', tool: 'pen', color: '#e5302a', width: 4, points, createdAt: 0,
});

describe('grabFrame', () => {
  it('draws the video 1:1 at its intrinsic size, not its CSS size', () => {
    const s = surfaces();
    const video = { name: 'video', videoWidth: 640, videoHeight: 360, clientWidth: 1280, clientHeight: 720 };
    const frame = grabFrame(video as unknown as HTMLVideoElement, s.make);
    expect(frame.size).toEqual({ w: 640, h: 360 });
    expect(s.log).toEqual(['s0.drawImage(video,0,0,640,360)']);
  });

  it('refuses a video without a frame', () => {
    const s = surfaces();
    expect(() => grabFrame({ videoWidth: 0, videoHeight: 0 } as unknown as HTMLVideoElement, s.make))
      .toThrow(NoFrameError);
  });
});

describe('flatten', () => {
  it('paints the overlay at the frame\'s resolution through the crop, then composites it over the frame', () => {
    const s = surfaces();
    const frame = drawStill({ name: 'still' } as unknown as CanvasImageSource, { w: 500, h: 250 }, s.make);
    // The frame shows the right half of a 1000×500 source, 1:1.
    const geometry = { source: { w: 1000, h: 500 }, crop: { x: 500, y: 0, w: 500, h: 250 } };
    const out = flatten(frame, geometry, [pen([{ x: 0.5, y: 0 }, { x: 1, y: 0.5 }])], 0, s.make);

    expect(out.size).toEqual({ w: 500, h: 250 });
    // The overlay surface (s1) is cleared at frame size and the stroke lands on frame pixels.
    expect(s.log).toContain('s1.clearRect(0,0,500,250)');
    expect(s.log).toContain('s1.moveTo(0,0)');
    expect(s.log).toContain('s1.lineTo(500,250)');
    // The output (s2): the frame first, the overlay over it.
    expect(s.log.filter((l) => l.startsWith('s2.'))).toEqual([
      's2.drawImage(s0,0,0,500,250)', 's2.drawImage(s1,0,0,500,250)',
    ]);
  });

  it('without a known crop, maps drawings onto the frame as the whole source', () => {
    const s = surfaces();
    const frame = drawStill({ name: 'still' } as unknown as CanvasImageSource, { w: 200, h: 100 }, s.make);
    flatten(frame, frameGeometry(null, frame.size), [pen([{ x: 0.25, y: 0.5 }, { x: 0.75, y: 0.5 }])], 0, s.make);
    expect(s.log).toContain('s1.moveTo(50,50)');
    expect(s.log).toContain('s1.lineTo(150,50)');
  });
});
