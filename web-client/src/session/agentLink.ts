/**
 * The agent's live link to the room: signaling, the customer's video (answering their offers) and presence; the
 * agent's own share when they share their screen (two-way sharing, agentShare.ts).
 */
import type { CropGeometry } from '../annotations/mapping';
import { RoomDrawings, shareOf } from '../annotations/roomDrawings';
import type { AnnotationClient } from '../annotations/annotationClient';
import { cropFromWire } from '../annotations/wire';
import type { ClientMessage } from '../generated/annotation';
import type { Peer } from '../generated/signal';
import { MediaHealthWatch } from '../media/mediaHealth';
import { ViewerPeers } from '../signaling/peers';
import type { SocketClose, SocketState } from '../signaling/socket';
import { browserPeerDeps, connectAnnotations, connectSignaling } from './connect';
import type { CreatedRoom, RoomApi } from './roomApi';
import type { CustomerSignal, SharePhase } from './customerView';
import type { AgentSignal } from './agentView';
import { tokenSubject } from './tokenSubject';
import { type AgentShare, createAgentShare } from './agentShare';
import { socketErrorWords } from '../i18n/socketWords';
import { IncomingShare } from './incomingShare';
import { type SharePolicy, sharePolicyOf } from './sharePolicy';

export interface AgentLinkEvents {
  /** The signaling socket; `close` says how it closed for good (why the session ended). */
  state(s: SocketState, close?: SocketClose): void;
  /** Everybody in the room, this agent included (selfId says which one that is). */
  participants(list: readonly Peer[], selfId: string): void;
  video(stream: MediaStream | null): void;
  /** The customer's stream before its first picture (a connection made ahead of the share), to attach early. */
  earlyVideo?(stream: MediaStream): void;
  /** What the customer's video shows of their screen: drawings map through it (null: not known yet). */
  crop(geometry: CropGeometry | null): void;
  /**
   * What the protocol says about the customer (presence, their share phase, the room's pause, their media), for
   * {@link reduceCustomer}.
   */
  customer(signal: CustomerSignal): void;
  /** The other participants' presence (the agent's, for an observer), for {@link reduceAgent}. */
  presence?(signal: AgentSignal): void;
  /** A message a socket refused, in the person's words (socketWords.ts; the code went to the console). */
  problem?(words: string): void;
  /**
   * The observer page: the agent's share as it receives it (two-way sharing; an agent's console has the agent's
   * own share instead).
   */
  readonly watchAgentShare?: boolean;
}

export interface AgentLink {
  /** The room's drawings and pointers on the customer's share, as annotation-service states them. */
  readonly drawings: RoomDrawings;
  /** The drawings and pointers on the agent's own share (shown over its preview while the agent shares). */
  readonly ownDrawings: RoomDrawings;
  /** The agent's own share: its phase, its connection to the customer, its crop, masks and pause. */
  readonly ownShare: AgentShare;
  /** Who may share in the room (one-at-a-time: not while the customer's share runs). */
  readonly sharePolicy: SharePolicy;
  /** The customer's share phase as their page last reported it; null when they report none. */
  customerPhase(): SharePhase | null;
  /** The agent's share as this page receives it: an observer's only ({@link AgentLinkEvents.watchAgentShare}). */
  readonly agentShare: IncomingShare | null;
  /** Sends an annotation message (a drawing, the pointer, undo, redo, clear); false while disconnected. */
  send(msg: ClientMessage): boolean;
  /** The room's state and events by type, for features beyond drawing (recording, references, crop requests). */
  readonly room: Pick<AnnotationClient, 'on' | 'onRoomState'>;
  /** The customer's video as received (getStats every second): iceConnected, framesArriving, figures, diagnosis. */
  readonly mediaHealth: MediaHealthWatch;
  leave(): void;
}

