/** Connection status and the participant list in the console's side column. */
import { h, replaceChildren } from '../dom';
import { t, type MessageKey } from '../../i18n';

export type ConnectionState = 'offline' | 'connecting' | 'connected' | 'reconnecting';

export interface ParticipantView {
  id: string;
  name: string;
  role: 'agent' | 'customer' | 'observer';
}

/** A participant's role in the page's words (a role the page does not know stays as the service named it). */
export function roleName(role: string): string {
  return role in ROLE_NAME ? t(ROLE_NAME[role as ParticipantView['role']]) : role;
}

const ROLE_NAME: Record<ParticipantView['role'], MessageKey> = {
  agent: 'role.agent',
  customer: 'role.customer',
  observer: 'role.observer',
};

const STATE_TEXT: Record<ConnectionState, MessageKey> = {
  offline: 'connection.offline',
  connecting: 'connection.connecting',
  connected: 'connection.connected',
  reconnecting: 'connection.reconnecting',
};

/**
 * One line of the participant list: the name (the agent's own: "you"; nameless: the role), the role beside it
 * (not when the name already is the role), and whether the agent may remove them (never themself or an agent).
 */
export function participantEntry(x: ParticipantView, selfId?: string): { name: string; role: string | null;
  removable: boolean } {
  const name = x.id === selfId ? t('common.you') : x.name || t(ROLE_NAME[x.role]);
  return { name, role: name !== roleName(x.role) ? roleName(x.role) : null, removable: x.id !== selfId && x.role !== 'agent' };
}

/**
 * The console's connection status and participant list. With `remove`, every other participant who is not an agent
 * gets a Remove button that asks once more inline (no blocking dialog: the console may sit in a CRM's frame) before
 * calling it; a failure is said next to the name.
 */
export function createPresence(remove?: (p: ParticipantView) => Promise<void>): {
  status: HTMLElement;
  list: HTMLElement;
  /** `detail`: why, in words, when the service said (a close code's words while reconnecting). */
  setState(s: ConnectionState, detail?: string): void;
  setParticipants(p: readonly ParticipantView[], selfId?: string): void;
} {
  const status = h('span', { class: 'status', role: 'status', 'data-testid': 'connection' });
  const ul = h('ul', { class: 'participants', 'aria-label': t('people.title') });
  const list = h('section', { class: 'card stack', 'aria-labelledby': 'people-title' },
    h('h2', { id: 'people-title' }, t('people.title')), ul);
  const setState = (s: ConnectionState, detail?: string) => {
    status.dataset.state = s;
    status.textContent = detail ?? t(STATE_TEXT[s]);
  };
  const item = (x: ParticipantView, selfId?: string) => {
    const entry = participantEntry(x, selfId);
    const li = h('li', { 'data-role': x.role }, h('span', {}, entry.name),
      entry.role !== null && h('span', { class: 'role' }, entry.role));
    if (remove && entry.removable) li.append(removeButton(x, entry.name, remove));
    return li;
  };
  const setParticipants = (p: readonly ParticipantView[], selfId?: string) => {
    if (p.length === 0) replaceChildren(ul, h('li', { class: 'muted' }, t('people.nobody')));
    else replaceChildren(ul, ...p.map((x) => item(x, selfId)));
  };
  setState('offline');
  setParticipants([]);
  return { status, list, setState, setParticipants };
}

/** Remove, then "Remove {name}?" for 5 s; the second press removes. */
function removeButton(x: ParticipantView, name: string,
  remove: (p: ParticipantView) => Promise<void>): HTMLElement {
  const button = h('button', { type: 'button', class: 'link', 'data-testid': `remove-${x.id}`,
    'aria-label': t('people.removeLabel', { name }) }, t('common.remove')) as HTMLButtonElement;
  const note = h('span', { class: 'muted', role: 'status' });
  let armed: ReturnType<typeof setTimeout> | undefined;
  const disarm = () => {
    clearTimeout(armed);
    armed = undefined;
    button.textContent = t('common.remove');
  };
  button.addEventListener('click', () => {
    if (armed === undefined) {
      button.textContent = t('people.confirmRemove', { name });
      armed = setTimeout(disarm, 5000);
      return;
    }
    disarm();
    button.disabled = true;
    note.textContent = t('people.removing');
    remove(x).then(() => { note.textContent = t('people.removed'); }, (e: unknown) => {
      button.disabled = false;
      note.textContent = e instanceof Error ? e.message : t('people.removeFailed');
    });
  });
  return h('span', {}, button, note);
}
