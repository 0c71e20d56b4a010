/**
 * *Ask to adjust the crop*: sends `crop.request` with the customer's current crop as the suggestion (the agent
 * has no editor of their own; the customer adjusts on their preview, where they see the whole screen). Before the
 * first crop arrives the suggestion is the whole screen.
 */
import type { CropRequest } from '../../generated/annotation';
import { h } from '../dom';
import { t } from '../../i18n';

export interface CropRequestButton {
  readonly element: HTMLElement;
  setEnabled(enabled: boolean): void;
}

/** `current`: the customer's crop as fractions of their screen, or null when unknown. */
export function createCropRequest(current: () => { x: number; y: number; w: number; h: number } | null,
  send: (m: CropRequest) => boolean): CropRequestButton {
  const feedback = h('span', { class: 'muted', role: 'status', 'data-testid': 'crop-request-status' });
  const button = h('button', { type: 'button', 'data-testid': 'crop-request' }, t('cropAsk.button'));
  let clear: number | undefined;
  button.addEventListener('click', () => {
    const c = current() ?? { x: 0, y: 0, w: 1, h: 1 };
    const sent = send({ type: 'crop.request', x: c.x, y: c.y, w: c.w, h: c.h });
    feedback.textContent = sent ? t('cropAsk.sent') : t('common.notConnectedTryAgain');
    window.clearTimeout(clear);
    clear = window.setTimeout(() => (feedback.textContent = ''), 6000);
  });
  const element = h('section', { class: 'card stack', 'aria-labelledby': 'crop-request-title' },
    h('h2', { id: 'crop-request-title' }, t('cropAsk.title')),
    h('p', { class: 'muted' }, t('cropAsk.hint')),
    h('div', { class: 'row' }, button), feedback);
  return {
    element,
    setEnabled: (enabled) => {
      button.disabled = !enabled;
    },
  };
}
