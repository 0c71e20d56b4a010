// Entry point of the observer page (a supervisor watching a session, view-only): the observer link's credential →
// the same live link as the agent's console without any control → ended. The pieces live in session/ and
// ui/observer/; this file only composes them.
import '../ui/theme.css';
import { joinAsAgent, type AgentLink } from '../session/agentLink';
import type { EndReason } from '../session/agentView';
import {
  OBSERVER_START, observerAgentText, observerCustomerText, observerEnded, observerEndedText, type ObserverSignal,
  reduceObserver,
} from '../session/observerView';
import { localStorageOrNull, OBSERVER_REJOIN_STORAGE_KEY, RejoinStore } from '../session/rejoinStore';
import { observerCredentialFromUrl, RoomApi } from '../session/roomApi';
import { h } from '../ui/dom';
import { createObserverStage } from '../ui/observer/observerStage';
import { t } from '../i18n';
import { linkLanguage, startPage } from '../i18n/pageLanguage';

startPage(linkLanguage(new URL(location.href), navigator), 'title.observe');
const api = new RoomApi();
const rejoins = new RejoinStore(localStorageOrNull(), OBSERVER_REJOIN_STORAGE_KEY);
const stage = createObserverStage();
document.getElementById('app')!.replaceWith(h('div', { id: 'app' },
  h('header', { class: 'topbar' }, h('span', { class: 'brand' }, t('common.brand')),
    h('h1', {}, t('observe.title')), h('span', { class: 'spacer' }),
    h('span', { class: 'muted' }, t('observe.viewOnly'))),
  stage.element));

let link: AgentLink | null = null;
let view = OBSERVER_START;
let over = false;

/** An end lets go of the room at once and forgets the way back in. */
function end(reason: EndReason): void {
  if (over) return;
  over = true;
  rejoins.clear();
  link?.leave();
  stage.ended(reason, observerEndedText(reason));
}

function tell(signal: ObserverSignal): void {
  view = reduceObserver(view, signal);
  const reason = observerEnded(view);
  if (reason) end(reason);
  else stage.say(observerCustomerText(view), observerAgentText(view));
}

// "Sharing" only once a frame has really arrived (as on the agent's console).
const watchFrames = () => stage.video.requestVideoFrameCallback(
  () => tell({ type: 'customer', signal: { type: 'frames' } }));

async function observe(credential: string): Promise<void> {
  const joined = await api.rejoin(credential);
  if (joined.role !== 'observer') throw new Error(t('observe.notObserverLink'));
  rejoins.save(joined);
  const live = await joinAsAgent(api, joined, {
    state: (state, close) => tell({ type: 'agent', signal: { type: 'socket', state, close } }),
    participants: () => undefined,
    presence: (signal) => tell({ type: 'agent', signal }),
    video: (stream) => {
      if (over) return;
      stage.setStream(stream);
      if (stream) watchFrames();
    },
    crop: stage.setGeometry,
    watchAgentShare: true,
    customer: (signal) => {
      tell({ type: 'customer', signal });
      // A new share (or the picture stopping) waits for the next real frame (as on the agent's console).
      if (signal.type === 'media-muted' || signal.type === 'share' || (signal.type === 'present' && signal.resumed)) {
        watchFrames();
      }
    },
  });
  if (over) {
    live.leave();
    return;
  }
  link = live;
  stage.showDrawings(live.drawings);
  if (live.agentShare) stage.showAgentShare(live.agentShare);
}

// The link's credential is spent by its first use: it leaves the address bar at once; a reload uses the next one.
const fromLink = observerCredentialFromUrl(new URL(location.href));
if (fromLink) history.replaceState(null, '', location.pathname);
const credential = fromLink ?? rejoins.load()?.credential ?? null;
if (!credential) {
  stage.ended('refused', t('observe.openLink'));
} else {
  observe(credential).catch((e: Error) => {
    rejoins.clear();
    over = true;
    stage.ended('refused', e.message);
  });
}
