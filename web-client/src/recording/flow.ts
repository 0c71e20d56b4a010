/**
 * The agent's side of a recording, as a pure state machine (the panel renders it, tests drive it):
 *
 * ```ts
 * RecordingFlow =
 *   | { phase: 'idle'; note?: string }               // note: why the last attempt ended (declined, failed)
 *   | { phase: 'asking'; requestId: string }         // recording.request sent, waiting for the customer
 *   | { phase: 'starting'; requestId: string }       // consent granted: creating the recording, starting MediaRecorder
 *   | { phase: 'recording'; recordingId: string; since: number }  // since: epoch ms
 *   | { phase: 'saving'; recordingId: string }       // stopped: last chunks uploading, then complete
 * ```
 *
 * Nothing records without the customer's consent to this very request: a consent naming another request (an
 * older one) changes nothing.
 */
import { t, formatDuration } from '../i18n';
export type RecordingFlow =
  | { phase: 'idle'; note?: string }
  | { phase: 'asking'; requestId: string }
  | { phase: 'starting'; requestId: string }
  | { phase: 'recording'; recordingId: string; since: number }
  | { phase: 'saving'; recordingId: string };

export type RecordingAction =
  | { type: 'ask'; requestId: string }
  | { type: 'consent'; requestId: string; granted: boolean }
  | { type: 'started'; recordingId: string; at: number }
  | { type: 'stop' }
  | { type: 'saved' }
  | { type: 'failed'; message: string };

export const IDLE: RecordingFlow = { phase: 'idle' };

export function reduceRecording(s: RecordingFlow, a: RecordingAction): RecordingFlow {
  switch (a.type) {
    case 'ask':
      return s.phase === 'idle' || s.phase === 'asking' ? { phase: 'asking', requestId: a.requestId } : s;
    case 'consent':
      if (s.phase !== 'asking' || s.requestId !== a.requestId) return s;
      return a.granted ? { phase: 'starting', requestId: a.requestId }
        : { phase: 'idle', note: t('recording.declined') };
    case 'started':
      return s.phase === 'starting' ? { phase: 'recording', recordingId: a.recordingId, since: a.at } : s;
    case 'stop':
      return s.phase === 'recording' ? { phase: 'saving', recordingId: s.recordingId } : s;
    case 'saved':
      return s.phase === 'saving' ? IDLE : s;
    case 'failed':
      return { phase: 'idle', note: a.message };
  }
}

/** "m:ss" of a running recording, for the indicator. */
export function elapsed(since: number, now: number): string {
  const s = Math.max(0, Math.floor((now - since) / 1000));
  return formatDuration(s * 1000);
}
