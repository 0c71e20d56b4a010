/** Messages between the page and the crop Worker (cropWorker.ts). */
import type { PipelineSettings } from './framePlan';
import type { Size } from './geometry';

export type ToWorker =
  | { type: 'start'; readable: ReadableStream<VideoFrame>; writable: WritableStream<VideoFrame>; settings: PipelineSettings }
  | { type: 'update'; change: Partial<PipelineSettings> }
  | { type: 'stop' };

export type FromWorker =
  | { type: 'first-frame'; size: Size }
  | { type: 'source-size'; size: Size }
  | { type: 'ended' };
