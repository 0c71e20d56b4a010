/**
 * The customer's live link to the room, from joining on: signaling (so the agent sees them arrive), one
 * send-only peer connection per viewer made ahead of any share, and while sharing the track on them; where the
 * customer is in sharing (`share` with its phase: consent, choosing, sharing, paused, stopped) goes to signaling at
 * every change, which tells the agent at once (`peer-share`), and again after every reconnect.
 */
import type { AnnotationClient } from '../annotations/annotationClient';
import { RoomDrawings } from '../annotations/roomDrawings';
import { cropToWire, masksToWire } from '../annotations/wire';
import type { Rect, Size } from '../crop/geometry';
import type { RestoredShare } from '../ui/customer/shareState';
import type { Peer } from '../generated/signal';
import { SharerPeers } from '../signaling/peers';
import { browserPeerDeps, connectAnnotations, connectSignaling } from './connect';
import type { JoinedRoom, RoomApi } from './roomApi';
import { AGENT_UNKNOWN, agentPhase, type AgentSignal, agentPresence, type AgentView, type EndReason, reduceAgent,
  shareStatus, type StatusTone } from './agentView';
import { SharePhaseReport } from './sharePhaseReport';
import { tokenSubject } from './tokenSubject';
import { type SharePolicy, sharePolicyOf } from './sharePolicy';
import { IncomingShare } from './incomingShare';
import { socketErrorWords } from '../i18n/socketWords';
import { Watched } from './watched';

/** What the customer's page says about the link: the agent's presence and the share, in words; why it ended. */
export interface LinkStatus {
  presence: { state: StatusTone; text: string };
  share: { state: StatusTone; text: string };
  /** Set when the signaling socket closed for good (the room ended or expired, the customer left, was removed…). */
  ended: EndReason | null;
  /** The agent is gone for good (said bye, or not back within the resume grace): their page records nothing. */
  agentGone: boolean;
}

export interface CustomerLink {
  /** The agent's drawings and pointer, as annotation-service states them (shown over the preview). */
  readonly drawings: RoomDrawings;
  /** The agent's own share (two-way sharing): their video, its crop geometry, the drawings on it. */
  readonly theirShare: IncomingShare;
  /** Who may share in the room (one-at-a-time: not while the agent's share runs). */
  readonly sharePolicy: SharePolicy;
  /** Starts sending the (cropped) track to every viewer, now and as they come. */
  share(track: MediaStreamTrack): void;
  /** Stops sending; the customer stays in the room. */
  unshare(): void;
  /** The customer reads the consent step (nothing shared yet). */
  consent(): void;
  /** The browser's screen picker is open; {@link pickerClosed} if it closes without a share. */
  choosing(): void;
  /** The picker closed without a share (cancelled, refused): back to where the customer was. */
  pickerClosed(): void;
  /**
   * Tells the room what is shared (annotation-service keeps it as state for late joiners): the crop, so that
   * the agent's drawings stay on the same content; the masks and the pause as flags.
   */
  publish(shared: { source: Size; crop: Rect; masks: readonly Rect[]; paused: boolean }): void;
  /** The room's state, events by type and sending, for features beyond sharing (consent, references, crop requests). */
  readonly room: Pick<AnnotationClient, 'on' | 'onRoomState' | 'send'>;
  /** The latest status, and every change from now on, until the returned function is called. */
  onStatus(listener: (s: LinkStatus) => void): () => void;
  /** The share the room remembers (crop, masks, pause), once its state has arrived; null before. */
  remembered(): Promise<RestoredShare>;
  /** Everybody else in the room (agent, observers), now and after every change, until the returned function is called. */
  onPeople(listener: (people: readonly Peer[], joined: Peer | null) => void): () => void;
  /** A message a socket refused, in the customer's words (the code went to the console), from now on. */
  onProblem(listener: (words: string) => void): void;
  /** Closes every connection (the session ended). */
  close(): void;
  /** The customer leaves: the agent is told at once (bye), and the status ends with reason `left`. */
  leave(): void;
}

