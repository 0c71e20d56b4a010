/** Step 1 on the customer page: type the 6-digit code (skipped when the invite link carries a credential). */
import { ApiError, type JoinCredential, normalizeCode } from '../../session/roomApi';
import { h } from '../dom';
import { t } from '../../i18n';

export function joinForm(join: (c: JoinCredential) => Promise<void>): HTMLElement {
  const input = h('input', {
    id: 'join-code', class: 'code', inputmode: 'numeric', autocomplete: 'one-time-code', maxlength: 9,
    'aria-describedby': 'join-help join-error', required: true,
  });
  const error = h('p', { id: 'join-error', class: 'error', role: 'alert' });
  const submit = h('button', { type: 'submit', class: 'primary' }, t('join.submit'));
  const form = h('form', { class: 'card center stack', 'aria-labelledby': 'join-title' },
    h('h1', { id: 'join-title' }, t('join.title')),
    h('p', { id: 'join-help' }, t('join.help')),
    h('div', {}, h('label', { for: 'join-code' }, t('join.codeLabel')), input),
    error,
    h('div', { class: 'row' }, submit));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const code = normalizeCode(input.value);
    if (!code) {
      error.textContent = t('join.codeInvalid');
      input.focus();
      return;
    }
    error.textContent = '';
    submit.disabled = true;
    try {
      await join({ code });
    } catch (err) {
      error.textContent = err instanceof ApiError ? err.message : t('join.failed');
      submit.disabled = false;
      input.focus();
    }
  });
  queueMicrotask(() => input.focus());
  return form;
}
