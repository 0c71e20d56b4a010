// Entry point of the agent console: session panel, the customer's video with the annotation overlay and
// toolbar, connection status and participants. Each piece lives in ui/agent/; this file only composes them.
import { createMediaHud } from '../ui/agent/mediaHud';
import '../ui/theme.css';
import { drawableToWire, inkToWire } from '../annotations/wire';
import { type AgentLink, joinAsAgent } from '../session/agentLink';
import { AgentSignIn, SignInError } from '../auth/agentSignIn';
import { RoomApi } from '../session/roomApi';
import { h } from '../ui/dom';
import { announce, announcer } from '../ui/announcer';
import { createOverlay } from '../ui/agent/overlayController';
import { createPresence } from '../ui/agent/participants';
import { AGENT_KEY_STORAGE, createSessionPanel, type SessionPanel } from '../ui/agent/sessionPanel';
import { createToolbar } from '../ui/agent/toolbar';
import { createSupportTools } from '../ui/agent/supportTools';
import { notifyHost, startBridge } from '../embed/bridge';
import { sessionStorageOrMemory } from '../embed/storage';
import type { CropGeometry } from '../annotations/mapping';
import { FreezeTracker } from '../media/freezeSync';
import { SnapshotApi } from '../media/snapshotApi';
import { createFreezeControl } from '../ui/agent/freezeControl';
import { createSnapshotList } from '../ui/agent/snapshotList';
import { createObserverInvites } from '../ui/agent/observerInvites';
import { observerLink } from '../session/roomApi';
import type { CreatedRoom } from '../session/roomApi';
import { customerLabel, type CustomerSignal, type CustomerView, NO_CUSTOMER, reduceCustomer } from '../session/customerView';
import { type RoomContext, type SessionEndedReason, sessionEndedReason } from '../embed/protocol';
import { endReasonOf } from '../session/agentView';
import { createOwnSharePanel } from '../ui/agent/ownSharePanel';
import { createShareInView } from '../ui/agent/shareInView';
import type { ShareId } from '../annotations/roomDrawings';
import type { PipelinePreference } from '../crop/choosePipeline';
import { t, type MessageKey } from '../i18n';
import { languagePicker } from '../i18n/languagePicker';
import { AGENT_LANGUAGE_STORAGE, agentLanguage, startPage } from '../i18n/pageLanguage';
import { localStorageOrNull } from '../session/rejoinStore';
import { socketCloseWords } from '../i18n/socketWords';
import { createNotice } from '../ui/notice';

// The console's own language setting (remembered in this browser), else the link's, else the browser's.
const settings = localStorageOrNull();
startPage(agentLanguage(new URL(location.href), settings?.getItem(AGENT_LANGUAGE_STORAGE) ?? null, navigator),
  'title.agent');
const api = new RoomApi();
// Embedded by the CoView widget: events go to the host page (a no-op in a normal tab); its agent key fills the field.
const bridge = startBridge('agent');
const storage = sessionStorageOrMemory();
bridge.onCommand('agent-key', ({ apiKey }) => {
  if (typeof apiKey !== 'string') return;
  // Kept where the session panel reads its key from, in case the panel is not on the page yet.
  storage.setItem(AGENT_KEY_STORAGE, apiKey);
  const field = document.getElementById('agent-key') as HTMLInputElement | null;
  if (field) field.value = apiKey;
});
// The record the host page's next room belongs to (a Case id, say); room-service validates it.
let roomContext: RoomContext | undefined;
bridge.onCommand('room-context', (context) => (roomContext = context));
let link: AgentLink | null = null;
let idCounter = 0;
const newId = () => `${Date.now().toString(36)}-${(idCounter++).toString(36)}`;

const toolbar = createToolbar({
  onChange: () => {
    overlay.repaint();
    inView.repaint();
  },
  // Applied when annotation-service's event comes back (RoomDrawings), never locally first.
  undo: () => void link?.send({ type: 'undo' }),
  redo: () => void link?.send({ type: 'redo' }),
  clear: () => void link?.send({ type: 'clear', scope: 'all' }),
  freeze: () => freeze.press('freeze'),
  snapshot: () => freeze.press('snapshot'),
});
toolbar.setUndoRedo(false, false);

const mediaHud = createMediaHud();
const video = h('video', { autoplay: true, muted: true, playsinline: true, 'data-testid': 'remote-video',
  'aria-label': t('agent.videoLabel') });
