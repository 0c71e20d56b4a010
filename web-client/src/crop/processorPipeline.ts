/**
 * Preferred crop pipeline (Chromium): MediaStreamTrackProcessor → new VideoFrame(frame, {visibleRect}) → masks
 * → MediaStreamTrackGenerator. See framePlan.ts for why a mask costs one GPU draw and no mask costs nothing.
 */
import { planFrame, type PipelineSettings } from './framePlan';
import type { Size } from './geometry';
import { type CropPipeline, DEFAULT_SETTINGS, IDLE_REFRESH_MS, paintCropped, SourceSizeWatch } from './pipeline';

/** The platform pieces this pipeline needs, injected so tests can run it on fake streams and frames. */
export interface ProcessorDeps {
  readable(track: MediaStreamTrack): ReadableStream<VideoFrame>;
  generator(): MediaStreamTrack & { writable: WritableStream<VideoFrame> };
  /** A frame viewing part of another (zero copy), with the given timestamp (µs). */
  cropFrame(frame: VideoFrame, rect: DOMRectInit, timestamp: number): VideoFrame;
  /** A frame made from the painted canvas, stamped with the source frame's timestamp. */
  frameFromCanvas(canvas: OffscreenCanvas, timestamp: number): VideoFrame;
  canvas(w: number, h: number): OffscreenCanvas;
  /** Calls fn every ms until the returned function is called (setInterval in the browser). */
  every(fn: () => void, ms: number): () => void;
  now(): number;
}

/**
 * The frame, canvas and timer pieces of {@link ProcessorDeps} as the platform gives them, the same on the page
 * and in the crop worker (only where the frames come from and go to differs).
 */
export function platformFrameDeps(): Omit<ProcessorDeps, 'readable' | 'generator'> {
  return {
    cropFrame: (frame, rect, timestamp) =>
      new VideoFrame(frame, { visibleRect: rect, displayWidth: rect.width, displayHeight: rect.height, timestamp }),
    frameFromCanvas: (canvas, timestamp) => new VideoFrame(canvas, { timestamp }),
    canvas: (w, h) => new OffscreenCanvas(w, h),
    every: (fn, ms) => {
      const id = setInterval(fn, ms);
      return () => clearInterval(id);
    },
    now: () => performance.now(),
  };
}

export function browserProcessorDeps(): ProcessorDeps | null {
  const Processor = globalThis.MediaStreamTrackProcessor;
  const Generator = globalThis.MediaStreamTrackGenerator;
  if (!Processor || !Generator || typeof VideoFrame === 'undefined' || typeof OffscreenCanvas === 'undefined') {
    return null;
  }
  return {
    // maxBufferSize 1: when the encoder lags, drop old frames rather than queue latency.
    readable: (track) => new Processor({ track, maxBufferSize: 1 }).readable,
    generator: () => new Generator({ kind: 'video' }),
    ...platformFrameDeps(),
  };
}

