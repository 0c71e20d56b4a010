/**
 * The agent's own share (two-way sharing), from the console's Share button on: a send-only connection to the
 * customer made when the agent first opens the screen picker (not ahead of it, as the customer's are: most sessions
 * never need one; but while the agent picks a screen, ICE and DTLS get done, so the share's first frame does not
 * wait for them) and kept for the next share; the phase (`share`) for signaling, which tells the customer (`peer-share`) and publishes
 * share.started/stopped; and what the room keeps of it for the customer's page — the crop (so that drawings on it
 * land on the same content), masks and pause — as annotation messages with `shareId: "agent"`, sent only when they
 * change and again after every reconnect of the annotation socket.
 */
import type { AnnotationClient } from '../annotations/annotationClient';
import { cropToWire, masksToWire } from '../annotations/wire';
import type { Rect, Size } from '../crop/geometry';
import type { Peer } from '../generated/signal';
import { type PeerDeps, SharerPeers, viewersOfAgent } from '../signaling/peers';
import type { SignalingClient } from '../signaling/signalingClient';
import { SharePhaseReport } from './sharePhaseReport';

/** What the share shows of its source, as the share view reports it after every change. */
export interface SharedContent {
  source: Size;
  crop: Rect;
  masks: readonly Rect[];
  paused: boolean;
}

export interface AgentShare {
  /** The browser's screen picker is open. */
  choosing(): void;
  /** The picker closed without a share. */
  pickerClosed(): void;
  /** Starts sending {@code track} (the cropped, masked output) to the customer. */
  share(track: MediaStreamTrack): void;
  /** What is shared changed (crop, masks, pause). */
  publish(shared: SharedContent): void;
  /** Stops sending; the connection stays for the next share. */
  unshare(): void;
  close(): void;
}

const SHARE_ID = 'agent' as const;

export function createAgentShare(signaling: Pick<SignalingClient, 'on' | 'send'>,
                                 annotations: Pick<AnnotationClient, 'onRoomState' | 'send'>,
                                 deps: PeerDeps, present: () => readonly Peer[]): AgentShare {
  const phase = new SharePhaseReport((m) => signaling.send(m));
  let peers: SharerPeers | null = null;
  let sharing = false;
  let latest: SharedContent | null = null;
  let sent = { crop: '', masks: '', paused: false };
  const publish = (shared: SharedContent, force: boolean) => {
    latest = shared;
    peers?.setCropSize({ w: shared.crop.w, h: shared.crop.h });
    if (!sharing) return;
    phase.running(shared.paused);
    const crop = { ...cropToWire(shared.crop, shared.source), shareId: SHARE_ID };
    const masks = masksToWire(shared.masks, shared.source);
    const next = { crop: JSON.stringify(crop), masks: JSON.stringify(masks), paused: shared.paused };
    if (force || next.crop !== sent.crop) annotations.send(crop);
    if (force || next.masks !== sent.masks) annotations.send({ type: 'masks', rects: masks, shareId: SHARE_ID });
    if (force || next.paused !== sent.paused) annotations.send({ type: 'pause', on: shared.paused, shareId: SHARE_ID });
    sent = next;
  };
  // A new signaling socket learns the phase again; a new annotation socket the share's content.
  signaling.on('welcome', () => phase.resend());
  annotations.onRoomState((st) => {
    sent = { ...sent, paused: st.shares?.agent?.paused ?? false };
    if (latest && sharing) publish(latest, true);
  });
  return {
    choosing: () => {
      peers ??= new SharerPeers(signaling, null, deps, present(), viewersOfAgent);
      phase.choosing();
    },
    pickerClosed: () => phase.pickerClosed(),
    share: (track) => {
      sharing = true;
      peers ??= new SharerPeers(signaling, null, deps, present(), viewersOfAgent);
      void peers.setTrack(track);
      phase.running(latest?.paused ?? false);
      if (latest) publish(latest, true);
    },
    publish: (shared) => publish(shared, false),
    unshare: () => {
      sharing = false;
      latest = null;
      sent = { crop: '', masks: '', paused: sent.paused };
      void peers?.setTrack(null);
      phase.stopped();
    },
    close: () => {
      sharing = false;
      peers?.close();
      peers = null;
    },
  };
}
