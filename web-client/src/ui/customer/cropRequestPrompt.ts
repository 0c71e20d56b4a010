/**
 * The agent's *Ask to adjust the crop* (`crop.request`): a prompt that does not block the page (the customer may
 * be in the middle of something), saying what the agent asks, with *Adjust now*, which highlights the crop
 * rectangle and puts the keyboard focus on it (arrow keys move it), and *Not now*.
 */
import type { AnnotationClient } from '../../annotations/annotationClient';
import { announce, announcer } from '../announcer';
import { h } from '../dom';
import { t } from '../../i18n';

const HIGHLIGHT_MS = 4000;

export function attachCropRequestPrompt(room: Pick<AnnotationClient, 'on'>, host: HTMLElement = document.body,
  find: () => HTMLElement | null = () => document.querySelector<HTMLElement>('[data-testid=crop-rect]')): void {
  let prompt: HTMLElement | null = null;
  announcer();
  const dismiss = () => {
    prompt?.remove();
    prompt = null;
  };
  const highlight = () => {
    const rect = find();
    if (!rect) return false;
    rect.classList.add('requested');
    rect.focus();
    window.setTimeout(() => rect.classList.remove('requested'), HIGHLIGHT_MS);
    return true;
  };
  room.on('crop.request', () => {
    dismiss();
    const text = h('p', {}, find() ? t('cropRequest.adjustNow') : t('cropRequest.adjustLater'));
    const adjust = h('button', { type: 'button', class: 'primary', 'data-testid': 'crop-request-adjust' }, t('cropRequest.adjust'));
    const later = h('button', { type: 'button', 'data-testid': 'crop-request-dismiss' }, t('cropRequest.notNow'));
    adjust.addEventListener('click', () => {
      highlight();
      dismiss();
    });
    later.addEventListener('click', dismiss);
    // A region (not a live one: inserted live regions are often not read); the page's live region says it.
    prompt = h('section', { class: 'toast', 'aria-label': t('cropRequest.label'),
      'data-testid': 'crop-request-prompt' }, text, h('div', { class: 'row' }, adjust, later));
    host.append(prompt);
    announce(text.textContent ?? '');
  });
}
