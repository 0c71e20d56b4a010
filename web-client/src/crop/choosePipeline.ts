/**
 * Picks the crop pipeline: insertable streams where the browser has them (in a Worker where it can transfer their
 * streams), the canvas fallback elsewhere.
 */
import { createCanvasPipeline } from './canvasPipeline';
import type { CropPipeline } from './pipeline';
import { browserProcessorDeps, createProcessorPipeline } from './processorPipeline';
import { browserWorkerDeps, createWorkerPipeline } from './workerPipeline';

export type PipelinePreference = 'auto' | 'insertable-streams' | 'canvas';

export function createCropPipeline(source: MediaStreamTrack, prefer: PipelinePreference = 'auto'): CropPipeline {
  const deps = prefer === 'canvas' ? null : browserProcessorDeps();
  // Off the page's thread where the streams can be transferred; on it otherwise.
  const workerDeps = deps ? browserWorkerDeps() : null;
  const inWorker = workerDeps ? createWorkerPipeline(source, workerDeps) : null;
  if (inWorker) return inWorker;
  if (deps) return createProcessorPipeline(source, deps);
  if (prefer === 'insertable-streams') throw new Error('This browser has no insertable streams for video');
  return createCanvasPipeline(source);
}
