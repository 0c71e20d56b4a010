import { describe, expect, it } from 'vitest';
import { elapsed, IDLE, reduceRecording, type RecordingAction, type RecordingFlow } from './flow';

const run = (actions: RecordingAction[], from: RecordingFlow = IDLE) => actions.reduce(reduceRecording, from);

describe('reduceRecording', () => {
  it('records only after the customer consents to this very request, then saves', () => {
    const s = run([{ type: 'ask', requestId: 'a' }, { type: 'consent', requestId: 'a', granted: true },
      { type: 'started', recordingId: 'r1', at: 1000 }]);
    expect(s).toEqual({ phase: 'recording', recordingId: 'r1', since: 1000 });
    const stopped = reduceRecording(s, { type: 'stop' });
    expect(stopped).toEqual({ phase: 'saving', recordingId: 'r1' });
    expect(reduceRecording(stopped, { type: 'saved' })).toEqual(IDLE);
  });

  it('a declined consent returns to idle with a note and starts nothing', () => {
    const s = run([{ type: 'ask', requestId: 'a' }, { type: 'consent', requestId: 'a', granted: false }]);
    expect(s).toEqual({ phase: 'idle', note: 'The customer declined the recording.' });
    expect(reduceRecording(s, { type: 'started', recordingId: 'r', at: 1 })).toBe(s);
  });

  it('ignores a consent to another (older) request and one that arrives without asking', () => {
    const asking = run([{ type: 'ask', requestId: 'a' }, { type: 'ask', requestId: 'b' }]);
    expect(reduceRecording(asking, { type: 'consent', requestId: 'a', granted: true })).toBe(asking);
    expect(reduceRecording(IDLE, { type: 'consent', requestId: 'b', granted: true })).toBe(IDLE);
  });

  it('cannot ask again while recording, and a stop outside recording changes nothing', () => {
    const rec: RecordingFlow = { phase: 'recording', recordingId: 'r', since: 0 };
    expect(reduceRecording(rec, { type: 'ask', requestId: 'x' })).toBe(rec);
    expect(reduceRecording(IDLE, { type: 'stop' })).toBe(IDLE);
  });

  it('a failure returns to idle with its message from any phase', () => {
    expect(reduceRecording({ phase: 'saving', recordingId: 'r' }, { type: 'failed', message: 'm' }))
      .toEqual({ phase: 'idle', note: 'm' });
  });
});

describe('elapsed', () => {
  it('formats m:ss and never goes negative', () => {
    expect(elapsed(0, 65_400)).toBe('1:05');
    expect(elapsed(5000, 0)).toBe('0:00');
  });
});
