/**
 * Who can see the customer's screen: every other participant (the agent, observers such as a supervisor), listed
 * on the customer's page, with an announcement when a new one joins — nobody watches silently.
 */
import type { Peer } from '../../generated/signal';
import { h, replaceChildren } from '../dom';

const ROLE: Record<string, string> = { agent: 'Your agent', observer: 'Observer', customer: 'Customer' };

export interface ViewerList {
  readonly element: HTMLElement;
  show(people: readonly Peer[], joined: Peer | null): void;
  /** The agent's presence in words (here, connection dropped, left), shown whether or not the customer shares. */
  status(text: string): void;
}

export function createViewerList(): ViewerList {
  const list = h('ul', { class: 'participants', 'aria-label': 'Who can see your screen', 'data-testid': 'viewers' });
  const notice = h('p', { class: 'notice', role: 'status', 'aria-live': 'polite', 'data-testid': 'viewer-joined' });
  const agentState = h('p', { class: 'muted', role: 'status', 'data-testid': 'agent-state' });
  const element = h('section', { class: 'card stack', 'aria-labelledby': 'viewers-title' },
    h('h2', { id: 'viewers-title' }, 'Who can see your screen'), agentState, list, notice);
  const label = (p: Peer) => (p.name ? `${p.name} (${(ROLE[p.role] ?? p.role).toLowerCase()})` : ROLE[p.role] ?? p.role);
  return {
    element,
    status: (text) => (agentState.textContent = text),
    show: (people, joined) => {
      if (people.length === 0) replaceChildren(list, h('li', { class: 'muted' }, 'Nobody yet.'));
      else replaceChildren(list, ...people.map((p) => h('li', { 'data-role': p.role }, label(p))));
      if (joined) notice.textContent = joined.role === 'observer'
        ? `${label(joined)} joined and can now see what you share.` : `${label(joined)} joined.`;
    },
  };
}
