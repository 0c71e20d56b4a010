/**
 * The controls next to the preview: what the agent sees (the pipeline's output track, so the customer checks
 * the real thing, masks included), pause, privacy masks, whole-screen reset and stop.
 */
import type { Mask } from '../../masks/masks';
import { h } from '../dom';

export interface SharePanelActions {
  togglePause(): void;
  togglePainting(): void;
  removeMask(id: string): void;
  wholeScreen(): void;
  stop(): void;
}

export interface SharePanel {
  readonly element: HTMLElement;
  readonly outgoing: HTMLVideoElement;
  setPaused(on: boolean): void;
  setPainting(on: boolean): void;
  setMasks(masks: readonly Mask[]): void;
  setStatus(state: 'connected' | 'connecting' | 'reconnecting' | 'offline', text: string): void;
}

/** Who sees the share, in the panel's words: the customer's page shares with their agent, the console with the customer. */
export interface ShareAudience {
  sees: string;
  notConnected: string;
}

export const SHARED_WITH_AGENT: ShareAudience = { sees: 'What your agent sees', notConnected: 'Not connected to your agent yet' };
export const SHARED_WITH_CUSTOMER: ShareAudience = { sees: 'What the customer sees',
  notConnected: 'Not connected to the customer yet' };

export function createSharePanel(a: SharePanelActions, audience: ShareAudience = SHARED_WITH_AGENT): SharePanel {
  const outgoing = h('video', {
    class: 'outgoing', id: 'outgoing', 'data-testid': 'outgoing', autoplay: true, muted: true, playsinline: true,
    'aria-label': audience.sees,
  });
  outgoing.muted = true;
  // What happens to the share (sent, reaching the agent…); the agent's presence has its own line elsewhere, in
  // other words, so that a screen reader never hears one sentence twice.
  const status = h('span', { class: 'status', 'data-state': 'offline', role: 'status', 'data-testid': 'share-status' });
  const pause = h('button', { type: 'button', 'aria-pressed': 'false', 'data-testid': 'pause' }, 'Pause');
  const paint = h('button', { type: 'button', 'aria-pressed': 'false', 'data-testid': 'paint-mask' }, 'Paint privacy mask');
  const list = h('ul', { class: 'masks-list', 'aria-label': 'Privacy masks' });
  const empty = h('p', { class: 'muted' }, 'No masks. Turn on "Paint privacy mask", then drag over anything private.');
  pause.addEventListener('click', a.togglePause);
  paint.addEventListener('click', a.togglePainting);
  const element = h('aside', { class: 'side', 'aria-label': 'Sharing controls' },
    h('section', { class: 'card stack' },
      h('h2', {}, audience.sees), outgoing, status),
    h('section', { class: 'card stack' },
      h('h2', {}, 'Sharing'),
      h('p', { class: 'muted' }, 'Move the rectangle with the mouse or the arrow keys; shift and arrow keys resize it, alt makes the steps fine.'),
      h('div', { class: 'row' }, pause,
        h('button', { type: 'button', onclick: a.wholeScreen }, 'Whole screen'),
        h('button', { type: 'button', class: 'danger', onclick: a.stop, 'data-testid': 'stop', 'aria-label': 'Stop sharing' }, 'Stop'))),
    h('section', { class: 'card stack' },
      h('h2', {}, 'Privacy masks'), paint, empty, list));

  return {
    element,
    outgoing,
    // A toggle button keeps its name; aria-pressed (and the banner over the preview) say that it is on.
    setPaused: (on) => pause.setAttribute('aria-pressed', String(on)),
    setPainting: (on) => paint.setAttribute('aria-pressed', String(on)),
    setMasks: (masks) => {
      empty.hidden = masks.length > 0;
      list.replaceChildren(...masks.map((m, i) => h('li', {},
        h('span', {}, `Mask ${i + 1}: ${m.w} × ${m.h} px`),
        h('button', { type: 'button', 'aria-label': `Remove mask ${i + 1}`, onclick: () => a.removeMask(m.id) }, 'Remove'))));
    },
    setStatus: (state, text) => {
      status.dataset.state = state;
      status.textContent = text;
    },
  };
}
