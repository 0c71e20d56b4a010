// Entry point of the agent console: session panel, the customer's video with the annotation overlay and
// toolbar, connection status and participants. Each piece lives in ui/agent/, the session's state in
// session/agentConsole.ts; this file only composes them and shows what the state answers.
import { createMediaHud } from '../ui/agent/mediaHud';
import '../ui/theme.css';
import { elementIds } from '../annotations/elementIds';
import { type AgentLink, type AgentLinkEvents, joinAsAgent } from '../session/agentLink';
import { AgentConsole, type ConsoleSession, endedTextKey, restoreRoom } from '../session/agentConsole';
import { consoleSignIn } from '../auth/agentSignIn';
import { RoomApi } from '../session/roomApi';
import { h, mutedVideo } from '../ui/dom';
import { announcer } from '../ui/announcer';
import { createOverlay, roomContent, wireSink } from '../ui/agent/overlayController';
import { createPresence } from '../ui/agent/participants';
import { acceptAgentKey, createSessionPanel } from '../ui/agent/sessionPanel';
import { createToolbar } from '../ui/agent/toolbar';
import { createSupportTools } from '../ui/agent/supportTools';
import { createCustomerLine } from '../ui/agent/customerLine';
import { notifyHost, startBridge } from '../embed/bridge';
import { sessionStorageOrMemory } from '../embed/storage';
import type { ClientMessage } from '../generated/annotation';
import { FreezeTracker } from '../media/freezeSync';
import { createFreezeControl } from '../ui/agent/freezeControl';
import { createSnapshotList } from '../ui/agent/snapshotList';
import { createObserverInvites } from '../ui/agent/observerInvites';
import { observerLink } from '../session/roomApi';
import type { CreatedRoom } from '../session/roomApi';
import type { CustomerSignal } from '../session/customerView';
import type { SessionEndedReason } from '../embed/protocol';
import { createOwnSharePanel } from '../ui/agent/ownSharePanel';
import { createShareInView } from '../ui/agent/shareInView';
import type { PipelinePreference } from '../crop/choosePipeline';
import { t } from '../i18n';
import { languagePicker } from '../i18n/languagePicker';
import { AGENT_LANGUAGE_STORAGE, agentLanguage, startPage } from '../i18n/pageLanguage';
import { localStorageOrNull } from '../session/rejoinStore';
import { socketCloseWords } from '../i18n/socketWords';
import { createNotice } from '../ui/notice';
import { POINTER_COLORS } from '../annotations/renderer';

// The console's own language setting (remembered in this browser), else the link's, else the browser's.
const settings = localStorageOrNull();
startPage(agentLanguage(new URL(location.href), settings?.getItem(AGENT_LANGUAGE_STORAGE) ?? null, navigator),
  'title.agent');
const api = new RoomApi();
// Embedded by the CoView widget: events go to the host page (a no-op in a normal tab); its agent key fills the field.
const bridge = startBridge('agent');
const storage = sessionStorageOrMemory();
// Which session runs, its link, crops, the customer's state: kept and changed there, shown here.
const state = new AgentConsole<AgentLink>(storage);
bridge.onCommand('agent-key', ({ apiKey }) => acceptAgentKey(storage, apiKey));
// The record the host page's next room belongs to (a Case id, say); room-service validates it.
bridge.onCommand('room-context', (context) => (state.roomContext = context));
const newId = elementIds();
const send = (m: ClientMessage): boolean => state.link?.send(m) ?? false;

const toolbar = createToolbar({
  onChange: () => {
    overlay.repaint();
    inView.repaint();
  },
  // Applied when annotation-service's event comes back (RoomDrawings), never locally first.
  undo: () => void send({ type: 'undo' }),
  redo: () => void send({ type: 'redo' }),
  clear: () => void send({ type: 'clear', scope: 'all' }),
  freeze: () => freeze.press('freeze'),
  snapshot: () => freeze.press('snapshot'),
});
toolbar.setUndoRedo(false, false);