export async function joinAsAgent(api: RoomApi, room: Pick<CreatedRoom, 'token'>, on: AgentLinkEvents): Promise<AgentLink> {
  const config = await api.config();
  const client = connectSignaling(config, room.token, on.state);
  const people = new Map<string, Peer>();
  let selfId = '';
  const publish = () => on.participants([...people.values()], selfId);
  client.on('welcome', (m) => {
    selfId = m.you.id;
    people.clear();
    [m.you, ...m.peers].forEach((p) => people.set(p.id, p));
    publish();
    if (m.peers.some((p) => p.role === 'customer')) on.customer({ type: 'present', resumed: false });
    on.presence?.({ type: 'peers', peers: m.peers });
  });
  client.on('peer-joined', (m) => {
    people.set(m.peer.id, m.peer);
    publish();
    if (m.peer.role === 'customer') on.customer({ type: 'present', resumed: m.resumed });
    on.presence?.({ type: 'joined', peer: m.peer });
  });
  client.on('peer-away', (m) => {
    if (people.get(m.id)?.role === 'customer') on.customer({ type: 'away' });
    on.presence?.({ type: 'away', id: m.id });
  });
  // Where the customer is in sharing, as their page reports it (at every change, and right after each welcome).
  let customerPhase: SharePhase | null = null;
  let streamFlowing = false;
  let health: MediaHealthWatch | null = null;
  // A missing picture is news once the customer's page says it shares (or, for a page that reports no phase,
  // once its stream flowed).
  const followSharing = () => health?.setSharing(customerPhase === 'sharing'
    || (customerPhase === null && streamFlowing));
  client.on('peer-share', (m) => {
    if (people.get(m.id)?.role !== 'customer') return;
    customerPhase = m.phase;
    followSharing();
    on.customer({ type: 'share', phase: m.phase });
  });
  client.on('peer-left', (m) => {
    if (people.get(m.id)?.role === 'customer') {
      customerPhase = null;
      followSharing();
      on.customer({ type: 'left', reason: m.reason ?? 'lost' });
    }
    on.presence?.({ type: 'left', id: m.id, reason: m.reason ?? 'lost' });
    people.delete(m.id);
    publish();
  });
  const annotations = connectAnnotations(config, room.token);
  annotations.onError((e) => on.problem?.(socketErrorWords(e.code, e.message)));
  client.on('error', (e) => on.problem?.(socketErrorWords(e.code, e.message)));
  const drawings = new RoomDrawings(tokenSubject(room.token), () => performance.now());
  const ownDrawings = new RoomDrawings(tokenSubject(room.token), () => performance.now(), 'agent');
  annotations.onRoomState((st) => {
    on.crop(st.crop ? cropFromWire(st.crop) : null);
    on.customer({ type: 'paused', on: st.paused ?? false });
    drawings.applyState(st);
    ownDrawings.applyState(st);
  });
  // The customer's share's crop and pause; the agent's own come from this page.
  annotations.on('pause', (p) => shareOf(p) === 'customer' && on.customer({ type: 'paused', on: p.on }));
  for (const type of ['pointer', 'pointer.hide', 'ink', 'stroke', 'shape', 'erase', 'undo', 'redo', 'clear'] as const) {
    annotations.on(type, (_e, envelope) => {
      drawings.applyEvent(envelope);
      ownDrawings.applyEvent(envelope);
    });
  }
  annotations.on('crop', (c) => shareOf(c) === 'customer' && on.crop(cropFromWire(c)));
  // The customer's media as it really is: ICE of the connection, and the video track muting (their share stopped
  // or their page went).
  const base = browserPeerDeps(api, room.token);
  const deps = { ...base, createPeerConnection: (c: RTCConfiguration) => {
    const pc = base.createPeerConnection(c);
    pc.addEventListener('iceconnectionstatechange', () => on.customer({ type: 'ice', state: pc.iceConnectionState }));
    pc.addEventListener('track', (e) => {
      e.track.addEventListener('mute', () => on.customer({ type: 'media-muted' }));
    });
    return pc;
  } };
  const peers = new ViewerPeers(client, deps, (_from, stream) => {
    streamFlowing = stream !== null;
    followSharing();
    on.video(stream);
  }, (_from, stream) => on.earlyVideo?.(stream));
  health = new MediaHealthWatch(() => peers.current());
  const ownShare = createAgentShare(client, annotations, base,
    () => [...people.values()].filter((p) => p.id !== selfId));
  const agentShare = on.watchAgentShare
    ? new IncomingShare(client, annotations, base, tokenSubject(room.token), () => performance.now()) : null;
  const mediaHealth = health;
  followSharing();
  const polling = window.setInterval(() => void mediaHealth.poll().catch(() => undefined), 1000);
  return {
    drawings,
    ownDrawings,
    ownShare,
    agentShare,
    sharePolicy: sharePolicyOf(config),
    customerPhase: () => customerPhase,
    send: (msg) => annotations.send(msg),
    room: annotations,
    mediaHealth,
    leave: () => {
      window.clearInterval(polling);
      ownShare.close();
      agentShare?.close();
      peers.close();
      annotations.close();
      client.leave();
    },
  };
}
