import { describe, expect, it } from 'vitest';
import type { ClientMessage } from '../generated/annotation';
import { AgentRecording } from './agentRecording';
import type { RecordingFlow } from './flow';
import type { UploadProgress } from './chunkUploader';
import { RecordingApiError, type RecordingView } from './recordingApi';

/** A room whose events the test emits, a REST fake, and a recorder that hands over chunks on demand. */
function setup(refuse: number | null = null) {
  const uploads: (UploadProgress | null)[] = [];
  const handlers = new Map<string, ((e: never, env: never) => void)[]>();
  const sent: ClientMessage[] = [];
  const flows: RecordingFlow[] = [];
  const ready: RecordingView[] = [];
  const puts: number[] = [];
  const completed: { chunks: number; keepalive: boolean }[] = [];
  let onChunk: (b: Blob) => void = () => undefined;
  let stopped = 0;
  let compositeStopped = 0;
  const rec = new AgentRecording({
    room: { on: ((type: string, h: (e: never, env: never) => void) => handlers.set(type, [...(handlers.get(type) ?? []), h])) as never },
    send: (m) => (sent.push(m), true),
    api: {
      create: async () => ({ recordingId: 'rec1', roomId: 'r', startedAt: '', state: 'recording', url: '/x' }),
      putChunk: async (_r, n) => {
        if (n === refuse) throw new RecordingApiError(413, 'This is too large to save.');
        puts.push(n);
      },
      complete: async (recordingId, chunks, keepalive) => {
        completed.push({ chunks, keepalive: Boolean(keepalive) });
        return { recordingId, roomId: 'r', startedAt: '', state: 'ready', chunks, url: '/x' };
      },
    },
    composite: () => ({ stream: {} as MediaStream, stop: () => void compositeStopped++ }),
    record: (_s, c) => {
      onChunk = c;
      return { mimeType: 'video/webm', stop: async () => { stopped++; onChunk(new Blob(['last'])); } };
    },
    newId: () => 'ask1',
    now: () => 42,
    delay: async () => undefined,
    onFlow: (f) => flows.push(f),
    onReady: (r) => ready.push(r),
    onUpload: (p) => uploads.push(p),
  });
  const emit = (type: string, e: unknown) => handlers.get(type)?.forEach((h) => h(e as never, {} as never));
  const settle = () => new Promise((r) => setTimeout(r, 0));
  return { rec, sent, flows, ready, puts, completed, emit, settle, uploads, chunk: (s: string) => onChunk(new Blob([s])),
    stats: () => ({ stopped, compositeStopped }) };
}

describe('AgentRecording', () => {
  it('asks, records after consent with chunks uploaded as they come, and completes on stop', async () => {
    const t = setup();
    t.rec.ask();
    expect(t.sent).toEqual([{ type: 'recording.request', requestId: 'ask1' }]);
    t.emit('recording.consent', { type: 'recording.consent', requestId: 'ask1', granted: true });
    await t.settle();
    expect(t.rec.state).toEqual({ phase: 'recording', recordingId: 'rec1', since: 42 });
    expect(t.sent[1]).toEqual({ type: 'recording', on: true, recordingId: 'rec1' });
    t.chunk('a');
    t.chunk('b');
    await t.settle();
    expect(t.puts).toEqual([0, 1]);
    await t.rec.stop();
    expect(t.sent[2]).toEqual({ type: 'recording', on: false });
    expect(t.puts).toEqual([0, 1, 2]);
    expect(t.ready.map((r) => r.chunks)).toEqual([3]);
    expect(t.rec.state).toEqual({ phase: 'idle' });
    expect(t.stats()).toEqual({ stopped: 1, compositeStopped: 1 });
  });

  it('says how the uploads stand as they go, and stops at once when a part is refused for good', async () => {
    const t = setup(1);
    t.rec.ask();
    t.emit('recording.consent', { type: 'recording.consent', requestId: 'ask1', granted: true });
    await t.settle();
    t.chunk('a');
    await t.settle();
    expect(t.uploads.at(-1)).toEqual({ stored: 1, waiting: 0, retrying: null });
    t.chunk('b');
    await t.settle();
    expect(t.rec.state).toEqual({ phase: 'idle',
      note: 'The recording stopped: a part could not be saved. This is too large to save.' });
    expect(t.sent.at(-1)).toEqual({ type: 'recording', on: false });
    expect(t.stats()).toEqual({ stopped: 1, compositeStopped: 1 });
    expect(t.uploads.at(-1)).toBeNull();
  });

  it('starts nothing when the customer declines', async () => {
    const t = setup();
    t.rec.ask();
    t.emit('recording.consent', { type: 'recording.consent', requestId: 'ask1', granted: false });
    await t.settle();
    expect(t.sent).toHaveLength(1);
    expect(t.rec.state).toEqual({ phase: 'idle', note: 'The customer declined the recording.' });
  });

  it('completes with the chunks already stored when the page goes away while recording', async () => {
    const t = setup();
    t.rec.ask();
    t.emit('recording.consent', { type: 'recording.consent', requestId: 'ask1', granted: true });
    await t.settle();
    t.chunk('a');
    t.chunk('b');
    await t.settle();
    t.rec.abandon();
    expect(t.sent.at(-1)).toEqual({ type: 'recording', on: false });
    expect(t.completed).toEqual([{ chunks: 2, keepalive: true }]);
    t.rec.abandon();
    expect(t.completed).toHaveLength(1);
  });

  it('tells the room that its own recording, running nowhere, stopped (the page that recorded is gone)', async () => {
    const t = setup();
    expect(t.rec.orphaned({ authorId: 'me', recordingId: 'old' }, 'me')).toBe(true);
    expect(t.sent).toEqual([{ type: 'recording', on: false, recordingId: 'old' }]);
    // Somebody else's recording, or none: not this page's to stop.
    expect(t.rec.orphaned({ authorId: 'other', recordingId: 'theirs' }, 'me')).toBe(false);
    expect(t.rec.orphaned(undefined, 'me')).toBe(false);
    expect(t.sent).toHaveLength(1);

    // Its own recording, running here: the room's state says so on every rejoin, and nothing is stopped.
    t.rec.ask();
    t.emit('recording.consent', { type: 'recording.consent', requestId: 'ask1', granted: true });
    await t.settle();
    expect(t.rec.state.phase).toBe('recording');
    const before = t.sent.length;
    expect(t.rec.orphaned({ authorId: 'me', recordingId: 'rec1' }, 'me')).toBe(false);
    expect(t.sent).toHaveLength(before);
  });
});
