/**
 * A tiny element builder: the pages are plain DOM, no framework. Attributes starting with "on" become event
 * listeners; `class` and ARIA attributes are set as attributes.
 */
import { t } from '../i18n';
export type Child = Node | string | null | undefined | false;
export type Attrs = Record<string, string | number | boolean | EventListener | undefined>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      el.addEventListener(name.slice(2), value);
    } else if (value === true) {
      el.setAttribute(name, '');
    } else {
      el.setAttribute(name, String(value));
    }
  }
  for (const c of children) if (c) el.append(c);
  return el;
}

/**
 * A muted, inline video that plays as soon as it has a stream (every video on the pages: the sound is never
 * shared). `muted` is set as a property too: the attribute only sets the default, and a video made by script
 * that is not muted by property may be refused autoplay.
 */
export function mutedVideo(attrs: Attrs = {}): HTMLVideoElement {
  const video = h('video', { autoplay: true, muted: true, playsinline: true, ...attrs });
  video.muted = true;
  return video;
}

/** Replaces an element's children. */
export function replaceChildren(el: Element, ...children: Child[]): void {
  el.replaceChildren(...children.filter((c): c is Node | string => Boolean(c)));
}

/** Copies text to the clipboard and says so next to the button (and to screen readers). */
export async function copyText(text: string, feedback: HTMLElement): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    feedback.textContent = t('common.copied');
  } catch {
    feedback.textContent = t('common.copyFailed');
  }
  setTimeout(() => (feedback.textContent = ''), 2500);
}