export async function joinRoomLink(api: RoomApi, room: JoinedRoom): Promise<CustomerLink> {
  const config = await api.config();
  let view: AgentView = AGENT_UNKNOWN;
  const statusOf = (v: AgentView): LinkStatus => ({ presence: agentPresence(v), share: shareStatus(v),
    ended: v.endReason, agentGone: agentPhase(v) === 'left' });
  const status = new Watched<LinkStatus>(statusOf(view));
  const tell = (e: AgentSignal) => {
    view = reduceAgent(view, e);
    const next = statusOf(view);
    const now = status.value!;
    if (next.presence.text === now.presence.text && next.share.text === now.share.text
      && next.ended === now.ended) return;
    status.set(next);
  };
  const client = connectSignaling(config, room.token, (s, close) => tell({ type: 'socket', state: s, close }));
  const annotations = connectAnnotations(config, room.token);
  // Where the customer is in sharing, for the agent's words (a pause reaches them through signaling, not through
  // the durable annotation log).
  const phase = new SharePhaseReport((m) => client.send(m));
  // What the room last said (state) or was last told, so that only changes are sent (a drag produces a crop per
  // animation frame) and a reconnect does not announce a pause twice (share.paused is a session event).
  let published = { crop: '', masks: '', paused: false };
  let latest: Parameters<CustomerLink['publish']>[0] | null = null;
  const publish = (shared: Parameters<CustomerLink['publish']>[0], force = false) => {
    latest = shared;
    peers.setCropSize({ w: shared.crop.w, h: shared.crop.h });
    const crop = cropToWire(shared.crop, shared.source);
    const masks = masksToWire(shared.masks, shared.source);
    roomShare = { crop: { x: crop.x, y: crop.y, w: crop.w, h: crop.h }, masks, paused: shared.paused };
    if (sharing) phase.running(shared.paused);
    const next = { crop: JSON.stringify(crop), masks: JSON.stringify(masks), paused: shared.paused };
    if (force || next.crop !== published.crop) annotations.send(crop);
    if (force || next.masks !== published.masks) annotations.send({ type: 'masks', rects: masks });
    if (next.paused !== published.paused) annotations.send({ type: 'pause', on: shared.paused });
    published = next;
  };
  // The share as the room knows it (its state on every connect, then what this page sent): a re-share or a
  // reload starts from it, so crop and masks are in place before the first new frame.
  let roomShare: RestoredShare = { crop: null, masks: [], paused: false };
  let stateArrived: () => void = () => undefined;
  const firstState = new Promise<void>((resolve) => (stateArrived = resolve));
  // A (re)connected socket gets the room's state first; then the current share is stated again.
  const drawings = new RoomDrawings(tokenSubject(room.token), () => performance.now());
  annotations.onRoomState((st) => {
    drawings.applyState(st);
    published = { ...published, paused: st.paused ?? false };
    roomShare = { crop: st.crop ? { x: st.crop.x, y: st.crop.y, w: st.crop.w, h: st.crop.h } : null,
      masks: st.masks ?? [], paused: st.paused ?? false };
    stateArrived();
    if (latest && sharing) publish(latest, true);
  });
  for (const type of ['pointer', 'pointer.hide', 'ink', 'stroke', 'shape', 'erase', 'undo', 'redo', 'clear'] as const) {
    annotations.on(type, (_e, envelope) => drawings.applyEvent(envelope));
  }
  const present = new Map<string, Peer>();
  const people: ((list: readonly Peer[], joined: Peer | null) => void)[] = [];
  const announce = (joined: Peer | null) => people.forEach((l) => l([...present.values()], joined));
  // ICE of the connections to the viewers: "connected" is said only once the media path to the agent is up.
  const ice = new Map<RTCPeerConnection, RTCIceConnectionState>();
  const reportIce = () => {
    const states = [...ice.values()];
    const best = states.find((st) => st === 'connected' || st === 'completed') ?? states[states.length - 1];
    if (best) tell({ type: 'ice', state: best });
  };
  const baseDeps = browserPeerDeps(api, room.token);
  const peerDeps = { ...baseDeps, createPeerConnection: (c: RTCConfiguration) => {
    const pc = baseDeps.createPeerConnection(c);
    ice.set(pc, pc.iceConnectionState);
    pc.addEventListener('iceconnectionstatechange', () => {
      if (pc.iceConnectionState === 'closed') ice.delete(pc);
      else ice.set(pc, pc.iceConnectionState);
      reportIce();
    });
    return pc;
  } };
  // The connections to the viewers are made from joining on (pre-warmed), so that a share only puts its track
  // on them: the agent's first frame does not wait for ICE and DTLS.
  const peers = new SharerPeers(client, null, peerDeps);
  // The agent's share comes on connections of its own (their ICE is not the customer's share's status).
  const theirShare = new IncomingShare(client, annotations, baseDeps, tokenSubject(room.token), () => performance.now());
  let sharing = false;
  client.on('welcome', (m) => {
    present.clear();
    m.peers.forEach((p) => present.set(p.id, p));
    tell({ type: 'peers', peers: m.peers });
    announce(null);
    phase.resend();
  });
  client.on('peer-joined', (m) => {
    const isNew = !present.has(m.peer.id) && !m.resumed;
    present.set(m.peer.id, m.peer);
    tell({ type: 'joined', peer: m.peer });
    announce(isNew ? m.peer : null);
  });
  client.on('peer-away', (m) => tell({ type: 'away', id: m.id }));
  client.on('peer-left', (m) => {
    present.delete(m.id);
    tell({ type: 'left', id: m.id, reason: m.reason ?? 'lost' });
    announce(null);
  });
  const problems: ((words: string) => void)[] = [];
  const problem = (e: { code: string; message?: string }) => {
    const words = socketErrorWords(e.code, e.message);
    problems.forEach((l) => l(words));
  };
  client.on('error', problem);
  annotations.onError(problem);
  const close = () => {
    sharing = false;
    peers.close();
    theirShare.close();
    annotations.close();
    client.leave();
  };
  return {
    drawings,
    theirShare,
    sharePolicy: sharePolicyOf(config),
    room: annotations,
    share: (track) => {
      sharing = true;
      void peers.setTrack(track);
      phase.running(latest?.paused ?? roomShare.paused);
      tell({ type: 'sharing', on: true });
    },
    unshare: () => {
      sharing = false;
      void peers.setTrack(null);
      latest = null;
      published = { crop: '', masks: '', paused: published.paused };
      phase.stopped();
      tell({ type: 'sharing', on: false });
    },
    consent: () => phase.consent(),
    choosing: () => phase.choosing(),
    pickerClosed: () => phase.pickerClosed(),
    remembered: () => firstState.then(() => roomShare),
    onPeople: (l) => {
      people.push(l);
      l([...present.values()], null);
      return () => people.splice(people.indexOf(l) >>> 0, 1);
    },
    close,
    leave: () => {
      tell({ type: 'leave' });
      close();
    },
    publish: (shared) => publish(shared),
    onProblem: (l) => void problems.push(l),
    onStatus: (l) => status.subscribe(l),
  };
}
