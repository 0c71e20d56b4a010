/**
 * What the agent is told about the customer, over the video, in words — only from what the protocol says:
 * signaling presence (welcome / peer-joined / peer-left), the room's pause flag (annotation state and events) and
 * the media itself (a frame arriving, the video track muting, ICE dropping). Never guessed from timers.
 *
 *   none → joining → sharing ⇄ paused → stopped → (joining again after a re-share or reload) … → gone
 *                       └─ reconnecting (ICE lost, or their socket dropped: peer-away) ─┘
 */

export type CustomerPhase = 'none' | 'joining' | 'back' | 'sharing' | 'paused' | 'stopped' | 'reconnecting' | 'gone';

export interface CustomerView {
  phase: CustomerPhase;
  /** The room's pause flag, kept even while no frame arrives (a share restarted paused). */
  paused: boolean;
  /** Why the customer is gone: `left` (said bye) or `lost` (did not come back within the grace period). */
  goneReason?: 'left' | 'lost';
}

export type CustomerSignal =
  | { type: 'present'; resumed: boolean }
  | { type: 'left'; reason: string }
  /** The customer's signaling socket dropped (peer-away): held for the resume grace period. */
  | { type: 'away' }
  | { type: 'frames' }
  | { type: 'paused'; on: boolean }
  | { type: 'media-muted' }
  | { type: 'ice'; state: RTCIceConnectionState }
  | { type: 'reset' };

export const NO_CUSTOMER: CustomerView = { phase: 'none', paused: false };

const LIVE: readonly CustomerPhase[] = ['sharing', 'paused'];

export function reduceCustomer(s: CustomerView, e: CustomerSignal): CustomerView {
  switch (e.type) {
    case 'reset':
      return NO_CUSTOMER;
    case 'present':
      // Back after a reload (same participant): they must click Share again; a first arrival is joining.
      if (LIVE.includes(s.phase) && !e.resumed) return s;
      return { ...s, phase: e.resumed || s.phase !== 'none' ? 'back' : 'joining', goneReason: undefined };
    case 'left':
      return { ...s, phase: 'gone', goneReason: e.reason === 'left' ? 'left' : 'lost' };
    case 'away':
      return s.phase === 'none' || s.phase === 'gone' ? s : { ...s, phase: 'reconnecting' };
    case 'frames':
      return s.phase === 'gone' ? s : { ...s, phase: s.paused ? 'paused' : 'sharing' };
    case 'paused':
      return { ...s, paused: e.on, phase: LIVE.includes(s.phase) ? (e.on ? 'paused' : 'sharing') : s.phase };
    case 'media-muted':
      return LIVE.includes(s.phase) || s.phase === 'reconnecting' ? { ...s, phase: 'stopped' } : s;
    case 'ice':
      if ((e.state === 'disconnected' || e.state === 'failed') && LIVE.includes(s.phase)) {
        return { ...s, phase: 'reconnecting' };
      }
      return s;
  }
}

/** The words over the agent's video; empty when the video speaks for itself. */
export function customerLabel(s: CustomerView): string {
  switch (s.phase) {
    case 'none': return 'Waiting for the customer to join';
    case 'joining': return 'The customer joined and is getting ready to share their screen';
    case 'back': return 'The customer is back; waiting for them to share their screen again';
    case 'sharing': return '';
    case 'paused': return 'The customer paused sharing';
    case 'stopped': return 'The customer stopped sharing';
    case 'reconnecting': return 'The customer\'s connection dropped; reconnecting…';
    case 'gone': return s.goneReason === 'left' ? 'The customer left the session'
      : 'The customer\'s connection was lost and they did not come back';
  }
}
