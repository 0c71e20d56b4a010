import { describe, expect, it, vi } from 'vitest';
import { createProcessorPipeline, type ProcessorDeps } from './processorPipeline';

/** A stand-in for a captured VideoFrame: only what the pipeline reads. */
interface FakeFrame {
  visibleRect: { x: number; y: number; width: number; height: number };
  displayWidth: number;
  displayHeight: number;
  timestamp: number;
  close: ReturnType<typeof vi.fn>;
  clone(): FakeFrame;
}

function fakeFrame(w: number, h: number, timestamp: number): FakeFrame {
  return {
    visibleRect: { x: 0, y: 0, width: w, height: h },
    displayWidth: w,
    displayHeight: h,
    timestamp,
    close: vi.fn(),
    clone: () => fakeFrame(w, h, timestamp),
  };
}

type Out = {
  kind: string; rect?: DOMRectInit; ops?: string[]; displayWidth: number; displayHeight: number; timestamp: number;
};

function harness() {
  let clock = 0;
  let tick: () => void = () => undefined;
  const outputs: Out[] = [];
  let push!: (f: unknown) => void;
  let end!: () => void;
  const readable = new ReadableStream({
    start(c) {
      push = (f) => c.enqueue(f);
      end = () => c.close();
    },
  });
  const generator = Object.assign(new EventTarget(), {
    contentHint: '',
    stop: vi.fn(),
    writable: new WritableStream<Out>({ write: (f) => void outputs.push(f) }),
  });
  const ops: string[] = [];
  const canvas = {
    width: 0,
    height: 0,
    getContext: () => ({
      set fillStyle(v: string) {
        ops.push(`fill ${v}`);
      },
      drawImage: (_i: unknown, ...a: number[]) => ops.push(`draw ${a.join(',')}`),
      fillRect: (...a: number[]) => ops.push(`rect ${a.join(',')}`),
    }),
  };
  const deps = {
    readable: () => readable,
    generator: () => generator,
    cropFrame: (_f: unknown, rect: DOMRectInit, timestamp: number) =>
      ({ kind: 'crop', rect, displayWidth: rect.width, displayHeight: rect.height, timestamp }),
    frameFromCanvas: (c: typeof canvas, timestamp: number) =>
      ({ kind: 'canvas', ops: ops.splice(0), displayWidth: c.width, displayHeight: c.height, timestamp }),
    canvas: (w: number, h: number) => Object.assign(canvas, { width: w, height: h }),
    every: (fn: () => void) => {
      tick = fn;
      return () => (tick = () => undefined);
    },
    now: () => clock,
  } as unknown as ProcessorDeps;
  return { deps, outputs, generator, push, end, advance: (ms: number) => {
    clock += ms;
    tick();
  } };
}

const until = async (cond: () => boolean) => {
  for (let i = 0; i < 100 && !cond(); i++) await new Promise((r) => setTimeout(r, 0));
  expect(cond()).toBe(true);
};

