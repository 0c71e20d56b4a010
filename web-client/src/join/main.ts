// Entry point of the customer's page: join (code or invite link) or rejoin (this device's credential) → consent →
// live share → ended. Each step lives in ui/customer/, the session's state in session/customerSession.ts; this
// file only sequences them.
import '../ui/theme.css';
import { CaptureFailed, startCapture } from '../capture/capture';
import type { PipelinePreference } from '../crop/choosePipeline';
import { warmCropWorker } from '../crop/workerPipeline';
import { endedText, type EndReason } from '../session/agentView';
import { type CustomerLink, joinRoomLink } from '../session/customerLink';
import { CustomerSession } from '../session/customerSession';
import { localStorageOrNull, RejoinStore } from '../session/rejoinStore';
import { shareRefusal } from '../session/sharePolicy';
import { credentialFromUrl, type JoinCredential, type JoinedRoom, RoomApi } from '../session/roomApi';
import { h, replaceChildren } from '../ui/dom';
import { consentPanel } from '../ui/customer/consent';
import { joinForm } from '../ui/customer/joinForm';
import { createShareView, type ShareView } from '../ui/customer/shareView';
import { createViewerList } from '../ui/customer/viewers';
import { notifyHost, startBridge } from '../embed/bridge';
import { sessionEndedReason } from '../embed/protocol';
import { freezeOn, FreezeTracker } from '../media/freezeSync';
import { SnapshotApi } from '../media/snapshotApi';
import { createFrozenView, THEIR_SCREEN } from '../ui/customer/frozenView';
import { attachCropRequestPrompt } from '../ui/customer/cropRequestPrompt';
import { attachRecordingConsent } from '../ui/customer/recordingConsent';
import { attachReferencePrompt } from '../ui/customer/referencePrompt';
import { createTheirScreen, type TheirScreen } from '../ui/customer/theirScreen';
import { LANG_PARAM, t } from '../i18n';
import { linkLanguage, startPage } from '../i18n/pageLanguage';
import { createNotice } from '../ui/notice';
import { elementIds } from '../annotations/elementIds';

const url = new URL(location.href);
// The invite's language (kept in the address for reloads), else the browser's: before anything is built.
startPage(linkLanguage(url, navigator), 'title.join');
// Embedded by the CoView widget: read embed/parentOrigin now, before the address is cleaned up below.
startBridge('customer');
const app = document.getElementById('app')!;
const api = new RoomApi();
const rejoins = new RejoinStore(localStorageOrNull());
// Diagnostics (and the browser tests): ?pipeline=canvas forces the fallback crop pipeline.
const prefer = (url.searchParams.get('pipeline') ?? 'auto') as PipelinePreference;
/** The address without the spent credential: only what should survive a reload (pipeline, language). */
const cleaned = () => {
  const keep = new URLSearchParams();
  if (prefer !== 'auto') keep.set('pipeline', prefer);
  const lang = url.searchParams.get(LANG_PARAM);
  if (lang) keep.set(LANG_PARAM, lang);
  return location.pathname + (keep.size > 0 ? `?${keep}` : '');
};

// Leave: shown while in a session (the agent is told at once; this device forgets the way back in).
const leave = h('button', { type: 'button', class: 'leave', 'data-testid': 'leave', hidden: true }, t('join.leave'));
const topbar = h('header', { class: 'topbar' }, h('span', { class: 'brand' }, t('common.brand')),
  h('span', { class: 'muted' }, t('join.liveSupport')), h('span', { class: 'spacer' }), leave);
const main = h('main', { class: 'page', id: 'main' });
const viewers = createViewerList();
// A message a socket refused, said for a while under the page (the code goes to the console).
const socketProblem = createNotice('socket-problem');
viewers.element.hidden = true;
// The agent's screen, while they share theirs (two-way sharing), above the customer's own view.
const theirSlot = h('div', {});
app.replaceWith(h('div', { id: 'app' }, topbar, theirSlot, main, socketProblem.element, viewers.element));
// The customer's drawings on the agent's screen: `c` keeps their ids apart from the agent's of the same millisecond.
const newElementId = elementIds('c');