const mediaHud = createMediaHud();
const video = mutedVideo({ 'data-testid': 'remote-video', 'aria-label': t('agent.videoLabel') });
// Others' pointers on the customer's share: a colleague's (another agent, an observer).
const overlay = createOverlay(video, roomContent(() => state.link?.drawings,
  { color: POINTER_COLORS.colleague, label: t('agent.colleague') }), toolbar.settings, wireSink(send), newId);
const empty = h('div', { class: 'empty' },
  h('p', {}, t('agent.emptyTitle'), h('br'),
    h('span', { class: 'muted' }, t('agent.emptyHint'))));
video.addEventListener('loadeddata', () => (empty.hidden = true));
// The share in the main view (two-way sharing): the customer's, or the agent's own while they share.
const inView = createShareInView({ video, overlay }, () => state.link?.ownDrawings ?? null, toolbar.settings,
  (m) => void send(m), newId);

// Freeze and snapshots: while frozen the share's overlay maps through the still's crop, not the live one.
const freeze = createFreezeControl({
  inView: () => inView.inView(),
  share: (id) => ({
    video: inView.stage(id).video,
    liveGeometry: () => state.geometryOf(id),
    drawables: (source) => (id === 'agent' ? state.link?.ownDrawings : state.link?.drawings)?.drawables(source) ?? [],
    showGeometry: (g) => inView.stage(id).overlay.setGeometry(state.showFrozen(id, g)),
  }),
  send,
  api: () => state.snapshotApi,
  saved: () => void snapshots.refresh(),
});
const snapshots = createSnapshotList(freeze.controls);
// Recording (with the customer's consent) of the share in view, links for the customer, crop requests.
const tools = createSupportTools({ videos: [video, inView.ownVideo],
  inView: () => ({ video: inView.stage(inView.inView()).video, overlay: inView.stage(inView.inView()).overlay.canvas }) },
  () => state.geometryOf('customer'), newId);
// Freeze and Snapshot need a picture of the share in view.
const updateFreezeAvailable = () => freeze.setAvailable(inView.stage(inView.inView()).video.readyState >= 2);
inView.onChange(() => {
  freeze.viewChanged();
  tools.viewChanged();
  updateFreezeAvailable();
});

// The agent's own share (two-way sharing); ?pipeline=canvas forces the fallback crop pipeline, as on the customer's page.
const ownShare = createOwnSharePanel(() => state.link,
  (new URL(location.href).searchParams.get('pipeline') ?? 'auto') as PipelinePreference, {
    track: (track) => {
      if (!track) state.ownContent(null);
      inView.setOwn(track);
    },
    content: (shared) => {
      const own = { source: shared.source, crop: shared.crop };
      if (state.ownContent(own)) inView.stage('agent').overlay.setGeometry(own);
    },
  });

/** Removes a participant of the console's session (ended or not: the service answers for an ended one). */
const removeParticipant = (participantId: string): Promise<void> => {
  const session = state.current;
  if (!session) return Promise.reject(new Error(t('agent.noSession')));
  return api.removeParticipant(session.room.roomId, participantId, session.room.token);
};
const presence = createPresence((p) => removeParticipant(p.id));
// View-only links for supervisors: the observer's rejoin credential only (their token stays here, unused).
const observers = createObserverInvites(async () => {
  const session = state.current;
  if (!session || session.ended) throw new Error(t('agent.noSession'));
  const o = await api.addObserver(session.room.roomId, session.room.token);
  if (!o.participantId || !o.rejoinCredential) throw new Error(t('agent.noCredential'));
  return { participantId: o.participantId, link: observerLink(window.location.origin, o.rejoinCredential) };
}, removeParticipant);
// A message a socket refused (a drawing the room has no space for, too much at once), said for a while.
const socketProblem = createNotice('socket-problem');
// The customer as the protocol says they are, in words over the video.
const customerLine = createCustomerLine();
announcer();
const tellCustomer = (signal: CustomerSignal) => {
  const update = state.tellCustomer(signal);
  customerLine.show(update);
  if (update.waitForFrame) watchFrames();
};
tellCustomer({ type: 'reset' });
// "Sharing" only once a frame has really arrived (not when the stream object or ICE says so).
const watchFrames = () => video.requestVideoFrameCallback(() => tellCustomer({ type: 'frames' }));
freeze.setAvailable(false);
for (const v of [video, inView.ownVideo]) {
  v.addEventListener('loadeddata', updateFreezeAvailable);
  v.addEventListener('emptied', updateFreezeAvailable);
}

