/** Step 1 on the customer page: type the 6-digit code (skipped when the invite link carries a credential). */
import { ApiError, type JoinCredential, normalizeCode } from '../../session/roomApi';
import { h } from '../dom';

export function joinForm(join: (c: JoinCredential) => Promise<void>): HTMLElement {
  const input = h('input', {
    id: 'join-code', class: 'code', inputmode: 'numeric', autocomplete: 'one-time-code', maxlength: 9,
    'aria-describedby': 'join-help join-error', required: true,
  });
  const error = h('p', { id: 'join-error', class: 'error', role: 'alert' });
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Join');
  const form = h('form', { class: 'card center stack', 'aria-labelledby': 'join-title' },
    h('h1', { id: 'join-title' }, 'Join a support session'),
    h('p', { id: 'join-help' }, 'Enter the 6-digit code your support agent gave you.'),
    h('div', {}, h('label', { for: 'join-code' }, 'Session code'), input),
    error,
    h('div', { class: 'row' }, submit));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const code = normalizeCode(input.value);
    if (!code) {
      error.textContent = 'A session code has exactly 6 digits.';
      input.focus();
      return;
    }
    error.textContent = '';
    submit.disabled = true;
    try {
      await join({ code });
    } catch (err) {
      error.textContent = err instanceof ApiError ? err.message : 'Joining failed. Please try again.';
      submit.disabled = false;
      input.focus();
    }
  });
  queueMicrotask(() => input.focus());
  return form;
}
