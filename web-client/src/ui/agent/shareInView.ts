/**
 * Which share the console's main view shows (two-way sharing): the customer's (their video, the overlay through
 * their crop) or, while the agent shares, the agent's own as the customer receives it (the crop pipeline's output,
 * with an overlay of its own through the agent's crop: what the agent draws or points at there goes out with
 * `shareId: "agent"`, in that share's content space). Freeze, Snapshot and the recording take the share in view;
 * the switch ("Customer's screen" / "Your screen") shows while the agent shares.
 */
import type { RoomDrawings, ShareId } from '../../annotations/roomDrawings';
import type { ClientMessage } from '../../generated/annotation';
import { t } from '../../i18n';
import { h, mutedVideo } from '../dom';
import { createOverlay, type OverlayController, roomContent, wireSink } from './overlayController';
import type { ToolSettings } from './toolbar';
import { POINTER_COLORS } from '../../annotations/renderer';

/** One share as the main view shows it. */
export interface ShareOnStage {
  readonly video: HTMLVideoElement;
  readonly overlay: OverlayController;
}

export interface ShareInView {
  /** The switch, for above the video area (hidden unless the agent shares). */
  readonly switcher: HTMLElement;
  /** The agent's own share's video and overlay, for the video area (over the customer's). */
  readonly ownVideo: HTMLVideoElement;
  readonly ownCanvas: HTMLCanvasElement;
  /** The share shown now. */
  inView(): ShareId;
  stage(share: ShareId): ShareOnStage;
  /** Brings a share to the front (a freeze of it, a click on the switch). */
  show(share: ShareId): void;
  /** The agent's share started (its output track: what the customer receives) or stopped (null). */
  setOwn(track: MediaStreamTrack | null): void;
  /** Called with the share in view after every change. */
  onChange(listener: (share: ShareId) => void): void;
  repaint(): void;
}

const SHARE_ID = 'agent' as const;

export function createShareInView(customer: ShareOnStage, ownDrawings: () => RoomDrawings | null,
                                  tools: () => ToolSettings, send: (m: ClientMessage) => void,
                                  newId: () => string): ShareInView {
  const ownVideo = mutedVideo({ 'data-testid': 'own-video', class: 'own-video', 'aria-label': t('ownShare.videoLabel'),
    hidden: true });
  // The customer's pointer on this share in their colour; this agent's own is drawn locally.
  const overlay = createOverlay(ownVideo,
    roomContent(ownDrawings, { color: POINTER_COLORS.otherSide, label: t('ownShare.customer') }),
    tools, wireSink(send, SHARE_ID), newId);
  overlay.canvas.dataset.testid = 'own-overlay';
  overlay.canvas.setAttribute('aria-label', t('ownShare.layerLabel'));
  overlay.canvas.hidden = true;
  const own: ShareOnStage = { video: ownVideo, overlay };

  const customerButton = h('button', { type: 'button', 'aria-pressed': 'true', 'data-testid': 'console-view-customer' },
    t('ownShare.viewCustomer'));
  const ownButton = h('button', { type: 'button', 'aria-pressed': 'false', 'data-testid': 'console-view-own' },
    t('ownShare.viewOwn'));
  const switcher = h('div', { class: 'view-switch', role: 'group', 'aria-label': t('ownShare.switchLabel'),
    'data-testid': 'console-view', hidden: true }, customerButton, ownButton);
  const listeners: ((share: ShareId) => void)[] = [];
  let shown: ShareId = 'customer';
  let sharing = false;

  const show = (share: ShareId) => {
    const next = sharing ? share : 'customer';
    // The customer's video stays under the agent's (never hidden: it keeps playing for a quick switch back).
    ownVideo.hidden = next !== 'agent';
    overlay.canvas.hidden = next !== 'agent';
    customer.overlay.canvas.hidden = next !== 'customer';
    customerButton.setAttribute('aria-pressed', String(next === 'customer'));
    ownButton.setAttribute('aria-pressed', String(next === 'agent'));
    switcher.dataset.view = next;
    if (next === shown) return;
    shown = next;
    (next === 'agent' ? overlay : customer.overlay).repaint();
    listeners.forEach((l) => l(next));
  };
  customerButton.addEventListener('click', () => show('customer'));
  ownButton.addEventListener('click', () => show('agent'));
  show('customer');

  return {
    switcher,
    ownVideo,
    ownCanvas: overlay.canvas,
    inView: () => shown,
    stage: (share) => (share === 'agent' ? own : customer),
    show,
    setOwn: (track) => {
      sharing = track !== null;
      switcher.hidden = !sharing;
      ownVideo.srcObject = track ? new MediaStream([track]) : null;
      // A share started while the customer shows nothing comes to the front; a stopped one leaves it.
      show(sharing && (shown === 'agent' || customer.video.videoWidth === 0) ? 'agent' : 'customer');
    },
    onChange: (l) => listeners.push(l),
    repaint: () => overlay.repaint(),
  };
}