describe('createProcessorPipeline', () => {
  it('crops zero-copy, closes every source frame, and marks the output as detail content', async () => {
    const h = harness();
    const p = createProcessorPipeline({} as MediaStreamTrack, h.deps);
    p.update({ crop: { x: 100, y: 50, w: 640, h: 360 } });
    const f = fakeFrame(1280, 720, 1);
    h.push(f);
    expect(await p.firstFrame).toEqual({ w: 640, h: 360 });
    expect(h.outputs[0]).toMatchObject({ kind: 'crop', rect: { x: 100, y: 50, width: 640, height: 360 } });
    expect(f.close).toHaveBeenCalled();
    expect(h.generator.contentHint).toBe('detail');
  });

  it('paints masks that fall in the crop at 1:1 and blacks them out', async () => {
    const h = harness();
    const p = createProcessorPipeline({} as MediaStreamTrack, h.deps);
    p.update({ crop: { x: 100, y: 50, w: 640, h: 360 }, masks: [{ x: 200, y: 100, w: 40, h: 20 }] });
    h.push(fakeFrame(1280, 720, 1));
    await p.firstFrame;
    expect(h.outputs[0]).toEqual({
      kind: 'canvas',
      ops: ['draw 100,50,640,360,0,0,640,360', 'fill #000', 'rect 100,50,40,20'],
      displayWidth: 640,
      displayHeight: 360,
      timestamp: 1,
    });
  });

  it('sends black frames of the crop size while paused, and keeps the same output track throughout', async () => {
    const h = harness();
    const p = createProcessorPipeline({} as MediaStreamTrack, h.deps);
    const track = p.output;
    p.update({ crop: { x: 0, y: 0, w: 320, h: 240 }, paused: true });
    h.push(fakeFrame(1280, 720, 1));
    await until(() => h.outputs.length === 1);
    expect(h.outputs[0]).toMatchObject({ kind: 'canvas', ops: ['fill #000', 'rect 0,0,320,240'] });
    p.update({ paused: false, crop: { x: 10, y: 10, w: 100, h: 100 } });
    await until(() => h.outputs.length === 2);
    h.push(fakeFrame(1280, 720, 2));
    await until(() => h.outputs.length === 3);
    expect(h.outputs[2]).toMatchObject({ kind: 'crop', rect: { x: 10, y: 10, width: 100, height: 100 } });
    expect(p.output).toBe(track);
  });

  it('applies a change at once on a still screen, by re-sending the last frame', async () => {
    const h = harness();
    const p = createProcessorPipeline({} as MediaStreamTrack, h.deps);
    h.push(fakeFrame(1280, 720, 1));
    await until(() => h.outputs.length === 1);
    p.update({ crop: { x: 100, y: 100, w: 200, h: 100 } });
    await until(() => h.outputs.length === 2);
    // A frame sent again is drawn into a new one (a second view of a delivered frame is dropped by WebRTC).
    expect(h.outputs[1]).toMatchObject({ kind: 'canvas', ops: ['draw 100,100,200,100,0,0,200,100', 'fill #000'] });
    p.update({ masks: [{ x: 150, y: 120, w: 10, h: 10 }] });
    await until(() => h.outputs.length === 3);
    expect(h.outputs[2]).toMatchObject({ kind: 'canvas', ops: ['draw 100,100,200,100,0,0,200,100', 'fill #000', 'rect 50,20,10,10'] });
  });

  it('sends the last frame again when the screen has been still for a second', async () => {
    const h = harness();
    const p = createProcessorPipeline({} as MediaStreamTrack, h.deps);
    p.update({ crop: { x: 0, y: 0, w: 640, h: 360 } });
    h.push(fakeFrame(1280, 720, 1));
    await until(() => h.outputs.length === 1);
    h.advance(400);
    await new Promise((r) => setTimeout(r, 0));
    expect(h.outputs).toHaveLength(1);
    h.advance(700);
    await until(() => h.outputs.length === 2);
    // Same picture, later timestamp (µs): the WebRTC sender drops frames whose timestamp does not grow.
    expect(h.outputs[1]).toMatchObject({ kind: 'canvas', ops: ['draw 0,0,640,360,0,0,640,360', 'fill #000'],
      timestamp: 1 + 1_100_000 });
  });

  it('reports the source size, and stops the output when the source ends', async () => {
    const h = harness();
    const p = createProcessorPipeline({} as MediaStreamTrack, h.deps);
    const sizes: unknown[] = [];
    p.onSourceSize((s) => sizes.push(s));
    h.push(fakeFrame(1280, 720, 1));
    h.push(fakeFrame(1280, 720, 2));
    h.push(fakeFrame(800, 600, 3));
    await until(() => h.outputs.length === 3);
    expect(sizes).toEqual([{ w: 1280, h: 720 }, { w: 800, h: 600 }]);
    h.end();
    await until(() => h.generator.stop.mock.calls.length === 1);
  });
});