video.muted = true;
const overlay = createOverlay(video, {
  drawables: (source) => link?.drawings.drawables(source) ?? [],
  has: (id) => link?.drawings.has(id) ?? false,
  // Others' pointers (another agent, an observer); this agent's own is drawn locally without the round trip.
  pointers: () => [...(link?.drawings.pointers() ?? new Map()).entries()]
    .filter(([author]) => author !== link?.drawings.selfId)
    .map(([, position]) => ({ position, color: '#1f5fd6', label: t('agent.colleague') })),
}, toolbar.settings, {
  draw: (d, source) => void link?.send(drawableToWire(d, source)),
  ink: (d, added, source) => void link?.send(inkToWire(d, added, source)),
  pointer: (p) => void link?.send(p ? { type: 'pointer', x: p.x, y: p.y } : { type: 'pointer.hide' }),
}, newId);
const empty = h('div', { class: 'empty' },
  h('p', {}, t('agent.emptyTitle'), h('br'),
    h('span', { class: 'muted' }, t('agent.emptyHint'))));
video.addEventListener('loadeddata', () => (empty.hidden = true));
// The share in the main view (two-way sharing): the customer's, or the agent's own while they share.
const inView = createShareInView({ video, overlay }, () => link?.ownDrawings ?? null, toolbar.settings,
  (m) => void link?.send(m), newId);

// Freeze and snapshots: while frozen the share's overlay maps through the still's crop, not the live one.
let liveGeometry: CropGeometry | null = null;
/** What the agent's own share shows of their screen, as its share view last reported. */
let ownGeometry: CropGeometry | null = null;
const frozenGeometry: Record<ShareId, CropGeometry | null> = { customer: null, agent: null };
const geometryOf = (share: ShareId) => (share === 'agent' ? ownGeometry : liveGeometry);
let snapshotApi: SnapshotApi | null = null;
const freeze = createFreezeControl({
  inView: () => inView.inView(),
  share: (id) => ({
    video: inView.stage(id).video,
    liveGeometry: () => geometryOf(id),
    drawables: (source) => (id === 'agent' ? link?.ownDrawings : link?.drawings)?.drawables(source) ?? [],
    showGeometry: (g) => {
      frozenGeometry[id] = g;
      inView.stage(id).overlay.setGeometry(g ?? geometryOf(id));
    },
  }),
  send: (msg) => link?.send(msg) ?? false,
  api: () => snapshotApi,
  saved: () => void snapshots.refresh(),
});
const snapshots = createSnapshotList(freeze.controls);
// Recording (with the customer's consent) of the share in view, links for the customer, crop requests.
const tools = createSupportTools({ videos: [video, inView.ownVideo],
  inView: () => ({ video: inView.stage(inView.inView()).video, overlay: inView.stage(inView.inView()).overlay.canvas }) },
  () => liveGeometry, newId);
// Freeze and Snapshot need a picture of the share in view.
const updateFreezeAvailable = () => freeze.setAvailable(inView.stage(inView.inView()).video.readyState >= 2);
inView.onChange(() => {
  freeze.viewChanged();
  tools.viewChanged();
  updateFreezeAvailable();
});

// The agent's own share (two-way sharing); ?pipeline=canvas forces the fallback crop pipeline, as on the customer's page.
const ownShare = createOwnSharePanel(() => link,
  (new URL(location.href).searchParams.get('pipeline') ?? 'auto') as PipelinePreference, {
    track: (track) => {
      if (!track) ownGeometry = null;
      inView.setOwn(track);
    },
    content: (shared) => {
      ownGeometry = { source: shared.source, crop: shared.crop };
      if (!frozenGeometry.agent) inView.stage('agent').overlay.setGeometry(ownGeometry);
    },
  });

