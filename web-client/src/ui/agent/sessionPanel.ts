/**
 * New session: the agent key (kept for this browser tab only), the *New session* button, then the invite
 * link and the 6-digit code, each with a copy button.
 */
import { ApiError, type CreatedRoom, type RoomApi } from '../../session/roomApi';
import { copyText, h, replaceChildren } from '../dom';

/** sessionStorage key for the agent key: gone when the tab closes, never in localStorage. */
const AGENT_KEY_STORAGE = 'coview.agentKey';

export function createSessionPanel(api: RoomApi, storage: Storage, onRoom: (room: CreatedRoom) => void): HTMLElement {
  // A form, so Enter in the key field starts a session and password managers know the field.
  const box = h('form', { class: 'card stack session-box', 'aria-labelledby': 'session-title' });
  const key = h('input', { type: 'password', id: 'agent-key', autocomplete: 'off',
    value: storage.getItem(AGENT_KEY_STORAGE) ?? '' });
  const error = h('p', { class: 'error', role: 'alert' });
  const create = h('button', { type: 'submit', class: 'primary', 'data-testid': 'new-session' }, 'New session');

  box.addEventListener('submit', async (e) => {
    e.preventDefault();
    error.textContent = '';
    create.disabled = true;
    try {
      storage.setItem(AGENT_KEY_STORAGE, key.value);
      const room = await api.createRoom(key.value);
      showRoom(room);
      onRoom(room);
    } catch (e) {
      error.textContent = e instanceof ApiError ? e.message : 'The session could not be created.';
    } finally {
      create.disabled = false;
    }
  });

  const copyRow = (label: string, value: string, cls: string, testid: string): HTMLElement[] => {
    const feedback = h('span', { class: 'muted', 'aria-live': 'polite' });
    return [
      h('dt', {}, label),
      h('dd', {}, h('code', { class: cls, 'data-testid': testid, title: value }, value),
        h('button', { type: 'button', 'aria-label': `Copy ${label.toLowerCase()}`,
          onclick: () => void copyText(value, feedback) }, 'Copy'),
        feedback),
    ];
  };

  function showRoom(room: CreatedRoom): void {
    const expires = new Date(room.expiresAt);
    replaceChildren(box,
      h('h2', { id: 'session-title' }, 'Session ready'),
      h('dl', {}, ...copyRow('Code', room.joinCode, 'join-code', 'join-code'),
        ...copyRow('Link', room.inviteUrl, 'invite-url', 'invite-url')),
      h('p', { class: 'muted' }, Number.isNaN(expires.getTime()) ? 'Give the customer the code or the link.'
        : `Give the customer the code or the link. It works once, until ${expires.toLocaleTimeString()}.`),
      h('div', { class: 'row' }, create));
    create.textContent = 'Start another session';
  }

  replaceChildren(box,
    h('h2', { id: 'session-title' }, 'Start a session'),
    h('div', {}, h('label', { for: 'agent-key' }, 'Agent key'), key),
    error,
    h('div', { class: 'row' }, create));
  return box;
}
