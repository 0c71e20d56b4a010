/**
 * The console's *Invite an observer* card: a view-only link for a supervisor, one per observer. The link carries
 * only the observer's single-use rejoin credential (docs/security.md): it works once, then only in the browser
 * that opened it, for as long as the session lasts. *Revoke* removes that observer (their page ends at once, and
 * the link and every token of theirs stop working), whether they opened the link or not.
 */
import { h, replaceChildren } from '../dom';
import { t } from '../../i18n';

/** One issued observer: their participant id and the link to hand on. */
export interface IssuedObserver {
  participantId: string;
  link: string;
}

export interface ObserverInvites {
  readonly element: HTMLElement;
  /** A session runs (the button works) or not (disabled, with the hint). */
  setSession(on: boolean): void;
}

export function createObserverInvites(issue: () => Promise<IssuedObserver>,
  revoke: (participantId: string) => Promise<void>): ObserverInvites {
  const hint = h('p', { class: 'muted', 'data-testid': 'observer-hint' });
  const error = h('p', { class: 'error', role: 'alert' });
  const list = h('ul', { class: 'observer-links', 'aria-label': t('observers.links') });
  const button = h('button', { type: 'button', 'data-testid': 'invite-observer' }, t('observers.invite'));
  button.addEventListener('click', () => {
    button.disabled = true;
    error.textContent = '';
    issue().then((o) => list.append(entry(o, revoke)),
      (e: Error) => (error.textContent = t('observers.failed', { problem: e.message }))).finally(() => (button.disabled = !running));
  });
  let running = false;
  const setSession = (on: boolean) => {
    running = on;
    button.disabled = !on;
    hint.textContent = on
      ? t('observers.hint')
      : t('common.startSessionFirst');
    if (!on) replaceChildren(list);
  };
  setSession(false);
  const element = h('section', { class: 'card stack', 'aria-labelledby': 'observer-title' },
    h('h2', { id: 'observer-title' }, t('observers.title')), hint, h('div', { class: 'row' }, button), error, list);
  return { element, setSession };
}

/** The link to copy, Copy, and Revoke (asks nothing more: a revoked observer can be invited again). */
function entry(o: IssuedObserver, revoke: (participantId: string) => Promise<void>): HTMLElement {
  const field = h('input', { type: 'text', readonly: true, value: o.link, 'data-testid': 'observer-link',
    'aria-label': t('observers.link'), 'data-participant': o.participantId });
  const note = h('span', { class: 'muted', role: 'status' });
  const copy = h('button', { type: 'button', class: 'link' }, t('common.copy'));
  copy.addEventListener('click', () => {
    field.select();
    navigator.clipboard?.writeText(o.link).then(() => (note.textContent = t('common.copied')),
      () => (note.textContent = t('observers.copyFailed')));
  });
  const remove = h('button', { type: 'button', class: 'link', 'data-testid': `revoke-observer-${o.participantId}` },
    t('observers.revoke'));
  remove.addEventListener('click', () => {
    remove.disabled = true;
    note.textContent = t('observers.revoking');
    revoke(o.participantId).then(() => {
      note.textContent = t('observers.revoked');
      copy.disabled = true;
      field.disabled = true;
    }, (e: Error) => {
      remove.disabled = false;
      note.textContent = e.message;
    });
  });
  return h('li', { class: 'stack' }, field, h('span', { class: 'row' }, copy, remove, note));
}