/** The end of the console's session (by the button, by the service, or by starting another): nothing of it stays. */
const endSession = (reason: SessionEndedReason) => {
  const end = state.end(reason);
  if (!end) return;
  endButton.hidden = true;
  // The agent's own share stops on the link (the customer is told) before the link goes.
  ownShare.setAvailable(false);
  end.link?.leave();
  video.srcObject = null;
  empty.hidden = false;
  overlay.setGeometry(null);
  overlay.repaint();
  freeze.reset();
  tools.endRoom();
  observers.setSession(false);
  presence.setParticipants([]);
  presence.setState('offline');
  tellCustomer({ type: 'reset' });
  customerLine.hide();
  notifyHost('session.ended', { roomId: end.room.roomId, reason });
};
const endButton = h('button', { type: 'button', class: 'danger', 'data-testid': 'end-session', hidden: true,
  onclick: () => {
    const ending = state.requestEnd();
    if (!ending) return;
    endButton.disabled = true;
    // The service closes the sockets (room ended) possibly before its answer arrives: still ended by the agent.
    api.endRoom(ending.room.roomId, ending.room.token).then(() => endSession('ended'),
      () => state.endRefused(ending)).finally(() => (endButton.disabled = false));
  } }, t('agent.endSession'));

function startSession(room: CreatedRoom): void {
  endSession('replaced');
  const session = state.start(room);
  presence.setParticipants([]);
  endButton.hidden = false;
  notifyHost('session.started', { roomId: room.roomId, joinCode: room.joinCode });
  tellCustomer({ type: 'reset' });
  freeze.reset();
  snapshots.setApi(session.snapshots, room.participantId);
  tools.startRoom(room);
  observers.setSession(true);
  joinAsAgent(api, room, linkEvents(session)).then((l) => linkUp(session, l), () => presence.setState('offline'));
}

/** What the link tells about the room, shown only while `session` is still the console's. */
function linkEvents(session: ConsoleSession): AgentLinkEvents {
  const current = () => state.isCurrent(session);
  return {
    state: (s, close) => {
      if (!current()) return;
      // Reconnecting after the service closed the socket: its close code in words (CoView restarting, too much sent…).
      presence.setState(s === 'closed' ? 'offline' : s, s === 'reconnecting' && close ? socketCloseWords(close.code) : undefined);
      // Closed for good by the service (room ended or expired) while still this console's session: the close says why.
      if (s === 'closed') endSession(state.closedReason(session, close));
    },
    participants: (list, selfId) => {
      if (!current()) return;
      presence.setParticipants(list, selfId);
      for (const p of state.arrived(list, selfId)) notifyHost('participant.joined', { participantId: p.id, role: p.role });
    },
    crop: (geometry) => {
      if (state.customerCrop(geometry)) overlay.setGeometry(geometry);
    },
    // Attached before the customer shares (nothing shows yet, the hint stays until 'loadeddata'): the player is
    // running when the first frame arrives. Setting srcObject again, even to the same stream, would restart it.
    earlyVideo: (stream) => {
      if (current() && !video.srcObject) video.srcObject = stream;
    },
    video: (stream) => {
      if (!current()) return;
      if (video.srcObject !== stream) video.srcObject = stream;
      empty.hidden = stream !== null;
      if (stream) watchFrames();
    },
    customer: (signal) => {
      if (current()) tellCustomer(signal);
    },
    problem: (words) => {
      if (current()) socketProblem.say(words);
    },
  };
}

