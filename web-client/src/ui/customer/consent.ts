/**
 * Step 2: what sharing means, in plain words, and the one button that starts it. After a reload (rejoined), the
 * same button in a shorter panel: browsers share a screen only after a click, so the page asks for one.
 */
import { h } from '../dom';
import { t } from '../../i18n';

export function consentPanel(onShare: (button: HTMLButtonElement, error: HTMLElement) => void,
                             rejoined = false): HTMLElement {
  const error = h('p', { class: 'error', role: 'alert' });
  const share = h('button', { type: 'button', class: 'primary', 'data-testid': 'share' },
    rejoined ? t('consent.shareAgain') : t('consent.share'));
  share.addEventListener('click', () => onShare(share, error));
  const panel = rejoined
    ? h('section', { class: 'card center stack', 'aria-labelledby': 'consent-title', 'data-testid': 'rejoined' },
      h('h1', { id: 'consent-title' }, t('consent.backTitle')),
      h('p', {}, t('consent.backText')),
      error,
      h('div', { class: 'row' }, share))
    : h('section', { class: 'card center stack', 'aria-labelledby': 'consent-title' },
      h('h1', { id: 'consent-title' }, t('consent.title')),
      h('p', {}, t('consent.intro')),
      h('ul', {},
        h('li', {}, t('consent.outside')),
        h('li', {}, t('consent.masks')),
        h('li', {}, t('consent.pause')),
        h('li', {}, t('consent.draw'))),
      h('p', { class: 'muted' }, t('consent.noRecording')),
      error,
      h('div', { class: 'row' }, share));
  queueMicrotask(() => share.focus());
  return panel;
}