const presence = createPresence((p) => {
  const session = current;
  if (!session) return Promise.reject(new Error(t('agent.noSession')));
  return api.removeParticipant(session.room.roomId, p.id, session.room.token);
});
// View-only links for supervisors: the observer's rejoin credential only (their token stays here, unused).
const observers = createObserverInvites(async () => {
  const session = current;
  if (!session || session.ended) throw new Error(t('agent.noSession'));
  const o = await api.addObserver(session.room.roomId, session.room.token);
  if (!o.participantId || !o.rejoinCredential) throw new Error(t('agent.noCredential'));
  return { participantId: o.participantId, link: observerLink(window.location.origin, o.rejoinCredential) };
}, (participantId) => {
  const session = current;
  if (!session) return Promise.reject(new Error(t('agent.noSession')));
  return api.removeParticipant(session.room.roomId, participantId, session.room.token);
});
// The customer as the protocol says they are, in words over the video.
let customerView: CustomerView = NO_CUSTOMER;
// A message a socket refused (a drawing the room has no space for, too much at once), said for a while.
const socketProblem = createNotice('socket-problem');
// Shown over the video (silently: it appears and disappears); each new sentence is said by the page's live region.
const customerState = h('p', { class: 'customer-state', 'data-testid': 'customer-state' });
announcer();
const tellCustomer = (signal: CustomerSignal) => {
  customerView = reduceCustomer(customerView, signal);
  customerState.dataset.phase = customerView.phase;
  const label = customerLabel(customerView);
  if (label !== customerState.textContent) announce(label);
  customerState.textContent = label;
  customerState.hidden = customerState.textContent === '';
  // A new share (or the picture stopping) waits for the next real frame. Not on peer-away: a frame still in flight
  // from the page that just went would read as sharing (the reducer ignores frames while the page says it does
  // not share).
  if (signal.type === 'media-muted' || signal.type === 'share' || (signal.type === 'present' && signal.resumed)) {
    watchFrames();
  }
};
tellCustomer({ type: 'reset' });
// "Sharing" only once a frame has really arrived (not when the stream object or ICE says so).
const watchFrames = () => video.requestVideoFrameCallback(() => tellCustomer({ type: 'frames' }));
freeze.setAvailable(false);
for (const v of [video, inView.ownVideo]) {
  v.addEventListener('loadeddata', updateFreezeAvailable);
  v.addEventListener('emptied', updateFreezeAvailable);
}

/** Why the console's session ended, in the panel (the reason the host page gets too). */
const ENDED_TEXT: Partial<Record<SessionEndedReason, MessageKey>> = {
  ended: 'agent.endedByYou',
  'ended-elsewhere': 'agent.endedElsewhere',
  expired: 'agent.endedExpired',
};

/** sessionStorage key: the room this tab's console runs, so a reload goes back to it. */
const CURRENT_ROOM_STORAGE = 'coview.agentRoom';
// The session this console runs: ended once (by the button, by the service, or by starting another one).
let current: { room: CreatedRoom; ended: boolean; endRequested: boolean } | null = null;
const endCurrent = (reason: SessionEndedReason) => {
  if (!current || current.ended) return;
  current.ended = true;
  endButton.hidden = true;
  storage.removeItem(CURRENT_ROOM_STORAGE);
  // Nothing of the dead session stays: no video, no drawings, no participants, no tools that need a session.
  ownShare.setAvailable(false);
  link?.leave();
  link = null;
  video.srcObject = null;
  empty.hidden = false;
  liveGeometry = null;
  overlay.setGeometry(null);
  overlay.repaint();
  freeze.reset();
  tools.endRoom();
  observers.setSession(false);
  presence.setParticipants([]);
  presence.setState('offline');
  tellCustomer({ type: 'reset' });
  customerState.hidden = true;
  sessionPanel?.ended(t(ENDED_TEXT[reason] ?? 'agent.ended'));
  notifyHost('session.ended', { roomId: current.room.roomId, reason });
};
const endButton = h('button', { type: 'button', class: 'danger', 'data-testid': 'end-session', hidden: true,
  onclick: () => {
    const ending = current;
    if (!ending || ending.ended) return;
    endButton.disabled = true;
    // The service closes the sockets (room ended) possibly before its answer arrives: still ended by the agent.
    ending.endRequested = true;
    api.endRoom(ending.room.roomId, ending.room.token).then(() => endCurrent('ended'),
      () => (ending.endRequested = false)).finally(() => (endButton.disabled = false));
  } }, t('agent.endSession'));