/** The session this page is in (session/customerSession.ts), with the link and the room's freeze it follows. */
interface Session {
  state: CustomerSession<CustomerLink, ShareView, TheirScreen>;
  room: JoinedRoom;
  link: Promise<CustomerLink>;
  freeze: Promise<FreezeTracker>;
}

async function join(credential: JoinCredential): Promise<void> {
  const room = await api.joinRoom(credential);
  // The credential is spent: keep it out of the address bar and history.
  history.replaceState(null, '', cleaned());
  enter(room, false);
}

async function rejoin(credential: string): Promise<void> {
  enter(await api.rejoin(credential), true);
}

function enter(room: JoinedRoom, rejoined: boolean): void {
  rejoins.save(room);
  // Signaling from joining on, so the agent sees the customer arrive; media only once they share.
  const link = joinRoomLink(api, room);
  link.catch(() => undefined);
  // The agent's requests (consent to record, a link, adjusting the crop) may come at any time from joining on.
  void link.then((l) => {
    const recording = attachRecordingConsent(l.room);
    topbar.append(recording.indicator);
    l.onStatus((s) => recording.agentGone(s.agentGone));
    attachReferencePrompt(l.room);
    attachCropRequestPrompt(l.room);
    viewers.element.hidden = false;
    l.onPeople(viewers.show);
    l.onProblem(socketProblem.say);
  }, () => undefined);
  // Followed from joining on: the room's state (a freeze already on) arrives long before the customer shares.
  const freeze = link.then((l) => new FreezeTracker(l.room));
  freeze.catch(() => undefined);
  notifyHost('session.started', { roomId: room.roomId });
  const session: Session = { state: new CustomerSession(room), room, link, freeze };
  void link.then((l) => {
    if (!session.state.linkUp(l)) return;
    const theirs = createTheirScreen(l.theirShare, main, (m) => l.room.send(m), newElementId);
    session.state.showTheirs(theirs);
    theirSlot.replaceChildren(theirs.element);
    // A freeze of the agent's share: its still with the drawings on it over their screen, which comes to the front.
    const frozen = createFrozenView(new SnapshotApi(room.roomId, () => room.token), l.theirShare.drawings,
      THEIR_SCREEN);
    theirs.showFrozen(frozen);
    void freeze.then((tracker) => tracker.subscribe((f) => {
      if (f.frozen && f.shareId === 'agent') theirs.front();
      frozen.follow(freezeOn(f, 'agent'));
    }));
  }, () => undefined);
  void link.then((l) => {
    // The agent reads where the customer is from here on: the consent step first.
    l.consent();
    leave.hidden = false;
    leave.onclick = () => {
      l.leave();
      end(session, l, 'left');
    };
    l.onStatus((s) => {
      viewers.status(s.presence.text);
      // The signaling socket closed for good: the room ended or expired, or this participant was removed.
      if (s.ended) end(session, l, s.ended);
    });
  }, () => undefined);
  showConsent(session, rejoined);
}

/** An end stops every capture track at once, forgets the way back in, and says why. */
function end(session: Session, link: CustomerLink, reason: EndReason): void {
  if (!session.state.end()) return;
  link.close();
  rejoins.clear();
  viewers.element.hidden = true;
  leave.hidden = true;
  notifyHost('session.ended', { roomId: session.room.roomId, reason: sessionEndedReason(reason, 'customer', false) });
  replaceChildren(main, h('section', { class: 'card center stack', 'data-testid': 'session-ended',
    'data-reason': reason },
    h('h1', {}, reason === 'left' ? t('join.endedLeft') : t('join.ended')),
    h('p', { 'data-testid': 'ended-reason' }, endedText(reason)),
    h('p', {}, t('join.endedNothingShared')),
    h('p', { class: 'muted' }, t('join.endedAskNewCode'))));
  // The panel replaces what had focus (the Stop or Leave button): a keyboard or screen-reader user starts here.
  main.querySelector<HTMLElement>('h1')?.setAttribute('tabindex', '-1');
  main.querySelector<HTMLElement>('h1')?.focus();
}