export function createProcessorPipeline(source: MediaStreamTrack, deps: ProcessorDeps): CropPipeline {
  let settings: PipelineSettings = { ...DEFAULT_SETTINGS };
  let stopped = false;
  const sizes = new SourceSizeWatch();
  const generator = deps.generator();
  generator.contentHint = 'detail';
  const reader = deps.readable(source).getReader();
  const writer = generator.writable.getWriter();
  let canvas: OffscreenCanvas | null = null;
  let resolveFirst!: (s: Size) => void;
  const firstFrame = new Promise<Size>((r) => (resolveFirst = r));

  const canvasOf = (w: number, h: number): OffscreenCanvas => {
    if (!canvas) canvas = deps.canvas(w, h);
    if (canvas.width !== w) canvas.width = w;
    if (canvas.height !== h) canvas.height = h;
    return canvas;
  };

  /**
   * @param again the frame was sent before: it is drawn into a new frame rather than viewed, because WebRTC's
   *        sender takes a view of an already delivered frame for the same picture and drops it.
   */
  const transform = (frame: VideoFrame, timestamp: number, again: boolean): VideoFrame => {
    const vr = frame.visibleRect;
    const rect = vr
      ? { x: vr.x, y: vr.y, w: vr.width, h: vr.height }
      : { x: 0, y: 0, w: frame.displayWidth, h: frame.displayHeight };
    sizes.report({ w: rect.w, h: rect.h });
    const plan = planFrame(settings, rect);
    if (plan.kind === 'crop' && !again) {
      const r = plan.visibleRect;
      return deps.cropFrame(frame, { x: r.x, y: r.y, width: r.w, height: r.h }, timestamp);
    }
    const area = plan.kind === 'black' ? plan.size : plan.kind === 'crop' ? plan.visibleRect : plan.source;
    const c = canvasOf(area.w, area.h);
    const ctx = c.getContext('2d')!;
    if (plan.kind === 'black') {
      ctx.fillStyle = '#000';
      ctx.fillRect(0, 0, area.w, area.h);
    } else {
      paintCropped(ctx, frame, plan.kind === 'crop' ? plan.visibleRect : plan.source,
        plan.kind === 'paint' ? plan.masks : []);
    }
    return deps.frameFromCanvas(c, timestamp);
  };

  // The last source frame, kept so that a change of crop, masks or pause shows at once even when the screen is
  // still: a captured screen that does not change sends no new frames, and the agent would keep seeing the old
  // crop (or, worse, content the customer just masked) until something moved.
  let last: VideoFrame | null = null;
  let first = true;
  let lastSent = deps.now();
  // Writes are chained so frames from the pump and from update() never interleave or overtake each other.
  let writes: Promise<void> = Promise.resolve();
  // Timestamps must grow: WebRTC's sender drops a frame whose timestamp is not after the previous one, so a
  // frame sent again (after a change, or on a still screen) gets the time that passed since the last one.
  let lastTimestamp = -1;
  const send = (frame: VideoFrame, again = false): Promise<void> => {
    const now = deps.now();
    const timestamp = again
      ? lastTimestamp + Math.max(1, Math.round((now - lastSent) * 1000))
      : Math.max(frame.timestamp, lastTimestamp + 1);
    let out: VideoFrame;
    try {
      out = transform(frame, timestamp, again);
    } catch (e) {
      frame.close();
      throw e;
    }
    frame.close();
    lastTimestamp = timestamp;
    lastSent = now;
    writes = writes.then(() => writer.write(out)).then(() => {
      if (first) {
        first = false;
        resolveFirst({ w: out.displayWidth, h: out.displayHeight });
      }
    });
    return writes;
  };

  const pump = async (): Promise<void> => {
    while (!stopped) {
      const { value: frame, done } = await reader.read();
      if (done || !frame) break;
      last?.close();
      last = frame.clone();
      await send(frame);
    }
  };

  const stopRefresh = deps.every(() => {
    if (!stopped && last && deps.now() - lastSent >= IDLE_REFRESH_MS) void send(last.clone(), true).catch(() => undefined);
  }, IDLE_REFRESH_MS / 2);

  const stop = (): void => {
    if (stopped) return;
    stopped = true;
    stopRefresh();
    last?.close();
    last = null;
    reader.cancel().catch(() => undefined);
    writer.close().catch(() => undefined);
    generator.stop();
  };

  // The source ending (the customer pressed the browser's "Stop sharing") ends the read loop; so does stop().
  void pump().catch(() => undefined).finally(stop);

  return {
    kind: 'insertable-streams',
    output: generator,
    update: (change) => {
      settings = { ...settings, ...change };
      if (last && !stopped) void send(last.clone(), true).catch(() => undefined);
    },
    settings: () => settings,
    firstFrame,
    onSourceSize: (l) => sizes.add(l),
    stop,
  };
}