function startSession(room: CreatedRoom): void {
  endCurrent('replaced');
  link?.leave();
  presence.setParticipants([]);
  const session = { room, ended: false, endRequested: false };
  current = session;
  storage.setItem(CURRENT_ROOM_STORAGE, room.roomId);
  endButton.hidden = false;
  notifyHost('session.started', { roomId: room.roomId, joinCode: room.joinCode });
  const seen = new Set<string>();
  liveGeometry = null;
  tellCustomer({ type: 'reset' });
  snapshotApi = new SnapshotApi(room.roomId, () => room.token);
  freeze.reset();
  snapshots.setApi(snapshotApi, room.participantId);
  tools.startRoom(room);
  observers.setSession(true);
  joinAsAgent(api, room, {
    state: (s, close) => {
      if (current !== session) return;
      // Reconnecting after the service closed the socket: its close code in words (CoView restarting, too much sent…).
      presence.setState(s === 'closed' ? 'offline' : s, s === 'reconnecting' && close ? socketCloseWords(close.code) : undefined);
      // Closed for good by the service (room ended or expired) while still this console's session: the close says why.
      if (s === 'closed') endCurrent(sessionEndedReason(endReasonOf(close), 'agent', session.endRequested));
    },
    participants: (list, selfId) => {
      if (current !== session) return;
      presence.setParticipants(list, selfId);
      for (const p of list) {
        if (p.id === selfId || seen.has(p.id)) continue;
        seen.add(p.id);
        notifyHost('participant.joined', { participantId: p.id, role: p.role });
      }
    },
    crop: (geometry) => {
      liveGeometry = geometry;
      if (!frozenGeometry.customer) overlay.setGeometry(geometry);
    },
    // Attached before the customer shares (nothing shows yet, the hint stays until 'loadeddata'): the player is
    // running when the first frame arrives. Setting srcObject again, even to the same stream, would restart it.
    earlyVideo: (stream) => {
      if (current === session && !video.srcObject) video.srcObject = stream;
    },
    video: (stream) => {
      if (current !== session) return;
      if (video.srcObject !== stream) video.srcObject = stream;
      empty.hidden = stream !== null;
      if (stream) watchFrames();
    },
    customer: (signal) => {
      if (current === session) tellCustomer(signal);
    },
    problem: (words) => {
      if (current === session) socketProblem.say(words);
    },
  }).then((l) => {
    if (current !== session) {
      l.leave();
      return;
    }
    link = l;
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
    let pending: { referenceId: string; url: string } | null = null;
    l.room.onRoomState((s) => (pending = s.reference ? { referenceId: s.reference.eventId, url: s.reference.url } : null));
    l.room.on('reference.push', (e, envelope) => (pending = { referenceId: envelope.eventId, url: e.url }));
    l.room.on('reference.answer', (e) => {
      notifyHost('reference.answered', { roomId: room.roomId, ...pending, answer: e.accepted ? 'opened' : 'declined' });
      pending = null;
    });
    l.room.on('snapshot.saved', (e) => {
      void snapshots.refresh();
      notifyHost('snapshot.saved', { roomId: room.roomId, snapshotId: e.snapshotId,
        url: `/api/rooms/${room.roomId}/snapshots/${e.snapshotId}/flattened` });
    });
  }, () => presence.setState('offline'));
}

// The session panel: with the identity provider's sign-in when room-service names one (finishing a sign-in
// when the provider just sent the browser back here), else with the agent key alone.
const sessionSlot = h('div', {});
let sessionPanel: SessionPanel | null = null;
void (async () => {
  let signIn: AgentSignIn | null = null;
  let signInError = '';
  try {
    const config = await api.config();
    if (config.signIn) {
      signIn = new AgentSignIn(config.signIn, { fetch: fetch.bind(globalThis), storage,
        navigate: (url) => window.location.assign(url),
        replaceUrl: (url) => window.history.replaceState(null, '', url) });
      await signIn.complete(window.location.href);
    }
  } catch (e) {
    signInError = e instanceof SignInError ? e.message : '';
  }
  const panel = createSessionPanel(api, storage, startSession, signIn, signInError, () => roomContext);
  sessionPanel = panel;
  sessionSlot.replaceWith(panel.element);
  await restore(panel).catch((e: Error) => console.warn(`the earlier session could not be restored: ${e.message}`));
})();

/**
 * After a reload: the room this tab ran, if it is still live, as the same agent (a new token from room-service,
 * with the sign-in or agent key this tab keeps). The customer's video comes back when their side offers again.
 */
async function restore(panel: SessionPanel): Promise<void> {
  const roomId = storage.getItem(CURRENT_ROOM_STORAGE);
  const auth = panel.agentAuth();
  if (!roomId || !auth) return;
  const live = (await api.activeRooms(auth)).find((r) => r.roomId === roomId);
  if (!live) {
    storage.removeItem(CURRENT_ROOM_STORAGE);
    return;
  }
  const token = await api.agentToken(auth, roomId);
  const room: CreatedRoom = { roomId, participantId: live.agentId, joinCode: live.joinCode ?? '',
    inviteUrl: live.inviteUrl ?? '', expiresAt: live.expiresAt, token: token.token };
  panel.showRoom(room, true);
  startSession(room);
}

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
        customerState, freeze.badge,
        tools.badge, mediaHud.element),
      ownShare.stage),
    h('aside', { class: 'side', 'aria-label': t('agent.sideLabel') }, sessionSlot, presence.list, ownShare.controls,
      snapshots.element, ...tools.cards,
      observers.element,
      h('div', { class: 'row' }, endButton)))));
