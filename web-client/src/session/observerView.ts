/**
 * What an observer (a supervisor watching, view-only) is told, from protocol events only: the customer's share as
 * the agent reads it ({@link reduceCustomer}), the agent's presence and this page's own socket ({@link reduceAgent}:
 * here, connection dropped, left; ended with the reason signaling's close gives). Once ended nothing changes: the
 * page has let go of the room.
 */
import { agentPhase, AGENT_UNKNOWN, type AgentSignal, type AgentView, type EndReason, reduceAgent } from './agentView';
import { customerLabel, type CustomerSignal, type CustomerView, NO_CUSTOMER, reduceCustomer } from './customerView';

export interface ObserverView {
  agent: AgentView;
  customer: CustomerView;
}

export type ObserverSignal =
  | { type: 'agent'; signal: AgentSignal }
  | { type: 'customer'; signal: CustomerSignal };

export const OBSERVER_START: ObserverView = { agent: AGENT_UNKNOWN, customer: NO_CUSTOMER };

export function reduceObserver(s: ObserverView, e: ObserverSignal): ObserverView {
  if (s.agent.endReason) return s;
  if (e.type === 'customer') return { ...s, customer: reduceCustomer(s.customer, e.signal) };
  const agent = reduceAgent(s.agent, e.signal);
  // Ended: nothing of the customer's share is shown any more.
  return agent.endReason ? { agent, customer: NO_CUSTOMER } : { ...s, agent };
}

/** Why the session ended for this page, or null while it runs. */
export function observerEnded(s: ObserverView): EndReason | null {
  return s.agent.endReason;
}

/** The customer's share in words (the agent's words, with one for a share that is simply running). */
export function observerCustomerText(s: ObserverView): string {
  if (s.agent.endReason) return '';
  return customerLabel(s.customer) || 'The customer is sharing their screen';
}

/** The agent's presence (and this page's connection) in words. */
export function observerAgentText(s: ObserverView): string {
  switch (agentPhase(s.agent)) {
    case 'connecting': return 'Connecting to CoView…';
    case 'reconnecting': return 'Your connection to CoView dropped; reconnecting…';
    case 'waiting': return 'The agent is not in the session right now';
    case 'here': return 'The agent is here';
    case 'away': return 'The agent\'s connection dropped; waiting for them to come back…';
    case 'left': return s.agent.leftReason === 'left' ? 'The agent left the session'
      : 'The agent\'s connection was lost and they did not come back';
    case 'ended': return '';
  }
}

/** The ended panel's explanation, for the observer. */
export function observerEndedText(reason: EndReason): string {
  switch (reason) {
    case 'agent': return 'The agent ended the session.';
    case 'expired': return 'The session expired: it reached its time limit.';
    case 'removed': return 'The agent removed you from the session: this link no longer works.';
    case 'elsewhere': return 'You opened this session in another tab or window; it continues there.';
    case 'access': return 'Your access to this session has expired.';
    case 'left': return 'You left the session.';
    case 'unknown': return 'The session is over.';
  }
}
