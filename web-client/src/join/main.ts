// Entry point of the customer's page: join (code or invite link) → consent → live share. Each step lives in
// ui/customer/; this file only sequences them.
import '../ui/theme.css';
import { CaptureFailed, startCapture } from '../capture/capture';
import type { PipelinePreference } from '../crop/choosePipeline';
import { type CustomerLink, joinRoomLink } from '../session/customerLink';
import { credentialFromUrl, type JoinCredential, type JoinedRoom, RoomApi } from '../session/roomApi';
import { h, replaceChildren } from '../ui/dom';
import { consentPanel } from '../ui/customer/consent';
import { joinForm } from '../ui/customer/joinForm';
import { createShareView, type ShareView } from '../ui/customer/shareView';
import { notifyHost, startBridge } from '../embed/bridge';
import { FreezeTracker } from '../media/freezeSync';
import { SnapshotApi } from '../media/snapshotApi';
import { createFrozenView } from '../ui/customer/frozenView';
import { attachCropRequestPrompt } from '../ui/customer/cropRequestPrompt';
import { attachRecordingConsent } from '../ui/customer/recordingConsent';
import { attachReferencePrompt } from '../ui/customer/referencePrompt';

// Embedded by the CoView widget: read embed/parentOrigin now, before the address is cleaned up below.
startBridge('customer');
const app = document.getElementById('app')!;
const api = new RoomApi();
const url = new URL(location.href);
// Diagnostics (and the browser tests): ?pipeline=canvas forces the fallback crop pipeline.
const prefer = (url.searchParams.get('pipeline') ?? 'auto') as PipelinePreference;

const topbar = h('header', { class: 'topbar' }, h('span', { class: 'brand' }, 'CoView'),
  h('span', { class: 'muted' }, 'Live support'));
const main = h('main', { class: 'page', id: 'main' });
app.replaceWith(h('div', { id: 'app' }, topbar, main));

async function join(credential: JoinCredential): Promise<void> {
  const room = await api.joinRoom(credential);
  // The credential is spent: keep it out of the address bar and history.
  history.replaceState(null, '', location.pathname + (prefer !== 'auto' ? `?pipeline=${prefer}` : ''));
  // Signaling from joining on, so the agent sees the customer arrive; media only once they share.
  const link = joinRoomLink(api, room);
  link.catch(() => undefined);
  // The agent's requests (consent to record, a link, adjusting the crop) may come at any time from joining on.
  void link.then((l) => {
    topbar.append(attachRecordingConsent(l.room).indicator);
    attachReferencePrompt(l.room);
    attachCropRequestPrompt(l.room);
  }, () => undefined);
  // Followed from joining on: the room's state (a freeze already on) arrives long before the customer shares.
  const freeze = link.then((l) => new FreezeTracker(l.room));
  freeze.catch(() => undefined);
  notifyHost('session.started', { roomId: room.roomId });
  let ended = false;
  void link.then((l) => l.onStatus((s) => {
    // 'offline' is the signaling socket closed for good: the room ended or expired.
    if (s.state !== 'offline' || ended) return;
    ended = true;
    notifyHost('session.ended', { roomId: room.roomId, reason: 'closed' });
  }), () => undefined);
  showConsent(room, link, freeze);
}

function showConsent(room: JoinedRoom, link: Promise<CustomerLink>, freeze: Promise<FreezeTracker>): void {
  replaceChildren(main, consentPanel(async (button, error) => {
    button.disabled = true;
    error.textContent = '';
    performance.mark('coview:share');
    let view: ShareView | null = null;
    let unsubscribe = () => {};
    let unfollowFreeze = () => {};
    const stop = () => {
      unsubscribe();
      unfollowFreeze();
      void link.then((l) => l.unshare(), () => undefined);
      view?.dispose();
      showConsent(room, link, freeze);
    };
    try {
      const capture = await startCapture(navigator.mediaDevices, stop);
      const shown = createShareView(capture, prefer, stop, (shared) => {
        void link.then((l) => l.publish(shared), () => undefined);
      });
      view = shown;
      replaceChildren(main, shown.element);
      void shown.pipeline.firstFrame.then(() => performance.mark('coview:first-frame'));
      link.then((l) => {
        unsubscribe = l.onStatus((s) => shown.setStatus(s.state, s.text));
        l.share(shown.pipeline.output);
        shown.showAnnotations(l.drawings);
        // While the agent has frozen the frame, the preview shows that very snapshot with their drawings.
        const frozen = createFrozenView(new SnapshotApi(room.roomId, () => room.token), l.drawings);
        shown.element.querySelector('[data-testid=preview]')?.append(frozen.element);
        void freeze.then((t) => {
          const unfollow = t.subscribe(frozen.follow);
          unfollowFreeze = () => {
            unfollow();
            frozen.dispose();
          };
        });
      }, () => shown.setStatus('offline', 'CoView cannot be reached: your agent cannot see your screen yet'));
    } catch (e) {
      error.textContent = e instanceof CaptureFailed ? e.message : 'Your screen could not be shared. Please try again.';
      button.disabled = false;
    }
  }));
}

const fromLink = credentialFromUrl(url);
if (fromLink) {
  join(fromLink).catch((e: Error) => {
    replaceChildren(main, joinForm(join));
    main.prepend(h('p', { class: 'error', role: 'alert' }, `${e.message} You can type the code instead.`));
  });
} else {
  replaceChildren(main, joinForm(join));
}
