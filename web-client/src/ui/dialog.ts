import { type Attrs, type Child, h } from './dom';

/**
 * A modal dialog that keeps the keyboard with it (WCAG 2.4.3): `showModal` makes the rest of the page inert and
 * focus goes to `initial`; Tab and Shift+Tab cycle inside the dialog (an inert page still lets Tab leave for the
 * browser's own controls); Escape fires the dialog's `cancel` event, which the caller answers; closing gives the focus
 * back to what had it when the dialog opened, when that is still on the page.
 * @returns closes the dialog and removes it
 */
export function openModal(dialog: HTMLDialogElement, initial: HTMLElement, host: HTMLElement): () => void {
  const opener = document.activeElement instanceof HTMLElement && document.activeElement !== document.body
    ? document.activeElement : null;
  dialog.addEventListener('keydown', (e) => {
    if (e.key !== 'Tab') return;
    const items = [...dialog.querySelectorAll<HTMLElement>(
      'button:not([disabled]), a[href], input:not([disabled]), [tabindex]:not([tabindex="-1"])')];
    if (items.length === 0) return;
    const first = items[0];
    const last = items[items.length - 1];
    const at = document.activeElement;
    if (e.shiftKey && (at === first || !dialog.contains(at))) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && (at === last || !dialog.contains(at))) {
      e.preventDefault();
      first.focus();
    }
  });
  host.append(dialog);
  dialog.showModal();
  initial.focus();
  return () => {
    const hadFocus = dialog.contains(document.activeElement);
    if (dialog.open) dialog.close();
    dialog.remove();
    if (hadFocus && opener?.isConnected) opener.focus();
  };
}

/**
 * A question the person answers yes or no in a modal dialog (a recording's consent, a link to open): `answer` runs
 * once, whatever else is pressed after; Escape answers no, and the focus starts on no, the safe answer.
 * @returns closes the dialog (unanswered, when it comes first) and removes it
 */
export function askModal(attrs: Attrs, content: Child[], yes: HTMLButtonElement, no: HTMLButtonElement,
                         answer: (yes: boolean) => void, host: HTMLElement): () => void {
  let answered = false;
  const once = (value: boolean) => {
    if (answered) return;
    answered = true;
    answer(value);
  };
  yes.addEventListener('click', () => once(true));
  no.addEventListener('click', () => once(false));
  const dialog = h('dialog', { class: 'prompt', ...attrs }, ...content, h('div', { class: 'row' }, yes, no));
  dialog.addEventListener('cancel', () => once(false));
  return openModal(dialog, no, host);
}
