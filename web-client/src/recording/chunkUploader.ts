/**
 * Uploads a recording's chunks as MediaRecorder hands them over (every ~2 s), so a closed tab loses at most the
 * chunk in flight. Chunks go one at a time, in order (room-service needs chunk 0 first only for its EBML check,
 * but one at a time keeps a slow uplink from piling up parallel uploads); a failed upload is retried with
 * backoff while the failure may pass (network, 5xx), and the same bytes again are harmless (idempotent per n).
 * `finish()` waits for every chunk, then completes the recording.
 */
import { RecordingApiError, type RecordingView } from './recordingApi';

export interface ChunkSink {
  putChunk(recordingId: string, n: number, chunk: Blob): Promise<unknown>;
  complete(recordingId: string, chunks: number): Promise<RecordingView>;
}

export interface UploaderOptions {
  /** Waits before retry number `attempt` (1, 2, …). */
  delay: (ms: number) => Promise<void>;
  /** Upload attempts per chunk before the recording is given up. */
  maxAttempts?: number;
}

export class ChunkUploader {
  private next = 0;
  private uploaded = 0;
  private chain: Promise<void> = Promise.resolve();
  private failure: Error | null = null;

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
  }

  /** Waits for every queued chunk, then completes the recording with their count. */
  async finish(): Promise<RecordingView> {
    await this.chain;
    if (this.failure) throw this.failure;
    if (this.next === 0) throw new RecordingApiError(400, 'nothing was recorded');
    return this.sink.complete(this.recordingId, this.next);
  }

  private async upload(n: number, chunk: Blob): Promise<void> {
    if (this.failure) return;
    const max = this.opts.maxAttempts ?? 6;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.sink.putChunk(this.recordingId, n, chunk);
        this.uploaded++;
        return;
      } catch (e) {
        const retry = e instanceof RecordingApiError ? e.retry : true;
        if (!retry || attempt >= max) {
          this.failure = e instanceof Error ? e : new Error(String(e));
          return;
        }
        await this.opts.delay(Math.min(8000, 250 * 2 ** (attempt - 1)));
      }
    }
  }
}
