/**
 * What the customer is told about their agent, from protocol events only: signaling presence (the agent in
 * welcome, peer-joined, peer-away, peer-left), this page's own socket (and how it closed), and — while sharing —
 * the media path to the agent (ICE state of the connection to them).
 *
 * Two sentences, never the same one twice (each is its own live region on the page): the agent's presence
 * ({@link agentPresence}: here, connection dropped, left; shown whether or not the customer shares) and what
 * happens to the share ({@link shareStatus}: "your agent sees what you share" only once ICE is connected).
 *
 *   connecting → waiting → here ⇄ away (the agent's socket dropped; held for the resume grace) → left
 *   any → ended (this page's socket closed for good; endReason says why)
 */
import { CloseCodes, ROOM_ENDED_REASON_PREFIX } from '../signaling/closeCodes';
import type { SocketClose, SocketState } from '../signaling/socket';
import { t } from '../i18n';

/** Why the session ended for this page, in the words it picks for the person. */
export type EndReason = 'agent' | 'expired' | 'removed' | 'elsewhere' | 'access' | 'left' | 'unknown';

export type AgentPhase = 'connecting' | 'waiting' | 'here' | 'away' | 'left' | 'reconnecting' | 'ended';

export interface AgentView {
  /** This page's signaling socket. */
  socket: SocketState;
  agentId: string | null;
  /** The agent's socket dropped (peer-away); cleared when they come back (peer-joined) or leave. */
  away: boolean;
  /** How the last agent went, once gone for good: said bye, or not back within the grace period. */
  leftReason: 'left' | 'lost' | null;
  sharing: boolean;
  /** ICE of the connection to the agent (null while not sharing). */
  ice: RTCIceConnectionState | null;
  /** Set once, when this page's socket closed for good. */
  endReason: EndReason | null;
}

export type AgentSignal =
  | { type: 'socket'; state: SocketState; close?: SocketClose }
  | { type: 'peers'; peers: readonly { id: string; role: string }[] }
  | { type: 'joined'; peer: { id: string; role: string } }
  | { type: 'away'; id: string }
  | { type: 'left'; id: string; reason: string }
  | { type: 'sharing'; on: boolean }
  | { type: 'ice'; state: RTCIceConnectionState }
  /** The customer chose to leave (this page says bye next). */
  | { type: 'leave' };

export const AGENT_UNKNOWN: AgentView = {
  socket: 'connecting', agentId: null, away: false, leftReason: null, sharing: false, ice: null, endReason: null,
};

/** Why a final close ended the session: the close code, and for a room end the reason signaling gives after it. */
export function endReasonOf(close: SocketClose | undefined): EndReason {
  if (!close) return 'unknown';
  switch (close.code) {
    case CloseCodes.ROOM_ENDED: {
      const reason = close.reason.startsWith(ROOM_ENDED_REASON_PREFIX)
        ? close.reason.slice(ROOM_ENDED_REASON_PREFIX.length) : '';
      return reason === 'agent' || reason === 'expired' ? reason : 'unknown';
    }
    case CloseCodes.REMOVED: return 'removed';
    case CloseCodes.REPLACED: return 'elsewhere';
    case CloseCodes.UNAUTHORIZED: return 'access';
    default: return 'unknown';
  }
}

export function reduceAgent(s: AgentView, e: AgentSignal): AgentView {
  if (s.endReason) return s;
  switch (e.type) {
    case 'socket':
      if (e.state === 'closed') return { ...s, socket: 'closed', endReason: endReasonOf(e.close) };
      return { ...s, socket: e.state };
    case 'peers': {
      const agent = e.peers.find((p) => p.role === 'agent');
      return agent ? { ...s, agentId: agent.id, away: false, leftReason: null } : { ...s, agentId: null, away: false };
    }
    case 'joined':
      return e.peer.role === 'agent' ? { ...s, agentId: e.peer.id, away: false, leftReason: null } : s;
    case 'away':
      return e.id === s.agentId ? { ...s, away: true } : s;
    case 'left':
      return e.id === s.agentId
        ? { ...s, agentId: null, away: false, leftReason: e.reason === 'left' ? 'left' : 'lost' } : s;
    case 'sharing':
      return { ...s, sharing: e.on, ice: e.on ? s.ice : null };
    case 'ice':
      return { ...s, ice: e.state };
    case 'leave':
      return { ...s, socket: 'closed', endReason: 'left' };
  }
}

export function agentPhase(s: AgentView): AgentPhase {
  if (s.endReason) return 'ended';
  if (s.socket === 'connecting') return 'connecting';
  if (s.socket === 'reconnecting') return 'reconnecting';
  if (s.agentId) return s.away ? 'away' : 'here';
  return s.leftReason ? 'left' : 'waiting';
}

export type StatusTone = 'connected' | 'connecting' | 'reconnecting' | 'offline';

/** The agent's presence in words (the "Who can see your screen" card). */
export function agentPresence(s: AgentView): { state: StatusTone; text: string } {
  switch (agentPhase(s)) {
    case 'connecting': return { state: 'connecting', text: t('agentState.connecting') };
    case 'reconnecting': return { state: 'reconnecting', text: t('agentState.reconnecting') };
    case 'waiting': return { state: 'connecting', text: t('agentState.waiting') };
    case 'here': return { state: 'connected', text: t('agentState.here') };
    case 'away': return { state: 'reconnecting', text: t('agentState.away') };
    case 'left': return { state: 'offline', text: s.leftReason === 'left' ? t('agentState.left') : t('agentState.lost') };
    case 'ended': return { state: 'offline', text: t('agentState.ended') };
  }
}

/**
 * What happens to the share, in words (next to "What your agent sees"): "sees what you share" only once the media
 * path to the agent is up. Different words from {@link agentPresence} in every state, so nobody hears a sentence twice.
 */
export function shareStatus(s: AgentView): { state: StatusTone; text: string } {
  const phase = agentPhase(s);
  if (phase === 'ended') return { state: 'offline', text: t('shareState.ended') };
  if (phase === 'away' || phase === 'left' || phase === 'waiting' || !s.agentId) {
    return { state: 'offline', text: t('shareState.nobody') };
  }
  if (s.ice === 'connected' || s.ice === 'completed') {
    return { state: 'connected', text: t('shareState.connected') };
  }
  if (s.ice === 'disconnected' || s.ice === 'failed') {
    return { state: 'reconnecting', text: t('shareState.reconnecting') };
  }
  return { state: 'connecting', text: t('shareState.sending') };
}

/** The ended panel's explanation, for the person who reads it. */
export function endedText(reason: EndReason): string {
  switch (reason) {
    case 'agent': return t('ended.agent');
    case 'expired': return t('ended.expired');
    case 'removed': return t('ended.removed');
    case 'elsewhere': return t('ended.elsewhere');
    case 'access': return t('ended.access');
    case 'left': return t('ended.left');
    case 'unknown': return t('ended.unknown');
  }
}
