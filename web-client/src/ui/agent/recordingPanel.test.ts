import { describe, expect, it } from 'vitest';
import { recordingLook, uploadWords } from './recordingPanel';

describe('the Recording card', () => {
  it('offers Record only with a customer video, and says why not without one', () => {
    expect(recordingLook({ phase: 'idle' }, false, 0)).toEqual({ askHidden: false, ask: 'Record…', badge: null,
      status: 'You can record once the customer shares their screen.' });
    expect(recordingLook({ phase: 'idle' }, true, 0).status)
      .toBe('The customer is asked first; recording starts once they agree.');
  });

  it('says what happened last (declined, failed) until the next ask', () => {
    expect(recordingLook({ phase: 'idle', note: 'The customer declined.' }, true, 0).status).toBe('The customer declined.');
  });

  it('lets the agent ask again while waiting for the answer, and hides the ask once it is answered', () => {
    expect(recordingLook({ phase: 'asking', requestId: 'r' }, true, 0)).toMatchObject({ askHidden: false,
      ask: 'Ask again', badge: null });
    expect(recordingLook({ phase: 'starting', requestId: 'r' }, true, 0).askHidden).toBe(true);
    expect(recordingLook({ phase: 'saving', recordingId: 'x' }, true, 0)).toMatchObject({ askHidden: true, badge: null });
  });

  it('shows the red sign with the time recorded only while recording', () => {
    const look = recordingLook({ phase: 'recording', recordingId: 'x', since: 1_000 }, true, 66_000);
    expect(look.badge).toBe('Recording 1:05');
    expect(look.askHidden).toBe(true);
  });

  it('says where the uploads stand, and trouble as it happens', () => {
    expect(uploadWords({ stored: 1, waiting: 1, retrying: null })).toBe('Saved so far: 1 part.');
    expect(uploadWords({ stored: 3, waiting: 2, retrying: null })).toBe('Saved so far: 3 parts, 2 parts waiting.');
    expect(uploadWords({ stored: 3, waiting: 2, retrying: 'network' }))
      .toBe('Upload trouble: 2 parts waiting, retrying until the connection is back. Keep this tab open.');
  });
});
