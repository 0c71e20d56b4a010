import { describe, expect, it } from 'vitest';
import {
  AGENT_UNKNOWN, type AgentSignal, type AgentView, agentPhase, agentPresence, endedText, endReasonOf, reduceAgent,
  shareStatus,
} from './agentView';

const run = (...signals: AgentSignal[]) => signals.reduce(reduceAgent, AGENT_UNKNOWN);
const agent = { id: 'a1', role: 'agent' };
const here = () => run({ type: 'socket', state: 'connected' }, { type: 'peers', peers: [agent] });

/** Every sentence the page shows at once: the presence line and, while sharing, the share line. */
const sentences = (s: AgentView) => [agentPresence(s).text, ...(s.sharing ? [shareStatus(s).text] : [])];

describe('the agent as the customer sees them', () => {
  it('is here from welcome, and "connected" only once media to the agent is up', () => {
    expect(agentPresence(here()).text).toBe('Your agent is here');
    const sharing = reduceAgent(here(), { type: 'sharing', on: true });
    expect(shareStatus(sharing).state).toBe('connecting');
    const seeing = reduceAgent(sharing, { type: 'ice', state: 'connected' });
    expect(shareStatus(seeing)).toEqual({ state: 'connected', text: 'Connected: your agent sees what you share' });
    expect(shareStatus(reduceAgent(seeing, { type: 'ice', state: 'disconnected' })).state).toBe('reconnecting');
  });

  it('never shows the same sentence twice (each line is a live region a screen reader reads)', () => {
    const states = [
      here(),
      run({ type: 'socket', state: 'connected' }, { type: 'peers', peers: [] }, { type: 'sharing', on: true }),
      reduceAgent(here(), { type: 'sharing', on: true }),
      run({ type: 'socket', state: 'connected' }, { type: 'peers', peers: [agent] }, { type: 'sharing', on: true },
        { type: 'ice', state: 'connected' }),
      run({ type: 'socket', state: 'connected' }, { type: 'peers', peers: [agent] }, { type: 'sharing', on: true },
        { type: 'away', id: 'a1' }),
      run({ type: 'socket', state: 'connected' }, { type: 'peers', peers: [agent] }, { type: 'sharing', on: true },
        { type: 'left', id: 'a1', reason: 'lost' }),
      run({ type: 'socket', state: 'connected' }, { type: 'peers', peers: [agent] }, { type: 'sharing', on: true },
        { type: 'socket', state: 'reconnecting' }),
    ];
    for (const s of states) expect(new Set(sentences(s)).size).toBe(sentences(s).length);
  });

  it('tells at once that the agent\'s connection dropped, and that they are back', () => {
    const away = reduceAgent(here(), { type: 'away', id: 'a1' });
    expect(agentPhase(away)).toBe('away');
    expect(agentPresence(away).text).toBe('Your agent\'s connection dropped; waiting for them to come back…');
    expect(shareStatus(reduceAgent(away, { type: 'sharing', on: true })).text).toBe('Nobody sees your screen right now');
    expect(reduceAgent(here(), { type: 'away', id: 'someone-else' })).toEqual(here());
    expect(agentPresence(reduceAgent(away, { type: 'joined', peer: agent })).text).toBe('Your agent is here');
    const lost = reduceAgent(away, { type: 'left', id: 'a1', reason: 'lost' });
    expect(agentPhase(lost)).toBe('left');
    expect(agentPresence(lost).text).toMatch(/connection was lost and they did not come back/);
  });

  it('says when the agent left or was lost, and when they are back', () => {
    const lost = reduceAgent(here(), { type: 'left', id: 'a1', reason: 'lost' });
    expect(agentPresence(lost).text).toMatch(/connection was lost/);
    expect(agentPresence(reduceAgent(here(), { type: 'left', id: 'a1', reason: 'left' })).text)
      .toBe('Your agent left the session');
    expect(reduceAgent(here(), { type: 'left', id: 'someone-else', reason: 'left' })).toEqual(here());
    expect(agentPhase(reduceAgent(lost, { type: 'joined', peer: agent }))).toBe('here');
  });

  it('waits for an agent who is not there, and ends for good when the socket closes', () => {
    expect(agentPresence(run({ type: 'socket', state: 'connected' }, { type: 'peers', peers: [] })).text)
      .toBe('Waiting for your agent…');
    const ended = run({ type: 'socket', state: 'connected' }, { type: 'socket', state: 'closed' });
    expect(agentPhase(reduceAgent(ended, { type: 'socket', state: 'connected' }))).toBe('ended');
    expect(agentPresence(run({ type: 'socket', state: 'reconnecting' })).state).toBe('reconnecting');
  });
});

describe('why the session ended, in words', () => {
  const closed = (code: number, reason: string) =>
    run({ type: 'socket', state: 'connected' }, { type: 'socket', state: 'closed', close: { code, reason } });

  it('reads the reason signaling gives with its close', () => {
    expect(closed(4000, 'room ended: agent').endReason).toBe('agent');
    expect(closed(4000, 'room ended: expired').endReason).toBe('expired');
    expect(closed(4000, 'room ended').endReason).toBe('unknown');
    expect(closed(4003, 'removed').endReason).toBe('removed');
    expect(closed(4002, 'replaced by a newer connection').endReason).toBe('elsewhere');
    expect(closed(4001, 'token expired').endReason).toBe('access');
    expect(endReasonOf(undefined)).toBe('unknown');
  });

  it('keeps the first reason: the customer\'s own leave is not overwritten by the close that follows it', () => {
    const left = run({ type: 'socket', state: 'connected' }, { type: 'leave' }, { type: 'socket', state: 'closed' });
    expect(left.endReason).toBe('left');
    expect(endedText('left')).toBe('You left the session.');
  });

  it('words every reason for a person, each differently', () => {
    const reasons = ['agent', 'expired', 'removed', 'elsewhere', 'access', 'left', 'unknown'] as const;
    const texts = reasons.map(endedText);
    expect(new Set(texts).size).toBe(reasons.length);
    expect(endedText('agent')).toBe('Your agent ended the session.');
    expect(endedText('expired')).toMatch(/expired/);
  });
});
