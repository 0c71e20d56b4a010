/**
 * The agent's media HUD: one quiet line of figures over the customer's video (resolution, frame rate, bitrate,
 * round trip, loss, direct or relayed) and, when the picture does not come, what is wrong in plain words.
 */
import { hudLine, type MediaHealth } from '../../media/mediaHealth';
import { h } from '../dom';
import { t } from '../../i18n';

export interface MediaHud {
  readonly element: HTMLElement;
  show(health: MediaHealth): void;
}

/** The figures only while frames arrive; what is wrong, when something is; the state the HUD is styled by. */
export function hudLook(health: MediaHealth): { figures: string; diagnosis: string; state: 'problem' | 'flowing' | 'idle' } {
  return {
    figures: health.framesArriving ? hudLine(health) : '',
    diagnosis: health.diagnosis ?? '',
    state: health.diagnosis ? 'problem' : health.framesArriving ? 'flowing' : 'idle',
  };
}

export function createMediaHud(): MediaHud {
  const figures = h('span', { class: 'media-hud-figures', 'data-testid': 'media-figures' });
  const diagnosis = h('span', { class: 'media-hud-diagnosis', 'data-testid': 'media-diagnosis' });
  const element = h('div', { class: 'media-hud', role: 'status', 'aria-live': 'polite', 'aria-label': t('mediaHud.label') },
    figures, diagnosis);
  return {
    element,
    show: (health) => {
      const look = hudLook(health);
      figures.textContent = look.figures;
      diagnosis.textContent = look.diagnosis;
      element.dataset.state = look.state;
    },
  };
}
