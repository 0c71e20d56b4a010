/**
 * The insertable-streams crop pipeline with its per-frame work in a dedicated Worker (cropWorker.ts): the page
 * makes the MediaStreamTrackProcessor and MediaStreamTrackGenerator and transfers their streams (Chromium moves
 * the frames' source and sink to the worker, no hop through the page). A hidden CoView tab (the customer shares
 * another tab, a window or a screen) throttles the page, not the worker, so the crop keeps the source's rate.
 */
import { DEFAULT_SETTINGS, type CropPipeline, SourceSizeWatch } from './pipeline';
import type { PipelineSettings } from './framePlan';
import type { Size } from './geometry';
import type { FromWorker, ToWorker } from './workerProtocol';

/** The platform pieces, injected for tests. */
export interface WorkerPipelineDeps {
  readable(track: MediaStreamTrack): ReadableStream<VideoFrame>;
  generator(): MediaStreamTrack & { writable: WritableStream<VideoFrame> };
  worker(): Pick<Worker, 'postMessage' | 'terminate'> & { onmessage: ((e: MessageEvent<FromWorker>) => void) | null };
}

/**
 * One thing made ahead of its use, handed out once and made again on the next warm-up: the crop worker, whose
 * module is fetched and compiled while the customer reads the consent instead of after their Share click.
 */
export class Spare<T> {
  private ready: T | null = null;

  constructor(private readonly make: () => T) {}

  /** Makes the spare now, unless one is waiting. */
  warm(): void {
    this.ready ??= this.make();
  }

  /** The spare when there is one (then none is left), else a new one. */
  take(): T {
    const t = this.ready ?? this.make();
    this.ready = null;
    return t;
  }
}

const cropWorkers = new Spare(() => new Worker(new URL('./cropWorker.ts', import.meta.url),
  { type: 'module', name: 'coview-crop' }));

/** Starts a crop worker ahead of the share where the worker pipeline will be used (no-op elsewhere). */
export function warmCropWorker(): void {
  if (browserWorkerDeps()) cropWorkers.warm();
}

export function browserWorkerDeps(): WorkerPipelineDeps | null {
  const Processor = globalThis.MediaStreamTrackProcessor;
  const Generator = globalThis.MediaStreamTrackGenerator;
  if (!Processor || !Generator || typeof Worker === 'undefined') return null;
  return {
    // maxBufferSize 1: when the encoder lags, drop old frames rather than queue latency.
    readable: (track) => new Processor({ track, maxBufferSize: 1 }).readable,
    generator: () => new Generator({ kind: 'video' }),
    worker: () => cropWorkers.take(),
  };
}

/** Starts the pipeline in a worker; null when the streams cannot be transferred (then the page runs it). */
export function createWorkerPipeline(source: MediaStreamTrack, deps: WorkerPipelineDeps): CropPipeline | null {
  const generator = deps.generator();
  generator.contentHint = 'detail';
  const readable = deps.readable(source);
  const worker = deps.worker();
  let settings: PipelineSettings = { ...DEFAULT_SETTINGS };
  const post = (m: ToWorker, transfer: Transferable[] = []) => worker.postMessage(m, transfer);
  try {
    post({ type: 'start', readable, writable: generator.writable, settings },
      [readable as unknown as Transferable, generator.writable as unknown as Transferable]);
  } catch {
    worker.terminate();
    generator.stop();
    return null;
  }
  const sizes = new SourceSizeWatch();
  let resolveFirst!: (s: Size) => void;
  const firstFrame = new Promise<Size>((r) => (resolveFirst = r));
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    post({ type: 'stop' });
    generator.stop();
    // The worker closes its ends of the streams on 'stop'; terminating it right away could cut that short.
    setTimeout(() => worker.terminate(), 1000);
  };
  worker.onmessage = (e) => {
    const m = e.data;
    if (m.type === 'first-frame') resolveFirst(m.size);
    else if (m.type === 'source-size') sizes.report(m.size);
    else if (m.type === 'ended') stop();
  };
  return {
    kind: 'insertable-streams',
    thread: 'worker',
    output: generator,
    update: (change) => {
      settings = { ...settings, ...change };
      if (!stopped) post({ type: 'update', change });
    },
    settings: () => settings,
    firstFrame,
    onSourceSize: (l) => sizes.add(l),
    stop,
  };
}
