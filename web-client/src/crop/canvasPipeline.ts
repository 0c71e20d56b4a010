/**
 * Fallback crop pipeline, for browsers without insertable streams: the captured track plays in a detached
 * <video>; each new video frame, the source rectangle is drawn 1:1 into a canvas of the crop's size, masks
 * are filled black, and canvas.captureStream() is the output. Resizing the canvas keeps the same output track.
 */
import { planFrame, type PipelineSettings } from './framePlan';
import type { Size } from './geometry';
import { type CropPipeline, DEFAULT_SETTINGS, IDLE_REFRESH_MS, paintCropped, SourceSizeWatch } from './pipeline';

export function createCanvasPipeline(source: MediaStreamTrack, doc: Document = document): CropPipeline {
  let settings: PipelineSettings = { ...DEFAULT_SETTINGS };
  let stopped = false;
  const sizes = new SourceSizeWatch();
  const video = doc.createElement('video');
  video.muted = true;
  video.playsInline = true;
  video.srcObject = new MediaStream([source]);
  const canvas = doc.createElement('canvas');
  const ctx = canvas.getContext('2d', { alpha: false })!;
  // No frame rate argument: a frame is captured whenever the canvas is painted. With a rate, a change painted
  // within 1/rate of the previous paint is dropped, and on a still screen nothing would paint it again.
  const output = canvas.captureStream().getVideoTracks()[0];
  output.contentHint = 'detail';
  let resolveFirst!: (s: Size) => void;
  const firstFrame = new Promise<Size>((r) => (resolveFirst = r));
  let first = true;
  let lastPaint = 0;

  /** Paints the current video frame through the current settings. */
  const paint = (): void => {
    if (!stopped && video.videoWidth > 0) {
      lastPaint = performance.now();
      const frame = { x: 0, y: 0, w: video.videoWidth, h: video.videoHeight };
      sizes.report({ w: frame.w, h: frame.h });
      const plan = planFrame(settings, frame);
      const w = plan.kind === 'black' ? plan.size.w : plan.kind === 'crop' ? plan.visibleRect.w : plan.source.w;
      const h = plan.kind === 'black' ? plan.size.h : plan.kind === 'crop' ? plan.visibleRect.h : plan.source.h;
      if (canvas.width !== w) canvas.width = w;
      if (canvas.height !== h) canvas.height = h;
      if (plan.kind === 'black') {
        ctx.fillStyle = '#000';
        ctx.fillRect(0, 0, w, h);
      } else {
        paintCropped(ctx, video, plan.kind === 'crop' ? plan.visibleRect : plan.source,
          plan.kind === 'paint' ? plan.masks : []);
      }
      if (first) {
        first = false;
        resolveFirst({ w, h });
      }
    }
  };
  const draw = (): void => {
    if (stopped) return;
    paint();
    schedule();
  };
  // requestVideoFrameCallback fires once per decoded frame (no redundant draws); rAF where it is missing.
  const schedule = (): void => {
    if ('requestVideoFrameCallback' in video) video.requestVideoFrameCallback(draw);
    else requestAnimationFrame(draw);
  };

  const refresh = setInterval(() => {
    if (performance.now() - lastPaint >= IDLE_REFRESH_MS) paint();
  }, IDLE_REFRESH_MS / 2);

  const stop = (): void => {
    if (stopped) return;
    stopped = true;
    clearInterval(refresh);
    output.stop();
    video.srcObject = null;
  };
  source.addEventListener('ended', stop);
  void video.play().then(schedule, stop);

  return {
    kind: 'canvas',
    output,
    update: (change) => {
      settings = { ...settings, ...change };
      // A still screen brings no new video frame: repaint now so the change shows (and masks apply) at once.
      paint();
    },
    settings: () => settings,
    firstFrame,
    onSourceSize: (l) => sizes.add(l),
    stop,
  };
}
