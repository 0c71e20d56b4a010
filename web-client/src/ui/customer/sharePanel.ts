/**
 * The controls next to the preview: what the agent sees (the pipeline's output track, so the customer checks
 * the real thing, masks included), pause, privacy masks, whole-screen reset and stop.
 */
import type { Mask } from '../../masks/masks';
import { h, mutedVideo } from '../dom';
import { type MessageKey, t } from '../../i18n';

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
  sees: MessageKey;
  notConnected: MessageKey;
}

export const SHARED_WITH_AGENT: ShareAudience = { sees: 'share.outgoingLabel', notConnected: 'share.notConnectedYet' };
export const SHARED_WITH_CUSTOMER: ShareAudience = { sees: 'ownShare.outgoingLabel', notConnected: 'ownShare.notConnectedYet' };

export function createSharePanel(a: SharePanelActions, audience: ShareAudience = SHARED_WITH_AGENT): SharePanel {
  const outgoing = mutedVideo({ class: 'outgoing', id: 'outgoing', 'data-testid': 'outgoing',
    'aria-label': t(audience.sees) });
  // What happens to the share (sent, reaching the agent…); the agent's presence has its own line elsewhere, in
  // other words, so that a screen reader never hears one sentence twice.
  const status = h('span', { class: 'status', 'data-state': 'offline', role: 'status', 'data-testid': 'share-status' });
  const pause = h('button', { type: 'button', 'aria-pressed': 'false', 'data-testid': 'pause' }, t('share.pause'));
  const paint = h('button', { type: 'button', 'aria-pressed': 'false', 'data-testid': 'paint-mask' }, t('share.paintMask'));
  const list = h('ul', { class: 'masks-list', 'aria-label': t('share.masksLabel') });
  const empty = h('p', { class: 'muted' }, t('share.noMasks'));
  pause.addEventListener('click', a.togglePause);
  paint.addEventListener('click', a.togglePainting);
  const element = h('aside', { class: 'side', 'aria-label': t('share.controlsLabel') },
    h('section', { class: 'card stack' },
      h('h2', {}, t(audience.sees)), outgoing, status),
    h('section', { class: 'card stack' },
      h('h2', {}, t('share.sharing')),
      h('p', { class: 'muted' }, t('share.moveHelp')),
      h('div', { class: 'row' }, pause,
        h('button', { type: 'button', onclick: a.wholeScreen }, t('share.wholeScreen')),
        h('button', { type: 'button', class: 'danger', onclick: a.stop, 'data-testid': 'stop', 'aria-label': t('share.stopLabel') }, t('share.stop')))),
    h('section', { class: 'card stack' },
      h('h2', {}, t('share.masksLabel')), paint, empty, list));

  return {
    element,
    outgoing,
    // A toggle button keeps its name; aria-pressed (and the banner over the preview) say that it is on.
    setPaused: (on) => pause.setAttribute('aria-pressed', String(on)),
    setPainting: (on) => paint.setAttribute('aria-pressed', String(on)),
    setMasks: (masks) => {
      empty.hidden = masks.length > 0;
      list.replaceChildren(...masks.map((m, i) => h('li', {},
        h('span', {}, t('share.maskItem', { n: i + 1, w: m.w, h: m.h })),
        h('button', { type: 'button', 'aria-label': t('share.removeMask', { n: i + 1 }), onclick: () => a.removeMask(m.id) },
          t('common.remove')))));
    },
    setStatus: (state, text) => {
      status.dataset.state = state;
      status.textContent = text;
    },
  };
}
