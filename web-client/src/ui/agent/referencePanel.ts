/**
 * The console's *Send a link* card: the agent types or pastes a link, it is checked as the service checks it
 * (http or https, at most 2048 characters) and pushed; below, the links sent in this session with what the
 * customer did (waiting, opened, declined).
 */
import type { PushedReference, ReferenceStatus } from '../../reference/references';
import { checkReferenceUrl } from '../../reference/referenceUrl';
import { h, replaceChildren } from '../dom';
import { t, type MessageKey } from '../../i18n';

export interface ReferencePanel {
  readonly element: HTMLElement;
  setReferences(list: readonly PushedReference[]): void;
  setEnabled(enabled: boolean): void;
}

const STATUS: Record<ReferenceStatus, MessageKey> = {
  waiting: 'reference.waiting',
  opened: 'reference.opened',
  declined: 'reference.declined',
  replaced: 'reference.replaced',
  answered: 'reference.answered',
};

/** What follows the host: path, query and fragment ("/" when nothing). */
export function pathOf(url: string): string {
  try {
    const u = new URL(url);
    return `${u.pathname}${u.search}${u.hash}`;
  } catch {
    return url;
  }
}

/** `push` sends the link; false when it could not be sent (not connected). */
export function createReferencePanel(push: (url: string) => boolean): ReferencePanel {
  const form = h('form', { class: 'stack', novalidate: true });
  const input = h('input', { type: 'url', id: 'reference-url', maxlength: 2048, autocomplete: 'off',
    placeholder: 'https://example.com/help', 'aria-describedby': 'reference-error' });
  const error = h('p', { class: 'error', id: 'reference-error', role: 'alert' });
  const send = h('button', { type: 'submit', class: 'primary', 'data-testid': 'reference-send' }, t('reference.send'));
  const list = h('ul', { class: 'references', 'aria-label': t('reference.sentList'), 'data-testid': 'references' });
  form.append(h('div', {}, h('label', { for: 'reference-url' }, t('reference.fieldLabel')), input), error,
    h('div', { class: 'row' }, send));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const checked = checkReferenceUrl(input.value);
    if (!checked.ok) {
      error.textContent = checked.problem;
      input.setAttribute('aria-invalid', 'true');
      return;
    }
    if (!push(checked.url)) {
      error.textContent = t('reference.notSent');
      return;
    }
    error.textContent = '';
    input.removeAttribute('aria-invalid');
    input.value = '';
  });
  input.addEventListener('input', () => {
    error.textContent = '';
    input.removeAttribute('aria-invalid');
  });
  const element = h('section', { class: 'card stack', 'aria-labelledby': 'reference-title' },
    h('h2', { id: 'reference-title' }, t('reference.title')),
    h('p', { class: 'muted' }, t('reference.hint')),
    form, list);
  return {
    element,
    setReferences: (refs) => {
      if (refs.length === 0) replaceChildren(list);
      else replaceChildren(list, ...refs.map((r) => h('li', { 'data-status': r.status },
        h('span', { class: 'ref-link', title: r.url }, h('span', { class: 'ref-host' }, r.host), h('br'),
          h('span', { class: 'muted' }, pathOf(r.url))),
        h('span', { class: `ref-status ${r.status}` }, t(STATUS[r.status])))));
    },
    setEnabled: (enabled) => {
      send.disabled = !enabled;
    },
  };
}
