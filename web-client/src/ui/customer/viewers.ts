/**
 * Who can see the customer's screen: every other participant (the agent, observers such as a supervisor), listed
 * on the customer's page, with an announcement when a new one joins — nobody watches silently.
 */
import type { Peer } from '../../generated/signal';
import { h, replaceChildren } from '../dom';
import { t, type MessageKey } from '../../i18n';

const ROLE: Record<string, MessageKey> = { agent: 'role.yourAgent', observer: 'role.observer', customer: 'role.customer' };
const roleName = (role: string) => (ROLE[role] ? t(ROLE[role]) : role);

/** A viewer in the customer's words: their name and role, or the role alone ("Your agent"). */
export function viewerLabel(p: Pick<Peer, 'name' | 'role'>): string {
  return p.name ? t('viewers.named', { name: p.name, role: roleName(p.role).toLowerCase() }) : roleName(p.role);
}

/** Said when somebody new joins; for an observer, that they can now see the share (nobody watches silently). */
export function joinedWords(p: Pick<Peer, 'name' | 'role'>): string {
  return p.role === 'observer' ? t('viewers.joinedWatching', { who: viewerLabel(p) }) : t('viewers.joined', { who: viewerLabel(p) });
}

export interface ViewerList {
  readonly element: HTMLElement;
  show(people: readonly Peer[], joined: Peer | null): void;
  /** The agent's presence in words (here, connection dropped, left), shown whether or not the customer shares. */
  status(text: string): void;
}

export function createViewerList(): ViewerList {
  const list = h('ul', { class: 'participants', 'aria-label': t('viewers.title'), 'data-testid': 'viewers' });
  const notice = h('p', { class: 'notice', role: 'status', 'aria-live': 'polite', 'data-testid': 'viewer-joined' });
  const agentState = h('p', { class: 'muted', role: 'status', 'data-testid': 'agent-state' });
  const element = h('section', { class: 'card stack', 'aria-labelledby': 'viewers-title' },
    h('h2', { id: 'viewers-title' }, t('viewers.title')), agentState, list, notice);
  return {
    element,
    status: (text) => (agentState.textContent = text),
    show: (people, joined) => {
      if (people.length === 0) replaceChildren(list, h('li', { class: 'muted' }, t('viewers.nobody')));
      else replaceChildren(list, ...people.map((p) => h('li', { 'data-role': p.role }, viewerLabel(p))));
      if (joined) notice.textContent = joinedWords(joined);
    },
  };
}
