/**
 * MediaRecorder over the composite stream: WebM (VP9 where the browser has it, else VP8), a chunk every
 * `timeslice` ms handed to `onChunk` as it comes, so uploads run while recording.
 */
import { t } from '../i18n';
export const MIME_TYPES = ['video/webm;codecs=vp9', 'video/webm;codecs=vp8', 'video/webm'] as const;

/** The first WebM type the browser can record, or null (no WebM recording here). */
export function pickMimeType(isSupported: (type: string) => boolean): string | null {
  return MIME_TYPES.find((t) => isSupported(t)) ?? null;
}

export interface RunningRecorder {
  readonly mimeType: string;
  /** Stops; resolves after the last chunk was handed to `onChunk`. */
  stop(): Promise<void>;
}

export function startRecorder(stream: MediaStream, onChunk: (chunk: Blob) => void, timeslice = 2000): RunningRecorder {
  const mimeType = pickMimeType((t) => MediaRecorder.isTypeSupported(t));
  if (!mimeType) throw new Error(t('recording.noWebm'));
  const recorder = new MediaRecorder(stream, { mimeType, videoBitsPerSecond: 2_500_000 });
  recorder.addEventListener('dataavailable', (e) => onChunk(e.data));
  // 'stop' fires after the last 'dataavailable'.
  const stopped = new Promise<void>((resolve) => recorder.addEventListener('stop', () => resolve(), { once: true }));
  recorder.start(timeslice);
  return {
    mimeType,
    stop: () => {
      if (recorder.state !== 'inactive') recorder.stop();
      return stopped;
    },
  };
}
