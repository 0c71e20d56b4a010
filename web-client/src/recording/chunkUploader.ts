/**
 * Uploads a recording's chunks as MediaRecorder hands them over (every ~2 s), so a closed tab loses at most the
 * chunk in flight. Chunks go one at a time, in order (room-service needs chunk 0 first only for its EBML check,
 * but one at a time keeps a slow uplink from piling up parallel uploads); a failed upload is retried with
 * backoff while the failure may pass (network, 5xx) — for as long as the session lasts, so a network that drops
 * for a minute loses nothing — and the same bytes again are harmless (idempotent per n). Progress and trouble are
 * reported as they happen, not at Stop. `finish()` waits for every chunk, then completes the recording; `close()`
 * (the session ended) stops retrying.
 */
import { RecordingApiError, type RecordingView } from './recordingApi';
import { t } from '../i18n';

export interface ChunkSink {
  putChunk(recordingId: string, n: number, chunk: Blob): Promise<unknown>;
  complete(recordingId: string, chunks: number): Promise<RecordingView>;
}

/** Where the uploads stand: parts stored, parts waiting, and why the current one is being retried (or null). */
export interface UploadProgress {
  stored: number;
  waiting: number;
  retrying: string | null;
}

export interface UploaderOptions {
  /** Waits before retry number `attempt` (1, 2, …). */
  delay: (ms: number) => Promise<void>;
  /** Every change of the progress. */
  onProgress?: (p: UploadProgress) => void;
  /** A part was refused for good (or the session ended first): the recording cannot be completed. */
  onFailure?: (e: Error) => void;
}

export class ChunkUploader {
  private next = 0;
  private uploaded = 0;
  private chain: Promise<void> = Promise.resolve();
  private failure: Error | null = null;
  private retrying: string | null = null;
  private closed = false;

  constructor(private readonly sink: ChunkSink, readonly recordingId: string, private readonly opts: UploaderOptions) {}

  /** Chunks stored by room-service so far: always 0..stored-1, uploads go one at a time and in order. */
  get stored(): number {
    return this.uploaded;
  }

  /** Queues the next chunk; empty blobs (a timeslice with no frame) are skipped, they would be refused. */
  push(chunk: Blob): void {
    if (chunk.size === 0 || this.failure) return;
    const n = this.next++;
    this.chain = this.chain.then(() => this.upload(n, chunk));
    this.report();
  }

  /** The session ended: a part still failing is given up (its retries could never succeed). */
  close(): void {
    this.closed = true;
  }

  /** Waits for every queued chunk, then completes the recording with their count. */
  async finish(): Promise<RecordingView> {
    await this.chain;
    if (this.failure) throw this.failure;
    if (this.next === 0) throw new RecordingApiError(400, t('recording.nothingRecorded'));
    return this.sink.complete(this.recordingId, this.next);
  }

  private async upload(n: number, chunk: Blob): Promise<void> {
    if (this.failure) return;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.sink.putChunk(this.recordingId, n, chunk);
        this.uploaded++;
        this.retrying = null;
        this.report();
        return;
      } catch (e) {
        const error = e instanceof Error ? e : new Error(String(e));
        const retry = e instanceof RecordingApiError ? e.retry : true;
        if (!retry || this.closed) {
          this.fail(retry ? new Error(t('recording.endedBeforeUpload'), { cause: error }) : error);
          return;
        }
        this.retrying = error.message;
        this.report();
        await this.opts.delay(Math.min(8000, 250 * 2 ** (attempt - 1)));
      }
    }
  }

  private fail(e: Error): void {
    this.failure = e;
    this.retrying = null;
    this.report();
    this.opts.onFailure?.(e);
  }

  private report(): void {
    this.opts.onProgress?.({ stored: this.uploaded, waiting: this.next - this.uploaded, retrying: this.retrying });
  }
}
