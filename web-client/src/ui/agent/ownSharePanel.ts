/**
 * The agent's own share on the console (two-way sharing): a Share button, then the same capture → crop → masks
 * view and controls as the customer's page (ui/customer/shareView.ts: crop editor, privacy masks, pause, stop,
 * "what the customer sees"), with the drawings on this share over its preview. The link (agentShare.ts) sends it.
 */
import type { RoomDrawings } from '../../annotations/roomDrawings';
import { CAPTURE_ERROR_TEXT, CaptureFailed, startCapture } from '../../capture/capture';
import type { PipelinePreference } from '../../crop/choosePipeline';
import type { AgentShare, SharedContent } from '../../session/agentShare';
import { type SharePolicy, shareRefusal } from '../../session/sharePolicy';
import { t } from '../../i18n';
import { h } from '../dom';
import { createShareView, type ShareView } from '../customer/shareView';
import { SHARED_WITH_CUSTOMER } from '../customer/sharePanel';

/** What the panel needs of the session: the share and the drawings on it; null while no session runs. */
export interface OwnShareLink {
  readonly ownShare: AgentShare;
  readonly ownDrawings: RoomDrawings;
  readonly sharePolicy: SharePolicy;
  customerPhase(): string | null;
}

/** The console's main view follows the share (shareInView.ts): its output track, then what it shows. */
export interface OwnShareWatcher {
  /** The share started ({@code track}: what the customer receives) or stopped (null). */
  track(track: MediaStreamTrack | null): void;
  /** What is shared changed (crop, masks, pause). */
  content(shared: SharedContent): void;
}

export interface OwnSharePanel {
  /** The Share button and its error line (for the side column). */
  readonly controls: HTMLElement;
  /** The share view while sharing (for the main column). */
  readonly stage: HTMLElement;
  /** Whether a session runs (the button is usable). */
  setAvailable(on: boolean): void;
  /** Stops a running share (the session ended). */
  stop(): void;
}

const layerWords = () => ({ agent: t('ownShare.customer'), drew: t('ownShare.customerDrew'),
  pointing: t('ownShare.customerPointing'), testId: 'own-share-overlay' });

export function createOwnSharePanel(link: () => OwnShareLink | null, prefer: PipelinePreference,
                                    watcher: OwnShareWatcher): OwnSharePanel {
  const error = h('p', { class: 'error', role: 'alert', 'data-testid': 'own-share-error' });
  const button = h('button', { type: 'button', 'data-testid': 'own-share-start', disabled: true },
    t('ownShare.start'));
  const controls = h('section', { class: 'card stack', 'aria-label': t('ownShare.label') },
    h('h2', {}, t('ownShare.title')),
    h('p', { class: 'muted' }, t('ownShare.explain')),
    button, error);
  const stage = h('section', { class: 'own-share', 'aria-label': t('ownShare.stageLabel'), 'data-testid': 'own-share',
    hidden: true });
  let view: ShareView | null = null;
  let running: OwnShareLink | null = null;

  const stop = () => {
    if (view) watcher.track(null);
    running?.ownShare.unshare();
    running = null;
    view?.dispose();
    view = null;
    stage.replaceChildren();
    stage.hidden = true;
    button.hidden = false;
  };

  button.addEventListener('click', async () => {
    const l = link();
    if (!l || view) return;
    // One share at a time (the room's policy): refused while the customer's runs, saying why.
    const refused = shareRefusal(l.sharePolicy, l.customerPhase(), 'agent');
    error.textContent = refused ? t(refused) : '';
    if (refused) return;
    button.disabled = true;
    l.ownShare.choosing();
    try {
      const capture = await startCapture(navigator.mediaDevices, stop);
      running = l;
      view = createShareView(capture, prefer, stop, (shared) => {
        l.ownShare.publish(shared);
        watcher.content(shared);
      }, null, { audience: SHARED_WITH_CUSTOMER, layer: layerWords() });
      stage.replaceChildren(view.element);
      stage.hidden = false;
      button.hidden = true;
      l.ownShare.share(view.pipeline.output);
      watcher.track(view.pipeline.output);
      view.showAnnotations(l.ownDrawings);
      view.setStatus('connecting', t('ownShare.sending'));
    } catch (e) {
      l.ownShare.pickerClosed();
      error.textContent = e instanceof CaptureFailed ? e.message : t(CAPTURE_ERROR_TEXT.failed);
    } finally {
      button.disabled = false;
    }
  });

  return {
    controls,
    stage,
    setAvailable: (on) => {
      button.disabled = !on;
      if (!on) stop();
    },
    stop,
  };
}