/** The session's link is up: the views follow its drawings, freeze, snapshots and references. */
function linkUp(session: ConsoleSession, l: AgentLink): void {
  if (!state.linkUp(session, l)) return;
  const { roomId } = session.room;
  tools.attach(l);
  ownShare.setAvailable(true);
  l.mediaHealth.subscribe(mediaHud.show);
  l.drawings.onChange(() => {
    overlay.repaint();
    toolbar.setUndoRedo(l.drawings.canUndo(), l.drawings.canRedo());
  });
  l.ownDrawings.onChange(() => inView.repaint());
  // The room's freeze (its state on every connect, then events) and saved snapshots, whoever made them.
  new FreezeTracker(l.room).subscribe((f) => {
    // A freeze brings its share to the front (the still shows over the share it was taken of).
    if (f.frozen) inView.show(f.shareId);
    freeze.follow(f);
    if (f.frozen) void snapshots.refresh();
  });
  // The pending reference (from the state on every connect, then pushes), so its answer can name it.
  l.room.onRoomState((s) => state.referencePending(s.reference ? { referenceId: s.reference.eventId, url: s.reference.url } : null));
  l.room.on('reference.push', (e, envelope) => state.referencePending({ referenceId: envelope.eventId, url: e.url }));
  l.room.on('reference.answer', (e) => {
    notifyHost('reference.answered', { roomId, ...state.referenceAnswered(), answer: e.accepted ? 'opened' : 'declined' });
  });
  l.room.on('snapshot.saved', (e) => {
    void snapshots.refresh();
    notifyHost('snapshot.saved', { roomId, snapshotId: e.snapshotId,
      url: `/api/rooms/${roomId}/snapshots/${e.snapshotId}/flattened` });
  });
}

// The session panel: with the identity provider's sign-in when room-service names one (finishing a sign-in
// when the provider just sent the browser back here), else with the agent key alone. After a reload the room
// this tab ran comes back if it is still live; the customer's video returns when their side offers again.
const sessionSlot = h('div', {});
void (async () => {
  const { signIn, error } = await consoleSignIn(() => api.config(), { fetch: fetch.bind(globalThis), storage,
    navigate: (url) => window.location.assign(url),
    replaceUrl: (url) => window.history.replaceState(null, '', url) }, window.location.href);
  const panel = createSessionPanel(api, storage, startSession, signIn, error, () => state.roomContext);
  state.onEnd(({ reason }) => {
    const words = endedTextKey(reason);
    if (words) panel.ended(t(words));
  });
  sessionSlot.replaceWith(panel.element);
  try {
    const room = await restoreRoom(api, storage, panel.agentAuth());
    if (!room) return;
    panel.showRoom(room, true);
    startSession(room);
  } catch (e) {
    console.warn(`the earlier session could not be restored: ${(e as Error).message}`);
  }
})();

document.addEventListener('keydown', (e) => {
  if (toolbar.shortcut(e)) e.preventDefault();
});

document.getElementById('app')!.replaceWith(h('div', { id: 'app' },
  h('header', { class: 'topbar' }, h('span', { class: 'brand' }, t('common.brand')), h('h1', {}, t('agent.title')),
    h('span', { class: 'spacer' }), languagePicker((lang) => {
      // Built once in one language: saved, then reloaded (the session comes back as after any reload).
      if (!lang) return;
      settings?.setItem(AGENT_LANGUAGE_STORAGE, lang);
      location.reload();
    }, undefined, { id: 'language', label: t('common.language'), hint: t('agent.languageHint') }), presence.status),
  h('main', { class: 'console' },
    h('section', { class: 'stage', 'aria-label': t('agent.stageLabel') },
      toolbar.element,
      socketProblem.element,
      inView.switcher,
      h('div', { class: 'video-area' }, video, inView.ownVideo, freeze.still, overlay.canvas, inView.ownCanvas, empty,
        customerLine.element, freeze.badge, tools.badge, mediaHud.element),
      ownShare.stage),
    h('aside', { class: 'side', 'aria-label': t('agent.sideLabel') }, sessionSlot, presence.list, ownShare.controls,
      snapshots.element, ...tools.cards, observers.element, h('div', { class: 'row' }, endButton)))));