function showConsent(session: Session, rejoined: boolean): void {
  if (session.state.ended) return;
  // The crop worker loads while the customer reads: Share then only waits for the capture.
  if (prefer !== 'canvas') warmCropWorker();
  replaceChildren(main, consentPanel((button, error) => share(session, button, error), rejoined));
}

/** The Share button: the screen picker, then the customer's view of their share, which goes to the room. */
async function share(session: Session, button: HTMLButtonElement, error: HTMLElement): Promise<void> {
  const { link } = session;
  // One share at a time (the room's policy): refused while the agent's runs, saying why.
  const live = session.state.live;
  const refused = live ? shareRefusal(live.sharePolicy, live.theirShare.phase(), 'customer') : null;
  error.textContent = refused ? t(refused) : '';
  if (refused) return;
  button.disabled = true;
  performance.mark('coview:share');
  // Told before the picker opens: the agent reads "choosing a screen" while it is open.
  void link.then((l) => l.choosing(), () => undefined);
  // What follows the share once the link has it (its status, the room's freeze), let go when it stops.
  const following: (() => void)[] = [];
  const stop = () => {
    following.forEach((f) => f());
    void link.then((l) => l.unshare(), () => undefined);
    session.state.shareStopped();
    showConsent(session, false);
  };
  try {
    const capture = await startCapture(navigator.mediaDevices, stop);
    performance.mark('coview:captured');
    // What the room remembers of the last share (crop, masks, pause), applied before the first frame leaves.
    const remembered = await link.then((l) => l.remembered(), () => null);
    if (session.state.ended) {
      capture.stop();
      return;
    }
    const shown = createShareView(capture, prefer, stop, (shared) => {
      void link.then((l) => l.publish(shared), () => undefined);
    }, remembered);
    replaceChildren(main, shown.element);
    session.state.sharing(shown);
    void shown.pipeline.firstFrame.then(() => performance.mark('coview:first-frame'));
    link.then((l) => following.push(...sendShare(session, l, shown)),
      () => shown.setStatus('offline', t('join.unreachableShare')));
  } catch (e) {
    void link.then((l) => l.pickerClosed(), () => undefined);
    error.textContent = e instanceof CaptureFailed ? e.message : t('join.shareFailed');
    button.disabled = false;
  }
}

/**
 * The share goes to the room: its status, the agent's drawings over the preview, and while the agent has frozen
 * the frame, that very snapshot with their drawings over it. Returns what stops following them.
 */
function sendShare(session: Session, l: CustomerLink, shown: ShareView): (() => void)[] {
  const { room } = session;
  const unsubscribe = l.onStatus((s) => shown.setStatus(s.share.state, s.share.text));
  l.share(shown.pipeline.output);
  shown.showAnnotations(l.drawings);
  const frozen = createFrozenView(new SnapshotApi(room.roomId, () => room.token), l.drawings);
  shown.element.querySelector('[data-testid=preview]')?.append(frozen.element);
  let unfollow = () => {};
  void session.freeze.then((tracker) => (unfollow = tracker.subscribe((f) => frozen.follow(freezeOn(f, 'customer')))));
  return [unsubscribe, () => {
    unfollow();
    frozen.dispose();
  }];
}

function showForm(problem?: string): void {
  replaceChildren(main, joinForm(join));
  if (problem) main.prepend(h('p', { class: 'error', role: 'alert' }, problem));
}

// A link or typed code joins; without one, this device's rejoin credential brings the same participant back.
const fromLink = credentialFromUrl(url);
const stored = rejoins.load();
if (fromLink) {
  // The credential leaves the address bar (history, a copied URL, a screen share) once it has been read.
  history.replaceState(null, '', cleaned());
  join(fromLink).catch((e: Error) => {
    // Reopening a spent invite on the device that used it: back in as the same participant.
    if (stored) {
      rejoin(stored.credential).catch(() => {
        rejoins.clear();
        showForm(t('join.typeCodeInstead', { problem: e.message }));
      });
    } else {
      showForm(t('join.typeCodeInstead', { problem: e.message }));
    }
  });
} else if (stored) {
  rejoin(stored.credential).catch((e: Error) => {
    rejoins.clear();
    showForm(t('join.notResumed', { problem: e.message }));
  });
} else {
  showForm();
}
