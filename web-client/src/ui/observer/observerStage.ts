/**
 * The observer page's view: the customer's share large with the agent's drawings and pointer painted over it
 * (the customer page's annotation layer, through the customer's crop), the session's state in two sentences (the
 * customer's share, the agent's presence), and the ended panel. No input of any kind: an observer only watches.
 */
import type { CropGeometry } from '../../annotations/mapping';
import type { RoomDrawings } from '../../annotations/roomDrawings';
import type { IncomingShare } from '../../session/incomingShare';
import type { EndReason } from '../../session/agentView';
import { h, mutedVideo, replaceChildren } from '../dom';
import { createAnnotationLayer } from '../customer/annotationLayer';
import { t } from '../../i18n';

export interface ObserverStage {
  readonly element: HTMLElement;
  readonly video: HTMLVideoElement;
  setStream(stream: MediaStream | null): void;
  setGeometry(g: CropGeometry | null): void;
  showDrawings(d: RoomDrawings): void;
  /** The agent's share (two-way sharing), under the customer's while the agent shares, with the drawings on it. */
  showAgentShare(share: IncomingShare): void;
  say(customer: string, agent: string): void;
  /** Shows the reason instead of the share (or why the page could not enter the session). */
  ended(reason: EndReason | 'refused', text: string): void;
}

export function createObserverStage(): ObserverStage {
  const video = mutedVideo({ 'data-testid': 'observed-video', 'aria-label': t('agent.videoLabel') });
  const layer = createAnnotationLayer({ agent: t('observe.agent'), drew: t('observe.agentDrew'),
    pointing: t('observe.agentPointing'), testId: 'observer-overlay' });
  const empty = h('div', { class: 'empty' }, h('p', {}, t('observe.empty')));
  video.addEventListener('loadeddata', () => (empty.hidden = true));
  let geometry: CropGeometry | null = null;
  // Until the customer's crop is known the drawings map onto the video as it arrives.
  video.addEventListener('resize', () => {
    if (!geometry && video.videoWidth) layer.setSource({ w: video.videoWidth, h: video.videoHeight });
  });
  const customerLine = h('p', { role: 'status', 'data-testid': 'observer-customer' });
  const agentLine = h('p', { role: 'status', 'data-testid': 'observer-agent' });
  const agentVideo = mutedVideo({ 'data-testid': 'observed-agent-video', 'aria-label': t('observe.agentScreen') });
  const agentLayer = createAnnotationLayer({ agent: t('observe.participant'), drew: t('observe.agentScreenDrew'),
    pointing: t('observe.agentScreenPointing'), testId: 'observer-agent-overlay' });
  const agentArea = h('section', { class: 'observer-agent-share', 'aria-label': t('observe.agentScreen'),
    'data-testid': 'observer-agent-share', hidden: true },
  h('h2', {}, t('observe.agentScreen')),
  h('div', { class: 'video-area' }, agentVideo, agentLayer.canvas, agentLayer.announcer));
  const main = h('main', { class: 'observer', id: 'main' },
    h('div', { class: 'observer-status' }, customerLine, agentLine),
    h('div', { class: 'video-area' }, video, layer.canvas, empty, layer.announcer),
    agentArea);
  return {
    element: main,
    video,
    setStream: (stream) => {
      video.srcObject = stream;
      empty.hidden = stream !== null;
    },
    setGeometry: (g) => {
      geometry = g;
      if (g) layer.setGeometry(g);
    },
    showDrawings: (d) => {
      layer.show(d);
      if (geometry) layer.setGeometry(geometry);
    },
    showAgentShare: (share) => {
      agentLayer.show(share.drawings);
      share.subscribe((v) => {
        if (agentVideo.srcObject !== v.stream) agentVideo.srcObject = v.stream;
        agentArea.hidden = v.stream === null;
        if (v.geometry) agentLayer.setGeometry(v.geometry);
      });
    },
    say: (customer, agent) => {
      customerLine.textContent = customer;
      agentLine.textContent = agent;
    },
    ended: (reason, text) => {
      video.srcObject = null;
      replaceChildren(main, h('section', { class: 'card center stack', 'data-testid': 'session-ended',
        'data-reason': reason },
      h('h1', { tabindex: -1 }, reason === 'refused' ? t('observe.linkBroken') : t('observe.ended')),
      h('p', { 'data-testid': 'ended-reason' }, text),
      h('p', { class: 'muted' }, t('observe.askNewLink'))));
      main.querySelector<HTMLElement>('h1')?.focus();
    },
  };
}
