/**
 * The console's *Invite an observer* card: a view-only link for a supervisor, one per observer. The link carries
 * only the observer's single-use rejoin credential (docs/security.md): it works once, then only in the browser
 * that opened it, for as long as the session lasts. *Revoke* removes that observer (their page ends at once, and
 * the link and every token of theirs stop working), whether they opened the link or not.
 */
import { h, replaceChildren } from '../dom';

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
  const list = h('ul', { class: 'observer-links', 'aria-label': 'Observer links' });
  const button = h('button', { type: 'button', 'data-testid': 'invite-observer' }, 'Invite an observer');
  button.addEventListener('click', () => {
    button.disabled = true;
    error.textContent = '';
    issue().then((o) => list.append(entry(o, revoke)),
      (e: Error) => (error.textContent = `No observer link: ${e.message}`)).finally(() => (button.disabled = !running));
  });
  let running = false;
  const setSession = (on: boolean) => {
    running = on;
    button.disabled = !on;
    hint.textContent = on
      ? 'A supervisor watches without drawing. The link works once, then only in their browser, until the session '
        + 'ends or you revoke it. The customer sees that they watch.'
      : 'Start a session first.';
    if (!on) replaceChildren(list);
  };
  setSession(false);
  const element = h('section', { class: 'card stack', 'aria-labelledby': 'observer-title' },
    h('h2', { id: 'observer-title' }, 'Observers'), hint, h('div', { class: 'row' }, button), error, list);
  return { element, setSession };
}

/** The link to copy, Copy, and Revoke (asks nothing more: a revoked observer can be invited again). */
function entry(o: IssuedObserver, revoke: (participantId: string) => Promise<void>): HTMLElement {
  const field = h('input', { type: 'text', readonly: true, value: o.link, 'data-testid': 'observer-link',
    'aria-label': 'Observer link', 'data-participant': o.participantId });
  const note = h('span', { class: 'muted', role: 'status' });
  const copy = h('button', { type: 'button', class: 'link' }, 'Copy');
  copy.addEventListener('click', () => {
    field.select();
    navigator.clipboard?.writeText(o.link).then(() => (note.textContent = 'Copied'),
      () => (note.textContent = 'Select the link and copy it'));
  });
  const remove = h('button', { type: 'button', class: 'link', 'data-testid': `revoke-observer-${o.participantId}` },
    'Revoke');
  remove.addEventListener('click', () => {
    remove.disabled = true;
    note.textContent = 'Revoking…';
    revoke(o.participantId).then(() => {
      note.textContent = 'Revoked: this link and its observer are out';
      copy.disabled = true;
      field.disabled = true;
    }, (e: Error) => {
      remove.disabled = false;
      note.textContent = e.message;
    });
  });
  return h('li', { class: 'stack' }, field, h('span', { class: 'row' }, copy, remove, note));
}
