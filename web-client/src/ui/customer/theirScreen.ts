/**
 * The agent's screen on the customer's page (two-way sharing): shown large while the agent shares, through the
 * agent's crop geometry, with the same drawing overlay and toolbar as the console (ui/agent/overlayController.ts,
 * toolbar.ts) so the customer can point and draw on it; what they draw goes out with `shareId: "agent"`. When
 * the customer shares too, a switch picks "Their screen" or "Your screen" (the customer's own share view).
 */
import type { ClientMessage } from '../../generated/annotation';
import type { IncomingShare } from '../../session/incomingShare';
import { t } from '../../i18n';
import { h, mutedVideo } from '../dom';
import { createOverlay, roomContent, wireSink } from '../agent/overlayController';
import { createToolbar } from '../agent/toolbar';
import type { FrozenView } from './frozenView';
import { POINTER_COLORS } from '../../annotations/renderer';

export interface TheirScreen {
  readonly element: HTMLElement;
  /** Whether the customer shares too (the switch appears, and one of the two views is shown at a time). */
  setOwnSharing(on: boolean): void;
  /**
   * The agent froze their share (two-way sharing): the frozen view (the very still, with the drawings on it)
   * covers their video until they unfreeze; the freeze brings their screen to the front.
   */
  showFrozen(frozen: FrozenView): void;
  /** Brings the agent's screen to the front (a freeze of it). */
  front(): void;
  dispose(): void;
}

const SHARE_ID = 'agent' as const;

/**
 * @param own the customer's own view (consent step or share view): hidden while "Their screen" is picked
 * @param send sends an annotation message (false while disconnected)
 */
export function createTheirScreen(share: IncomingShare, own: HTMLElement, send: (m: ClientMessage) => boolean,
                                  newId: () => string): TheirScreen {
  const video = mutedVideo({ 'data-testid': 'agent-video', 'aria-label': t('theirScreen.videoLabel') });
  const drawings = share.drawings;
  const toolbar = createToolbar({
    onChange: () => overlay.repaint(),
    undo: () => void send({ type: 'undo' }),
    redo: () => void send({ type: 'redo' }),
    clear: () => void send({ type: 'clear', scope: 'own' }),
  });
  const overlay = createOverlay(video,
    roomContent(() => drawings, { color: POINTER_COLORS.otherSide, label: t('role.yourAgent') }),
    toolbar.settings, wireSink(send, SHARE_ID), newId);
  overlay.canvas.setAttribute('aria-label', t('theirScreen.layerLabel'));
  drawings.onChange(() => {
    overlay.repaint();
    toolbar.setUndoRedo(drawings.canUndo(), drawings.canRedo());
  });
  toolbar.setUndoRedo(false, false);

  const theirs = h('button', { type: 'button', 'aria-pressed': 'true', 'data-testid': 'view-theirs' }, t('theirScreen.theirs'));
  const yours = h('button', { type: 'button', 'aria-pressed': 'false', 'data-testid': 'view-yours' }, t('theirScreen.yours'));
  const switcher = h('div', { class: 'view-switch', role: 'group', 'aria-label': t('theirScreen.switchLabel'), hidden: true },
    theirs, yours);
  const videoArea = h('div', { class: 'video-area' }, video, overlay.canvas);
  const screen = h('section', { class: 'their-screen', 'aria-label': t('theirScreen.title'),
    'data-testid': 'their-screen', hidden: true },
    h('h2', {}, t('theirScreen.title')),
    toolbar.element,
    videoArea);
  // The switch stays above both views, whichever is shown.
  const element = h('div', { class: 'their-screen-slot' }, switcher, screen);

  let streaming = false;
  let ownSharing = false;
  let picked: 'theirs' | 'yours' = 'theirs';
  const layout = () => {
    const both = streaming && ownSharing;
    switcher.hidden = !both;
    screen.hidden = !streaming || (both && picked === 'yours');
    own.hidden = both && picked === 'theirs';
    theirs.setAttribute('aria-pressed', String(picked === 'theirs'));
    yours.setAttribute('aria-pressed', String(picked === 'yours'));
    screen.dataset.view = both ? picked : streaming ? 'theirs' : 'none';
  };
  theirs.addEventListener('click', () => {
    picked = 'theirs';
    layout();
  });
  yours.addEventListener('click', () => {
    picked = 'yours';
    layout();
  });

  const unsubscribe = share.subscribe((v) => {
    if (video.srcObject !== v.stream) video.srcObject = v.stream;
    overlay.setGeometry(v.geometry);
    // A share that starts comes to the front.
    if (!streaming && v.stream !== null) picked = 'theirs';
    streaming = v.stream !== null;
    layout();
  });
  layout();

  return {
    element,
    setOwnSharing: (on) => {
      ownSharing = on;
      layout();
    },
    showFrozen: (frozen) => videoArea.append(frozen.element),
    front: () => {
      picked = 'theirs';
      layout();
    },
    dispose: () => {
      unsubscribe();
      video.srcObject = null;
      own.hidden = false;
      element.remove();
    },
  };
}
