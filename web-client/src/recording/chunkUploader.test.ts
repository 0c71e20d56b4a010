import { describe, expect, it } from 'vitest';
import { ChunkUploader, type ChunkSink, type UploadProgress } from './chunkUploader';
import { RecordingApiError, type RecordingView } from './recordingApi';

class FakeSink implements ChunkSink {
  readonly puts: number[] = [];
  readonly stored = new Map<number, string>();
  failures: RecordingApiError[] = [];
  completed: number | null = null;

  async putChunk(_rid: string, n: number, chunk: Blob): Promise<unknown> {
    this.puts.push(n);
    const f = this.failures.shift();
    if (f) throw f;
    this.stored.set(n, await chunk.text());
    return {};
  }

  async complete(recordingId: string, chunks: number): Promise<RecordingView> {
    this.completed = chunks;
    return { recordingId, roomId: 'r', startedAt: '', state: 'ready', chunks, url: '' };
  }
}

const noWait = () => Promise.resolve();

describe('ChunkUploader', () => {
  it('uploads chunks in order as they come, skips empty ones, and completes with their count', async () => {
    const sink = new FakeSink();
    const up = new ChunkUploader(sink, 'rec', { delay: noWait });
    up.push(new Blob(['a']));
    up.push(new Blob([]));
    up.push(new Blob(['b']));
    up.push(new Blob(['c']));
    const ready = await up.finish();
    expect(sink.puts).toEqual([0, 1, 2]);
    expect([...sink.stored.values()]).toEqual(['a', 'b', 'c']);
    expect(ready.chunks).toBe(3);
    expect(up.stored).toBe(3);
  });

  it('retries a chunk while the failure may pass (network, 5xx), with growing delays', async () => {
    const sink = new FakeSink();
    sink.failures = [new RecordingApiError(0, 'offline'), new RecordingApiError(503, 'busy')];
    const delays: number[] = [];
    const up = new ChunkUploader(sink, 'rec', { delay: async (ms) => void delays.push(ms) });
    up.push(new Blob(['a']));
    await up.finish();
    expect(sink.puts).toEqual([0, 0, 0]);
    expect(delays).toEqual([250, 500]);
    expect(sink.completed).toBe(1);
  });

  it('gives up on a refusal that will not change (4xx) and never completes', async () => {
    const sink = new FakeSink();
    sink.failures = [new RecordingApiError(413, 'too large')];
    const up = new ChunkUploader(sink, 'rec', { delay: noWait });
    up.push(new Blob(['a']));
    up.push(new Blob(['b']));
    await expect(up.finish()).rejects.toThrow('too large');
    expect(sink.puts).toEqual([0]);
    expect(sink.completed).toBeNull();
  });

  it('keeps retrying while the session lasts, saying so as it happens, and gives up once it ended', async () => {
    const sink = new FakeSink();
    sink.failures = Array.from({ length: 50 }, () => new RecordingApiError(0, 'offline'));
    const progress: UploadProgress[] = [];
    const failures: Error[] = [];
    let up: ChunkUploader;
    let retries = 0;
    up = new ChunkUploader(sink, 'rec', {
      delay: async () => {
        // The session ends after the 20th retry (an agent who ended it while offline).
        if (++retries === 20) up.close();
      },
      onProgress: (p) => progress.push(p),
      onFailure: (e) => failures.push(e),
    });
    up.push(new Blob(['a']));
    await expect(up.finish()).rejects.toThrow('The session ended before every part was uploaded.');
    expect(sink.puts).toHaveLength(21);
    expect(progress[0]).toEqual({ stored: 0, waiting: 1, retrying: null });
    expect(progress[1]).toEqual({ stored: 0, waiting: 1, retrying: 'offline' });
    expect(progress.at(-1)).toEqual({ stored: 0, waiting: 1, retrying: null });
    expect(failures.map((f) => f.message)).toEqual(['The session ended before every part was uploaded.']);
  });

  it('reports a refusal at once, not at Stop', async () => {
    const sink = new FakeSink();
    sink.failures = [new RecordingApiError(413, 'too large')];
    const failures: Error[] = [];
    const up = new ChunkUploader(sink, 'rec', { delay: noWait, onFailure: (e) => failures.push(e) });
    up.push(new Blob(['a']));
    await expect(up.finish()).rejects.toThrow('too large');
    expect(failures.map((f) => f.message)).toEqual(['too large']);
  });

  it('refuses to complete a recording without chunks', async () => {
    await expect(new ChunkUploader(new FakeSink(), 'rec', { delay: noWait }).finish()).rejects.toThrow('Nothing was recorded.');
  });
});
