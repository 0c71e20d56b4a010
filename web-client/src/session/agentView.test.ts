import { describe, expect, it } from 'vitest';
import { AGENT_UNKNOWN, type AgentSignal, agentStatus, reduceAgent } from './agentView';

const run = (...signals: AgentSignal[]) => signals.reduce(reduceAgent, AGENT_UNKNOWN);
const agent = { id: 'a1', role: 'agent' };

describe('the agent as the customer sees them', () => {
  it('is here from welcome, and "connected" only once media to the agent is up', () => {
    const here = run({ type: 'socket', state: 'connected' }, { type: 'peers', peers: [agent] });
    expect(agentStatus(here).text).toBe('Your agent is here');
    const sharing = reduceAgent(here, { type: 'sharing', on: true });
    expect(agentStatus(sharing).state).toBe('connecting');
    const seeing = reduceAgent(sharing, { type: 'ice', state: 'connected' });
    expect(agentStatus(seeing)).toEqual({ state: 'connected', text: 'Connected: your agent sees what you share' });
    expect(reduceAgent(seeing, { type: 'ice', state: 'disconnected' }).phase).toBe('reconnecting');
  });

  it('says when the agent left or was lost, and when they are back', () => {
    const here = run({ type: 'socket', state: 'connected' }, { type: 'peers', peers: [agent] });
    const lost = reduceAgent(here, { type: 'left', id: 'a1', reason: 'lost' });
    expect(agentStatus(lost).text).toMatch(/connection was lost/);
    expect(agentStatus(reduceAgent(here, { type: 'left', id: 'a1', reason: 'left' })).text).toBe('Your agent left the session');
    expect(reduceAgent(here, { type: 'left', id: 'someone-else', reason: 'left' })).toBe(here);
    expect(reduceAgent(lost, { type: 'joined', peer: agent }).phase).toBe('here');
  });

  it('waits for an agent who is not there, and ends for good when the socket closes', () => {
    expect(agentStatus(run({ type: 'socket', state: 'connected' }, { type: 'peers', peers: [] })).text)
      .toBe('Waiting for your agent…');
    const ended = run({ type: 'socket', state: 'connected' }, { type: 'socket', state: 'closed' });
    expect(reduceAgent(ended, { type: 'socket', state: 'connected' }).phase).toBe('ended');
    expect(agentStatus(run({ type: 'socket', state: 'reconnecting' })).state).toBe('reconnecting');
  });
});
