/**
 * Step 2: what sharing means, in plain words, and the one button that starts it. After a reload (rejoined), the
 * same button in a shorter panel: browsers share a screen only after a click, so the page asks for one.
 */
import { h } from '../dom';

export function consentPanel(onShare: (button: HTMLButtonElement, error: HTMLElement) => void,
                             rejoined = false): HTMLElement {
  const error = h('p', { class: 'error', role: 'alert' });
  const share = h('button', { type: 'button', class: 'primary', 'data-testid': 'share' },
    rejoined ? 'Share screen again' : 'Share screen');
  share.addEventListener('click', () => onShare(share, error));
  const panel = rejoined
    ? h('section', { class: 'card center stack', 'aria-labelledby': 'consent-title', 'data-testid': 'rejoined' },
      h('h1', { id: 'consent-title' }, 'You are back in your session'),
      h('p', {}, 'Your agent is still with you, and your shared area and privacy masks are kept. Your browser needs '
        + 'a click before it can share your screen again.'),
      error,
      h('div', { class: 'row' }, share))
    : h('section', { class: 'card center stack', 'aria-labelledby': 'consent-title' },
      h('h1', { id: 'consent-title' }, 'Share your screen with your support agent'),
      h('p', {}, 'Your agent will see only the part of your screen that you choose. After you pick a screen, window or tab, '
        + 'drag the rectangle to show just what you need help with.'),
      h('ul', {},
        h('li', {}, 'Anything outside the rectangle never leaves your computer.'),
        h('li', {}, 'You can black out private areas, such as account numbers, with a privacy mask.'),
        h('li', {}, 'You can pause or stop sharing at any time.'),
        h('li', {}, 'Your agent can point and draw on what you share; you will see it too.')),
      h('p', { class: 'muted' }, 'Nothing is recorded unless you agree to it separately.'),
      error,
      h('div', { class: 'row' }, share));
  queueMicrotask(() => share.focus());
  return panel;
}
