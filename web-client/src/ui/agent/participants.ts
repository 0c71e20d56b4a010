/** Connection status and the participant list in the console's side column. */
import { h, replaceChildren } from '../dom';

export type ConnectionState = 'offline' | 'connecting' | 'connected' | 'reconnecting';

export interface ParticipantView {
  id: string;
  name: string;
  role: 'agent' | 'customer' | 'observer';
}

/** What to call a participant who gave no name. */
const ROLE_NAME: Record<ParticipantView['role'], string> = {
  agent: 'Agent',
  customer: 'Customer',
  observer: 'Observer',
};

const STATE_TEXT: Record<ConnectionState, string> = {
  offline: 'Not connected',
  connecting: 'Connecting…',
  connected: 'Connected',
  reconnecting: 'Connection lost, reconnecting…',
};

export function createPresence(): {
  status: HTMLElement;
  list: HTMLElement;
  setState(s: ConnectionState): void;
  setParticipants(p: readonly ParticipantView[], selfId?: string): void;
} {
  const status = h('span', { class: 'status', role: 'status', 'data-testid': 'connection' });
  const ul = h('ul', { class: 'participants', 'aria-label': 'Participants' });
  const list = h('section', { class: 'card stack', 'aria-labelledby': 'people-title' },
    h('h2', { id: 'people-title' }, 'Participants'), ul);
  const setState = (s: ConnectionState) => {
    status.dataset.state = s;
    status.textContent = STATE_TEXT[s];
  };
  const setParticipants = (p: readonly ParticipantView[], selfId?: string) => {
    if (p.length === 0) replaceChildren(ul, h('li', { class: 'muted' }, 'Nobody has joined yet.'));
    else replaceChildren(ul, ...p.map((x) => h('li', {},
      h('span', {}, x.id === selfId ? 'You' : x.name || ROLE_NAME[x.role]), h('span', { class: 'role' }, x.role))));
  };
  setState('offline');
  setParticipants([]);
  return { status, list, setState, setParticipants };
}
