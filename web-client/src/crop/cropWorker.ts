/**
 * The crop pipeline's dedicated Worker: the insertable-streams pipeline (processorPipeline.ts) running off the
 * page's main thread, on the source's frames and the output's writable transferred here. A hidden or occluded
 * CoView tab throttles its main thread (timers, one animation frame a second), not this worker: the crop keeps
 * the source's frame rate whatever the tab does.
 */
import type { PipelineSettings } from './framePlan';
import { createProcessorPipeline, platformFrameDeps, type ProcessorDeps } from './processorPipeline';
import type { FromWorker, ToWorker } from './workerProtocol';

/** The worker's global scope (the project compiles with the DOM library, not the WebWorker one). */
declare const self: { postMessage(m: FromWorker): void; onmessage: ((e: MessageEvent<ToWorker>) => void) | null };

let pipeline: ReturnType<typeof createProcessorPipeline> | null = null;

const post = (m: FromWorker) => self.postMessage(m);

function workerDeps(readable: ReadableStream<VideoFrame>, writable: WritableStream<VideoFrame>): ProcessorDeps {
  return {
    readable: () => readable,
    // The output track itself stays on the page (it goes to the peer connections); here only its writable.
    generator: () => ({ writable, contentHint: '', stop: () => post({ type: 'ended' }) }) as never,
    ...platformFrameDeps(),
  };
}

self.onmessage = (e: MessageEvent<ToWorker>) => {
  const m = e.data;
  if (m.type === 'start') {
    pipeline = createProcessorPipeline(null as unknown as MediaStreamTrack, workerDeps(m.readable, m.writable));
    pipeline.update(m.settings);
    void pipeline.firstFrame.then((size) => post({ type: 'first-frame', size }));
    pipeline.onSourceSize((size) => post({ type: 'source-size', size }));
  } else if (m.type === 'update') {
    pipeline?.update(m.change as Partial<PipelineSettings>);
  } else if (m.type === 'stop') {
    pipeline?.stop();
  }
};
