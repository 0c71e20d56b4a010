import { describe, expect, it } from 'vitest';
import { CloseCodes, ROOM_ENDED_REASON_PREFIX } from '../signaling/closeCodes';
import {
  OBSERVER_START, observerAgentText, observerCustomerText, observerEnded, observerEndedText, type ObserverSignal,
  reduceObserver,
} from './observerView';

const run = (...signals: ObserverSignal[]) => signals.reduce(reduceObserver, OBSERVER_START);
const agent = { id: 'a1', role: 'agent' };
const connected: ObserverSignal = { type: 'agent', signal: { type: 'socket', state: 'connected' } };
const withAgent: ObserverSignal = { type: 'agent', signal: { type: 'peers', peers: [agent] } };
const customer = (signal: Extract<ObserverSignal, { type: 'customer' }>['signal']): ObserverSignal =>
  ({ type: 'customer', signal });
const closed = (code: number, reason = ''): ObserverSignal =>
  ({ type: 'agent', signal: { type: 'socket', state: 'closed', close: { code, reason } } });

describe('what the observer is told', () => {
  it('follows the customer\'s share as the agent reads it, with words for a running share', () => {
    expect(observerCustomerText(run(connected, withAgent))).toBe('Waiting for the customer to join');
    const sharing = run(connected, withAgent, customer({ type: 'present', resumed: false }), customer({ type: 'frames' }));
    expect(observerCustomerText(sharing)).toBe('The customer is sharing their screen');
    expect(observerCustomerText(reduceObserver(sharing, customer({ type: 'paused', on: true }))))
      .toBe('The customer paused sharing');
  });

  it('says where the agent is: here, connection dropped, left', () => {
    expect(observerAgentText(run(connected, withAgent))).toBe('The agent is here');
    expect(observerAgentText(run(connected, withAgent, { type: 'agent', signal: { type: 'away', id: 'a1' } })))
      .toBe('The agent\'s connection dropped; waiting for them to come back…');
    expect(observerAgentText(run(connected, withAgent, { type: 'agent', signal: { type: 'joined', peer: agent } })))
      .toBe('The agent is here');
    expect(observerAgentText(run(connected, withAgent,
      { type: 'agent', signal: { type: 'left', id: 'a1', reason: 'left' } }))).toBe('The agent left the session');
  });

  it('ends with the reason of the close, and nothing changes afterwards', () => {
    const sharing = run(connected, withAgent, customer({ type: 'present', resumed: false }), customer({ type: 'frames' }));
    const expired = reduceObserver(sharing, closed(CloseCodes.ROOM_ENDED, `${ROOM_ENDED_REASON_PREFIX}expired`));
    expect(observerEnded(expired)).toBe('expired');
    expect(observerCustomerText(expired)).toBe('');
    expect(observerAgentText(expired)).toBe('');
    expect(reduceObserver(expired, customer({ type: 'frames' }))).toBe(expired);
    expect(observerEnded(reduceObserver(sharing, closed(CloseCodes.ROOM_ENDED, `${ROOM_ENDED_REASON_PREFIX}agent`))))
      .toBe('agent');
    expect(observerEnded(reduceObserver(sharing, closed(CloseCodes.REMOVED)))).toBe('removed');
    expect(observerEnded(sharing)).toBeNull();
  });

  it('explains every end in words for the observer', () => {
    expect(observerEndedText('agent')).toBe('The agent ended the session.');
    expect(observerEndedText('removed')).toMatch(/removed you/);
    expect(observerEndedText('expired')).toMatch(/^The session expired/);
  });
});
