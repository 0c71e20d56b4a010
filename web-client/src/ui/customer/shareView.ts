/**
 * Step 3: the live share. Wires capture → crop pipeline → (later: the peer connection) and keeps the preview,
 * the controls and the pipeline in step with one ShareState.
 */
import { type Capture } from '../../capture/capture';
import { watchFirstFrame } from '../../capture/firstFrameWatch';
import { requestRefreshFrame } from '../../capture/refreshFrame';
import { createCropPipeline, type PipelinePreference } from '../../crop/choosePipeline';
import type { Rect, Size } from '../../crop/geometry';
import type { CropPipeline } from '../../crop/pipeline';
import { h, mutedVideo } from '../dom';
import { createCropEditor } from '../cropEditor';
import type { RoomDrawings } from '../../annotations/roomDrawings';
import { createAnnotationLayer, type LayerWords } from './annotationLayer';
import { createSharePanel, SHARED_WITH_AGENT, type ShareAudience } from './sharePanel';
import { INITIAL_SHARE, reduceShare, type RestoredShare, type ShareAction, type ShareState } from './shareState';
import { t } from '../../i18n';

export interface ShareView {
  readonly element: HTMLElement;
  /** Shows the link to the agent (connection state in plain words). */
  setStatus(state: 'connected' | 'connecting' | 'reconnecting' | 'offline', text: string): void;
  /** The track to send: created once per share, never replaced when the crop changes. */
  readonly pipeline: CropPipeline;
  /** Shows the agent's pointer and drawings over the preview. */
  showAnnotations(drawings: RoomDrawings): void;
  dispose(): void;
}

/** The share as the room should know it; called after every change once the source size is known. */
export type ShareListener = (shared: { source: Size; crop: Rect; masks: readonly Rect[]; paused: boolean }) => void;

/** Who the share goes to (the agent's own share on the console goes to the customer), in the view's words. */
export interface ShareViewWords {
  audience: ShareAudience;
  /** How the drawings' layer over the preview names the others; the customer's words when absent. */
  layer?: LayerWords;
}

/**
 * @param restore the share the room remembers (after a reload or a re-share): crop and masks are applied before
 *        the first frame leaves, the pause at once
 */
export function createShareView(capture: Capture, prefer: PipelinePreference, onStop: () => void,
                                onShared: ShareListener = () => undefined, restore: RestoredShare | null = null,
                                words: ShareViewWords = { audience: SHARED_WITH_AGENT }): ShareView {
  let state: ShareState = restore ? reduceShare(INITIAL_SHARE, { type: 'restore', share: restore }) : INITIAL_SHARE;
  const pipeline = createCropPipeline(capture.track, prefer);
  const preview = mutedVideo({ 'aria-hidden': 'true' });
  preview.srcObject = new MediaStream([capture.track]);

  const dispatch = (a: ShareAction): void => {
    const next = reduceShare(state, a);
    if (next === state) return;
    state = next;
    render();
  };

  const editor = createCropEditor(preview, {
    onCrop: (crop) => dispatch({ type: 'crop', crop }),
    onMask: (rect) => dispatch({ type: 'addMask', rect }),
  });
  const panel = createSharePanel({
    togglePause: () => dispatch({ type: 'pause', paused: !state.paused }),
    togglePainting: () => dispatch({ type: 'painting', on: !state.painting }),
    removeMask: (id) => dispatch({ type: 'removeMask', id }),
    wholeScreen: () => dispatch({ type: 'whole' }),
    stop: onStop,
  }, words.audience);
  panel.outgoing.srcObject = new MediaStream([pipeline.output]);
  // The link's words for the share, unless no picture has left this browser: then "connected, the agent sees what
  // you share" would be untrue, and the panel says what is wrong instead until the first frame comes.
  let linkStatus: { state: 'connected' | 'connecting' | 'reconnecting' | 'offline'; text: string } =
    { state: 'offline', text: t(words.audience.notConnected) };
  let noPicture = false;
  const showStatus = (): void => {
    if (noPicture) panel.setStatus('reconnecting', t('share.noPicture'));
    else panel.setStatus(linkStatus.state, linkStatus.text);
  };
  showStatus();
  const unwatch = watchFirstFrame(pipeline.firstFrame, () => {
    if (requestRefreshFrame(capture.track)) performance.mark('coview:capture-refresh');
  }, (stalled) => {
    noPicture = stalled;
    showStatus();
  });

  const annotations = createAnnotationLayer(words.layer);
  editor.element.append(annotations.canvas, annotations.announcer);

  function render(): void {
    if (state.source) {
      editor.setSource(state.source);
      annotations.setSource(state.source);
    }
    editor.setCrop(state.crop);
    editor.setMasks(state.masks);
    editor.setPainting(state.painting);
    editor.setPaused(state.paused);
    panel.setPaused(state.paused);
    panel.setPainting(state.painting);
    panel.setMasks(state.masks);
    pipeline.update({ crop: state.source ? state.crop : null, masks: state.masks, paused: state.paused });
    if (state.source) onShared({ source: state.source, crop: state.crop, masks: state.masks, paused: state.paused });
  }
  pipeline.onSourceSize((size) => dispatch({ type: 'source', size }));
  render();

  const element = h('div', { class: 'share-layout', 'data-pipeline': pipeline.kind,
    'data-thread': pipeline.thread ?? 'page' },
    h('section', { 'aria-label': t('share.screenLabel') },
      h('p', { class: 'sr-only' }, t('share.rectangleHelp')),
      editor.element),
    panel.element);

  return {
    element,
    setStatus: (state, text) => {
      linkStatus = { state, text };
      showStatus();
    },
    pipeline,
    showAnnotations: (d) => annotations.show(d),
    dispose: () => {
      unwatch();
      pipeline.stop();
      capture.stop();
    },
  };
}
