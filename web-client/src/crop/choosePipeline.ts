/** Picks the crop pipeline: insertable streams where the browser has them, the canvas fallback elsewhere. */
import { createCanvasPipeline } from './canvasPipeline';
import type { CropPipeline } from './pipeline';
import { browserProcessorDeps, createProcessorPipeline } from './processorPipeline';

export type PipelinePreference = 'auto' | 'insertable-streams' | 'canvas';

export function createCropPipeline(source: MediaStreamTrack, prefer: PipelinePreference = 'auto'): CropPipeline {
  const deps = prefer === 'canvas' ? null : browserProcessorDeps();
  if (deps) return createProcessorPipeline(source, deps);
  if (prefer === 'insertable-streams') throw new Error('This browser has no insertable streams for video');
  return createCanvasPipeline(source);
}
