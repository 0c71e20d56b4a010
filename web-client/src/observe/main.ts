// Entry point of the observer page (a supervisor watching a session, view-only): the observer link's credential →
// the same live link as the agent's console without any control → ended. The pieces live in session/ and
// ui/observer/, the page's state in session/observerSession.ts; this file only composes them.
import '../ui/theme.css';
import { joinAsAgent, type AgentLink } from '../session/agentLink';
import type { EndReason } from '../session/agentView';
import { observerEndedText, type ObserverSignal } from '../session/observerView';
import { ObserverSession } from '../session/observerSession';
import { waitsForFrame } from '../session/customerView';
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

// What the observer is told, whether it is over, the link to let go of: kept there, shown here.
const session = new ObserverSession<AgentLink>();

/** An end lets go of the room at once (the session did) and forgets the way back in. */
function end(reason: EndReason | 'refused', words: string): void {
  rejoins.clear();
  stage.ended(reason, words);
}

function tell(signal: ObserverSignal): void {
  const update = session.tell(signal);
  if (!update.ended) stage.say(update.customer, update.agent);
  else if (update.first) end(update.reason, observerEndedText(update.reason));
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
      if (session.isOver) return;
      stage.setStream(stream);
      if (stream) watchFrames();
    },
    crop: stage.setGeometry,
    watchAgentShare: true,
    customer: (signal) => {
      tell({ type: 'customer', signal });
      // A new share (or the picture stopping) waits for the next real frame (as on the agent's console).
      if (waitsForFrame(signal)) watchFrames();
    },
  });
  if (!session.linkUp(live)) return;
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
    session.end();
    end('refused', e.message);
  });
}
