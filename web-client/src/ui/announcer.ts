/**
 * The page's one polite live region for what the other side does (the agent froze the frame or asks for a new crop,
 * the customer paused): screen readers read a change of its text. It is on the page before anything is said — a
 * status element inserted or un-hidden at the moment it speaks is often not read at all — and is visually hidden
 * (the same words are on screen elsewhere).
 */
import { h } from './dom';

let region: HTMLElement | null = null;

/** The live region, added to the page on first use: call it while setting a page up, before anything is said. */
export function announcer(): HTMLElement {
  if (!region || !region.isConnected) {
    region = h('p', { class: 'sr-only', role: 'status', 'aria-live': 'polite', 'data-testid': 'announcer' });
    document.body.append(region);
  }
  return region;
}

/** Says {@code text} once (the same sentence again is said again: it differs by an invisible trailing space). */
export function announce(text: string): void {
  const r = announcer();
  if (!text) return;
  r.textContent = r.textContent === text ? `${text}\u00a0` : text;
}
