/**
 * What an observer (a supervisor watching, view-only) is told, from protocol events only: the customer's share as
 * the agent reads it ({@link reduceCustomer}), the agent's presence and this page's own socket ({@link reduceAgent}:
 * here, connection dropped, left; ended with the reason signaling's close gives). Once ended nothing changes: the
 * page has let go of the room.
 */
import { agentPhase, AGENT_UNKNOWN, type AgentSignal, type AgentView, endedText, type EndReason, reduceAgent } from './agentView';
import { customerLabel, type CustomerSignal, type CustomerView, NO_CUSTOMER, reduceCustomer } from './customerView';
import { t } from '../i18n';

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
  return customerLabel(s.customer) || t('customer.sharing');
}

/** The agent's presence (and this page's connection) in words. */
export function observerAgentText(s: ObserverView): string {
  switch (agentPhase(s.agent)) {
    case 'connecting': return t('observe.connecting');
    case 'reconnecting': return t('observe.reconnecting');
    case 'waiting': return t('observe.agentWaiting');
    case 'here': return t('observe.agentHere');
    case 'away': return t('observe.agentAway');
    case 'left': return s.agent.leftReason === 'left' ? t('observe.agentLeft') : t('observe.agentLost');
    case 'ended': return '';
  }
}

/** The ended panel's explanation, for the observer. */
export function observerEndedText(reason: EndReason): string {
  // The agent's end and a removal read differently for an observer; every other end as for the customer.
  switch (reason) {
    case 'agent': return t('observe.endedAgent');
    case 'removed': return t('observe.endedRemoved');
    default: return endedText(reason);
  }
}
