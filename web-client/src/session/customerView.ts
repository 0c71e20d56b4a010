/**
 * What the agent is told about the customer, over the video, in words — only from what the protocol says:
 * signaling presence (welcome / peer-joined / peer-away / peer-left), the customer's share phase as their page
 * reports it over signaling (`peer-share`: reading consent, choosing a screen, sharing, paused, stopped), and the
 * media itself (a frame arriving, the video track muting, ICE dropping). Never guessed from timers.
 *
 *   none → joining → consent → choosing → starting → sharing ⇄ paused → stopped → choosing … → gone
 *                 (back after a reload)      └─ reconnecting (ICE lost, or their socket dropped: peer-away) ─┘
 *
 * "sharing" needs both: the customer's page says it shares, and a frame really arrived. A customer page too old
 * to report a phase is followed as before: frames mean sharing, the room's pause flag (annotation state and
 * events) means paused, the video track muting means stopped.
 */

import type { PeerShare } from '../generated/signal';
import { t } from '../i18n';

/** Where the customer's page says it is in sharing (signaling `peer-share`). */
export type SharePhase = PeerShare['phase'];

export type CustomerPhase = 'none' | 'joining' | 'consent' | 'choosing' | 'starting' | 'back' | 'sharing' | 'paused'
  | 'stopped' | 'reconnecting' | 'gone';

export interface CustomerView {
  phase: CustomerPhase;
  /** The room's pause flag, kept even while no frame arrives (a share restarted paused). */
  paused: boolean;
  /** Why the customer is gone: `left` (said bye) or `lost` (did not come back within the grace period). */
  goneReason?: 'left' | 'lost';
  /** The phase the customer's page last reported; null: none (yet, or a page that does not report one). */
  reported: SharePhase | null;
  /** A frame arrived since the share (re)started. */
  framed: boolean;
  /** The customer came back (a reload or a new network) and has not chosen a screen since. */
  resumed: boolean;
}

export type CustomerSignal =
  | { type: 'present'; resumed: boolean }
  | { type: 'left'; reason: string }
  /** The customer's signaling socket dropped (peer-away): held for the resume grace period. */
  | { type: 'away' }
  | { type: 'share'; phase: SharePhase }
  | { type: 'frames' }
  | { type: 'paused'; on: boolean }
  | { type: 'media-muted' }
  | { type: 'ice'; state: RTCIceConnectionState }
  | { type: 'reset' };

export const NO_CUSTOMER: CustomerView = { phase: 'none', paused: false, reported: null, framed: false, resumed: false };

const LIVE: readonly CustomerPhase[] = ['sharing', 'paused'];
/** Phases in which the customer is known to be in the room: a repeated arrival (the agent's own reconnect) is no news. */
const IN_ROOM: readonly CustomerPhase[] = ['joining', 'consent', 'choosing', 'starting', 'back', 'sharing', 'paused',
  'stopped', 'reconnecting'];

/** The phase a running share shows: paused, or sharing once a frame has arrived. */
function running(s: CustomerView): CustomerPhase {
  if (s.paused) return 'paused';
  return s.framed ? 'sharing' : 'starting';
}

function reported(s: CustomerView, phase: SharePhase): CustomerView {
  const r = { ...s, reported: phase };
  switch (phase) {
    case 'consent':
      // Back after a reload, the consent step is one click ("Share screen again"): still "back".
      return { ...r, phase: s.resumed || s.phase === 'back' ? 'back' : 'consent' };
    case 'choosing':
      return { ...r, phase: 'choosing', framed: false, resumed: false };
    case 'sharing':
      return { ...r, paused: false, phase: running({ ...r, paused: false }) };
    case 'paused':
      return { ...r, paused: true, phase: 'paused' };
    case 'stopped':
      return { ...r, phase: 'stopped', framed: false, resumed: false };
  }
}

export function reduceCustomer(s: CustomerView, e: CustomerSignal): CustomerView {
  switch (e.type) {
    case 'reset':
      return NO_CUSTOMER;
    case 'present': {
      if (!e.resumed && IN_ROOM.includes(s.phase)) return s;
      if (!e.resumed) return { ...s, phase: s.phase === 'none' ? 'joining' : 'back', goneReason: undefined };
      // Back within the grace period: a share the page still runs goes on (a new network); a reloaded page
      // reports its consent step next, which reads as "back".
      const live = s.reported === 'sharing' || s.reported === 'paused';
      return { ...s, phase: live ? running(s) : 'back', resumed: true, goneReason: undefined };
    }
    case 'left':
      return { ...s, phase: 'gone', goneReason: e.reason === 'left' ? 'left' : 'lost' };
    case 'away':
      return s.phase === 'none' || s.phase === 'gone' ? s : { ...s, phase: 'reconnecting' };
    case 'share':
      return s.phase === 'gone' ? s : reported(s, e.phase);
    case 'frames': {
      if (s.phase === 'gone') return s;
      // A frame still in flight after the page said it stopped (or before it says it shares) is not a share.
      if (s.reported !== null && s.reported !== 'sharing' && s.reported !== 'paused') return { ...s, framed: true };
      return { ...s, framed: true, phase: s.paused ? 'paused' : 'sharing' };
    }
    case 'paused':
      // The durable pause (annotation-service) arrives well after the page's own report: it only decides the
      // phase for a page that reports none.
      if (s.reported !== null) return { ...s, paused: e.on };
      return { ...s, paused: e.on, phase: LIVE.includes(s.phase) ? (e.on ? 'paused' : 'sharing') : s.phase };
    case 'media-muted':
      // The page still says it shares: the picture stopped coming, not the share ("starting" until a frame).
      if (s.reported === 'sharing' && (LIVE.includes(s.phase) || s.phase === 'reconnecting')) {
        return { ...s, framed: false, phase: 'starting' };
      }
      if (s.reported !== null) return { ...s, framed: false };
      return LIVE.includes(s.phase) || s.phase === 'reconnecting' ? { ...s, phase: 'stopped' } : s;
    case 'ice':
      if ((e.state === 'disconnected' || e.state === 'failed') && (LIVE.includes(s.phase) || s.phase === 'starting')) {
        return { ...s, phase: 'reconnecting' };
      }
      return s;
  }
}

/**
 * Whether the page should wait for the next real frame before it believes "sharing": a new share, the picture
 * stopping, or the customer back after a reload. Not on `away`: a frame still in flight from the page that just
 * went would read as sharing (the reducer ignores frames while the page says it does not share).
 */
export function waitsForFrame(e: CustomerSignal): boolean {
  return e.type === 'media-muted' || e.type === 'share' || (e.type === 'present' && e.resumed);
}

/** The words over the agent's video; empty when the video speaks for itself. */
export function customerLabel(s: CustomerView): string {
  switch (s.phase) {
    case 'none': return t('customer.none');
    case 'joining': return t('customer.joining');
    case 'consent': return t('customer.consent');
    case 'choosing': return t('customer.choosing');
    case 'starting': return t('customer.starting');
    case 'back': return t('customer.back');
    case 'sharing': return '';
    case 'paused': return t('customer.paused');
    case 'stopped': return t('customer.stopped');
    case 'reconnecting': return t('customer.reconnecting');
    case 'gone': return s.goneReason === 'left' ? t('customer.left') : t('customer.lost');
  }
}
