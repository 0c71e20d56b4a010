/**
 * The agent's share as the customer's page receives it (two-way sharing): the agent offers, this page answers
 * (ViewerPeers, on connections of their own: the customer's share is not touched), and the room tells what the
 * agent's video shows of their screen (`crop` with `shareId: "agent"`, in the state's `shares.agent` on every
 * connect) so that drawings on it land on the agent's content, and the drawings on it (a RoomDrawings of that share).
 */
import type { AnnotationClient } from '../annotations/annotationClient';
import type { CropGeometry } from '../annotations/mapping';
import { RoomDrawings, shareOf } from '../annotations/roomDrawings';
import { cropFromWire } from '../annotations/wire';
import { type PeerDeps, ViewerPeers } from '../signaling/peers';
import type { SignalingClient } from '../signaling/signalingClient';
import { Watched } from './watched';

/** What the page shows of the agent's share. */
export interface IncomingShareView {
  /** The agent's video while it flows; null before, and once their share stopped or they left. */
  stream: MediaStream | null;
  /** What their video shows of their screen; null until the room said. */
  geometry: CropGeometry | null;
  /** Their share's phase as their console reports it (sharing, paused, stopped…); null before any. */
  phase: string | null;
}

export class IncomingShare {
  readonly drawings: RoomDrawings;
  private readonly view = new Watched<IncomingShareView>({ stream: null, geometry: null, phase: null });
  private readonly peers: ViewerPeers;
  private agentIds = new Set<string>();
  /** The stream of the connection from the agent: it outlives a stopped share (the next share reuses it). */
  private received: MediaStream | null = null;

  constructor(signaling: Pick<SignalingClient, 'on' | 'send'>, annotations: Pick<AnnotationClient, 'on' | 'onRoomState'>,
              deps: PeerDeps, selfId: string, now: () => number) {
    this.drawings = new RoomDrawings(selfId, now, 'agent');
    this.peers = new ViewerPeers(signaling, deps, (_from, stream) => {
      this.received = stream;
      this.set({ stream });
    }, () => undefined, (p) => p.role === 'agent');
    signaling.on('welcome', (m) => (this.agentIds = new Set(m.peers.filter((p) => p.role === 'agent').map((p) => p.id))));
    signaling.on('peer-joined', (m) => m.peer.role === 'agent' && this.agentIds.add(m.peer.id));
    signaling.on('peer-share', (m) => {
      if (!this.agentIds.has(m.id)) return;
      // A stopped share leaves its last frame in the video element: the page stops showing it at once, and shows
      // the same connection's stream again when the agent shares anew.
      const running = m.phase === 'sharing' || m.phase === 'paused';
      this.set({ phase: m.phase, stream: running ? this.received : null });
    });
    annotations.onRoomState((st) => {
      this.drawings.applyState(st);
      const crop = st.shares?.agent?.crop;
      this.set({ geometry: crop ? cropFromWire(crop) : null });
    });
    annotations.on('crop', (c) => shareOf(c) === 'agent' && this.set({ geometry: cropFromWire(c) }));
    for (const type of ['pointer', 'pointer.hide', 'ink', 'stroke', 'shape', 'erase', 'undo', 'redo', 'clear'] as const) {
      annotations.on(type, (_e, envelope) => this.drawings.applyEvent(envelope));
    }
  }

  /** The agent's share phase as their console last reported it (null before any). */
  phase(): string | null {
    return this.view.value!.phase;
  }

  /** The view now, and after every change until the returned function is called. */
  subscribe(listener: (v: IncomingShareView) => void): () => void {
    return this.view.subscribe(listener);
  }

  close(): void {
    this.peers.close();
  }

  private set(change: Partial<IncomingShareView>): void {
    this.view.set({ ...this.view.value!, ...change });
  }
}
