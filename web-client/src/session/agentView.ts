/**
 * What the customer is told about their agent, from protocol events only: signaling presence (the agent in
 * welcome, peer-joined, peer-left), this page's own socket, and — while sharing — the media path to the agent
 * (ICE state of the connection to them). "Your agent sees your screen" only once ICE is connected.
 */
import type { SocketState } from '../signaling/socket';

export type AgentPhase = 'connecting' | 'waiting' | 'here' | 'seeing' | 'reconnecting' | 'left' | 'ended';

export interface AgentView {
  phase: AgentPhase;
  agentId: string | null;
  sharing: boolean;
  /** ICE of the connection to the agent (null while not sharing). */
  ice: RTCIceConnectionState | null;
  leftReason?: 'left' | 'lost';
}

export type AgentSignal =
  | { type: 'socket'; state: SocketState }
  | { type: 'peers'; peers: readonly { id: string; role: string }[] }
  | { type: 'joined'; peer: { id: string; role: string } }
  | { type: 'left'; id: string; reason: string }
  | { type: 'sharing'; on: boolean }
  | { type: 'ice'; state: RTCIceConnectionState };

export const AGENT_UNKNOWN: AgentView = { phase: 'connecting', agentId: null, sharing: false, ice: null };

function settle(s: AgentView): AgentView {
  if (s.phase === 'ended' || s.phase === 'left' || s.phase === 'connecting') return s;
  if (!s.agentId) return { ...s, phase: 'waiting' };
  if (s.sharing && (s.ice === 'disconnected' || s.ice === 'failed')) return { ...s, phase: 'reconnecting' };
  return { ...s, phase: s.sharing && (s.ice === 'connected' || s.ice === 'completed') ? 'seeing' : 'here' };
}

export function reduceAgent(s: AgentView, e: AgentSignal): AgentView {
  switch (e.type) {
    case 'socket':
      if (e.state === 'closed') return { ...s, phase: 'ended' };
      if (e.state === 'connected') return s.phase === 'ended' ? s : settle({ ...s, phase: 'here' });
      return s.phase === 'ended' ? s : { ...s, phase: e.state === 'reconnecting' ? 'reconnecting' : 'connecting' };
    case 'peers': {
      const agent = e.peers.find((p) => p.role === 'agent');
      if (!agent) return settle({ ...s, agentId: null, phase: s.phase === 'left' ? 'left' : s.phase });
      return settle({ ...s, agentId: agent.id, phase: s.phase === 'left' ? 'here' : s.phase, leftReason: undefined });
    }
    case 'joined':
      return e.peer.role === 'agent'
        ? settle({ ...s, agentId: e.peer.id, phase: s.phase === 'left' ? 'here' : s.phase, leftReason: undefined }) : s;
    case 'left':
      return e.id === s.agentId
        ? { ...s, agentId: null, phase: 'left', leftReason: e.reason === 'left' ? 'left' : 'lost' } : s;
    case 'sharing':
      return settle({ ...s, sharing: e.on, ice: e.on ? s.ice : null });
    case 'ice':
      return settle({ ...s, ice: e.state });
  }
}

/** The status line on the customer's page: state for styling, and the words. */
export function agentStatus(s: AgentView): { state: 'connected' | 'connecting' | 'reconnecting' | 'offline'; text: string } {
  switch (s.phase) {
    case 'connecting': return { state: 'connecting', text: 'Connecting to CoView…' };
    case 'waiting': return { state: 'connecting', text: 'Waiting for your agent…' };
    case 'here': return { state: 'connecting', text: s.sharing ? 'Your agent is here; connecting your screen to them…'
      : 'Your agent is here' };
    case 'seeing': return { state: 'connected', text: 'Connected: your agent sees what you share' };
    case 'reconnecting': return { state: 'reconnecting', text: s.agentId && s.sharing
      ? 'The connection to your agent dropped; reconnecting…' : 'Connection lost, reconnecting…' };
    case 'left': return { state: 'offline', text: s.leftReason === 'left' ? 'Your agent left the session'
      : 'Your agent\'s connection was lost; they can come back while the session lasts' };
    case 'ended': return { state: 'offline', text: 'The session has ended' };
  }
}
