/**
 * New session: how the agent proves who they are (signed in with the company's identity provider, or an agent
 * key kept for this browser tab only), the *New session* button, then the invite link and the 6-digit code, each
 * with a copy button.
 */
import type { AgentSignIn } from '../../auth/agentSignIn';
import { type AgentAuth, ApiError, type CreatedRoom, type RoomApi } from '../../session/roomApi';
import type { RoomContext } from '../../embed/protocol';
import { copyText, h, replaceChildren } from '../dom';
import { t, formatTime } from '../../i18n';
import { languagePicker } from '../../i18n/languagePicker';
import { withLanguage } from '../../i18n/pageLanguage';

/** sessionStorage key for the agent key: gone when the tab closes, never in localStorage. */
export const AGENT_KEY_STORAGE = 'coview.agentKey';

/**
 * The host page's agent key (the CoView widget's `agent-key` command): kept where the panel reads its key from, in
 * case the panel is not on the page yet, and put into the field if it is.
 */
export function acceptAgentKey(storage: Pick<Storage, 'setItem'>, apiKey: unknown): void {
  if (typeof apiKey !== 'string') return;
  storage.setItem(AGENT_KEY_STORAGE, apiKey);
  const field = document.getElementById('agent-key') as HTMLInputElement | null;
  if (field) field.value = apiKey;
}

export interface SessionPanel {
  readonly element: HTMLElement;
  /** Shows a room this console went back to after a reload (its code and link while nobody has joined). */
  showRoom(room: CreatedRoom, restored: boolean): void;
  /** The session ended: its code is dead; the panel offers a new session and says why. */
  ended(why: string): void;
  /** How this tab proves the agent: the sign-in's access token, else the agent key it keeps ('' for none). */
  agentAuth(): AgentAuth | null;
}

/**
 * @param signIn the identity provider's sign-in when room-service has one (else only the key field)
 * @param signInError what went wrong coming back from the provider, shown once
 * @param context what the host page's next room belongs to (the widget's `externalRef` and `metadata`)
 */
export function createSessionPanel(api: RoomApi, storage: Storage, onRoom: (room: CreatedRoom) => void,
  signIn: AgentSignIn | null = null, signInError = '',
  context: () => RoomContext | undefined = () => undefined): SessionPanel {
  // A form, so Enter in the key field starts a session and password managers know the field.
  const box = h('form', { class: 'card stack session-box', 'aria-labelledby': 'session-title' });
  const key = h('input', { type: 'password', id: 'agent-key', autocomplete: 'off',
    value: storage.getItem(AGENT_KEY_STORAGE) ?? '' });
  const error = h('p', { class: 'error', role: 'alert' }, signInError);
  const create = h('button', { type: 'submit', class: 'primary', 'data-testid': 'new-session' }, t('session.newSession'));
  const account = h('div', { class: 'row', 'data-testid': 'sign-in' });
  const keyRow = h('div', {}, h('label', { for: 'agent-key' }, t('session.agentKey')), key);

  const showAccount = () => {
    const session = signIn?.session() ?? null;
    // Signed in: the key is not needed (and not sent: room-service refuses a request with both).
    keyRow.hidden = session !== null;
    if (!signIn) return;
    replaceChildren(account, ...(session
      ? [h('span', { 'data-testid': 'signed-in-as' }, t('session.signedInAs', { name: session.name })),
        h('button', { type: 'button', onclick: () => { signIn.signOut(); showAccount(); } }, t('session.signOut'))]
      : [h('button', { type: 'button', 'data-testid': 'sign-in-button', onclick: () => {
        error.textContent = '';
        signIn.start(window.location.href).catch((e: unknown) => {
          error.textContent = e instanceof Error ? e.message : t('session.signInFailed');
        });
      } }, t('session.signIn')), h('span', { class: 'muted' }, t('session.orAgentKey'))]));
  };

  box.addEventListener('submit', async (e) => {
    e.preventDefault();
    error.textContent = '';
    create.disabled = true;
    try {
      const session = signIn?.session() ?? null;
      let room: CreatedRoom;
      if (session) {
        room = await api.createRoomSignedIn(session.accessToken, context());
      } else {
        storage.setItem(AGENT_KEY_STORAGE, key.value);
        room = await api.createRoom(key.value, context());
      }
      showRoom(room, false);
      onRoom(room);
    } catch (e) {
      if (e instanceof ApiError && e.status === 401 && signIn?.session()) {
        // The provider's token was refused (revoked, or the clocks disagree): ask for a new sign-in.
        signIn.signOut();
        showAccount();
        error.textContent = t('session.signInExpired');
      } else {
        error.textContent = e instanceof ApiError ? e.message : t('session.createFailed');
      }
    } finally {
      create.disabled = false;
    }
  });

  const copyRow = (label: string, lower: string, value: string, cls: string, testid: string): HTMLElement[] => {
    const feedback = h('span', { class: 'muted', 'aria-live': 'polite' });
    const shown = h('code', { class: cls, 'data-testid': testid, title: value }, value);
    return [
      h('dt', {}, label),
      h('dd', {}, shown,
        h('button', { type: 'button', 'aria-label': t('session.copyLabel', { what: lower }),
          onclick: () => void copyText(shown.textContent ?? value, feedback) }, t('common.copy')),
        feedback),
    ];
  };

  function showRoom(room: CreatedRoom, restored: boolean): void {
    const expires = new Date(room.expiresAt);
    const invite: HTMLElement[] = room.joinCode
      ? [h('dl', {}, ...copyRow(t('session.code'), t('session.codeLower'), room.joinCode, 'join-code', 'join-code'),
        ...copyRow(t('session.link'), t('session.linkLower'), room.inviteUrl, 'invite-url', 'invite-url')),
      h('p', { class: 'muted' }, Number.isNaN(expires.getTime()) ? t('session.giveCode')
        : t('session.giveCodeUntil', { time: formatTime(expires) }))]
      : [h('p', { class: 'muted' }, t('session.codeUsed'))];
    // The invite link may name the customer's language; without it their page follows their browser.
    if (room.joinCode && room.inviteUrl) {
      invite.splice(1, 0, languagePicker((lang) => {
        const link = box.querySelector<HTMLElement>('[data-testid=invite-url]');
        if (link) link.textContent = link.title = withLanguage(room.inviteUrl, lang);
      }, null, { id: 'invite-language', label: t('session.customerLanguage'), none: t('session.browserLanguage') }));
    }
    replaceChildren(box,
      h('h2', { id: 'session-title' }, restored ? t('session.restored') : t('session.ready')),
      ...invite,
      h('div', { class: 'row' }, create));
    create.textContent = t('session.startAnother');
  }

  /** The way to start a session (the sign-in or the key), under a title and what happened before. */
  const startForm = (...before: HTMLElement[]): void => replaceChildren(box, ...before,
    ...(signIn ? [account] : []), keyRow, error, h('div', { class: 'row' }, create));

  function ended(why: string): void {
    startForm(h('h2', { id: 'session-title' }, t('session.ended')), h('p', { 'data-testid': 'session-ended' }, why));
    create.textContent = t('session.newSession');
  }

  showAccount();
  startForm(h('h2', { id: 'session-title' }, t('session.start')));
  const agentAuth = (): AgentAuth | null => {
    const session = signIn?.session() ?? null;
    if (session) return { accessToken: session.accessToken };
    const agentKey = key.value || (storage.getItem(AGENT_KEY_STORAGE) ?? '');
    return agentKey ? { agentKey } : null;
  };
  return { element: box, showRoom, ended, agentAuth };
}
