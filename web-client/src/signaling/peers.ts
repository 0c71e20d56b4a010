/**
 * Peer connections over the signaling client. The customer (who has the share grant) offers one send-only
 * connection per viewer (agent, observers); viewers answer. The cropped track is added once per connection
 * and never replaced, so crop changes never renegotiate. A connection whose ICE fails restarts ICE with a new
 * offer; a `restart` from the other side does the same; `peer-left` closes it.
 */
import type { Peer } from '../generated/signal';
import type { SignalingClient } from './signalingClient';

export interface PeerDeps {
  createPeerConnection(config: RTCConfiguration): RTCPeerConnection;
  iceServers(): Promise<RTCIceServer[]>;
}

/** Wires one connection's ICE candidates and failure handling to the signaling client. */
function wireIce(pc: RTCPeerConnection, to: string, signaling: SignalingClient, onFailed: () => void): void {
  pc.onicecandidate = (e) => {
    const c = e.candidate;
    signaling.send(c
      ? { type: 'candidate', to, candidate: c.candidate, sdpMid: c.sdpMid, sdpMLineIndex: c.sdpMLineIndex,
          usernameFragment: c.usernameFragment }
      : { type: 'candidate', to, candidate: '' });
  };
  pc.oniceconnectionstatechange = () => {
    // One line per change: the first thing to read when media does not flow (no addresses, no tokens).
    console.info(`CoView peer ${to}: ICE ${pc.iceConnectionState}`);
    if (pc.iceConnectionState === 'failed') onFailed();
  };
}

/**
 * Remote ICE candidates per peer, held until that peer's connection has its remote description: candidates
 * trickle in right behind the offer, while the connection is still being created (ICE servers are fetched
 * first) or is applying the description, and addIceCandidate would reject them then.
 */
export class CandidateQueue {
  private readonly pending = new Map<string, RTCIceCandidateInit[]>();
  private readonly ready = new Map<string, RTCPeerConnection>();

  add(from: string, candidate: RTCIceCandidateInit): void {
    const pc = this.ready.get(from);
    if (pc) {
      void pc.addIceCandidate(candidate).catch(() => undefined);
      return;
    }
    const list = this.pending.get(from) ?? [];
    list.push(candidate);
    this.pending.set(from, list);
  }

  /** The peer's connection has its remote description: apply what waited, and the rest as it comes. */
  markReady(from: string, pc: RTCPeerConnection): void {
    this.ready.set(from, pc);
    const list = this.pending.get(from) ?? [];
    this.pending.delete(from);
    list.forEach((c) => void pc.addIceCandidate(c).catch(() => undefined));
  }

  forget(from: string): void {
    this.pending.delete(from);
    this.ready.delete(from);
  }
}

function candidateHandler(pcs: Map<string, RTCPeerConnection>, queue: CandidateQueue, signaling: SignalingClient): void {
  signaling.on('candidate', (m) => {
    if (!m.from || !m.candidate) return; // The empty candidate (end of candidates) needs no action.
    queue.add(m.from, { candidate: m.candidate, sdpMid: m.sdpMid ?? null, sdpMLineIndex: m.sdpMLineIndex ?? null,
      usernameFragment: m.usernameFragment ?? null });
  });
  signaling.on('peer-left', (m) => {
    pcs.get(m.id)?.close();
    pcs.delete(m.id);
    queue.forget(m.id);
  });
}

/** The customer's side: offers {@code track} to every viewer in the room. */
export class SharerPeers {
  private readonly pcs = new Map<string, RTCPeerConnection>();
  private readonly candidates = new CandidateQueue();
  private stopped = false;

  /**
   * @param present the participants already in the room when sharing starts (the customer joined earlier)
   */
  constructor(private readonly signaling: SignalingClient, private readonly track: MediaStreamTrack,
              private readonly deps: PeerDeps, present: readonly Peer[] = []) {
    present.forEach((p) => this.viewerJoined(p, true));
    // After a reconnect: a resumed session keeps its connections; a new one starts them over.
    signaling.on('welcome', (m) => m.peers.forEach((p) => this.viewerJoined(p, m.resumed && this.pcs.has(p.id)
      ? 'keep' : !this.pcs.has(p.id))));
    signaling.on('peer-joined', (m) => this.viewerJoined(m.peer, !this.pcs.has(m.peer.id)));
    signaling.on('answer', (m) => {
      const from = m.from;
      const pc = from ? this.pcs.get(from) : undefined;
      if (!from || !pc) return;
      pc.setRemoteDescription({ type: 'answer', sdp: m.sdp })
        .then(() => this.candidates.markReady(from, pc), () => undefined);
    });
    signaling.on('restart', (m) => m.from && this.offer(m.from, true));
    candidateHandler(this.pcs, this.candidates, signaling);
  }

  /** Viewers currently connected, by participant id. */
  viewers(): string[] {
    return [...this.pcs.keys()];
  }

  /** Ends every connection; later room events are ignored (the client may outlive this share). */
  close(): void {
    this.stopped = true;
    this.pcs.forEach((pc) => pc.close());
    this.pcs.clear();
  }

  private viewerJoined(peer: Peer, fresh: boolean | 'keep'): void {
    if (peer.role === 'customer' || this.stopped || fresh === 'keep') return;
    if (!fresh) {
      // The viewer came back on a new socket: its old connection is gone with it.
      this.pcs.get(peer.id)?.close();
      this.pcs.delete(peer.id);
      this.candidates.forget(peer.id);
    }
    void this.connect(peer.id);
  }

  private async connect(to: string): Promise<void> {
    const iceServers = await this.deps.iceServers().catch(() => []);
    if (this.stopped) return;
    const pc = this.deps.createPeerConnection({ iceServers });
    this.pcs.set(to, pc);
    const sender = pc.addTransceiver(this.track, { direction: 'sendonly' }).sender;
    // Screen content: keep the resolution (text stays readable), let the frame rate give way.
    const params = sender.getParameters();
    params.degradationPreference = 'maintain-resolution';
    void sender.setParameters(params).catch(() => undefined);
    wireIce(pc, to, this.signaling, () => void this.offer(to, true));
    await this.offer(to, false);
  }

  private async offer(to: string, iceRestart: boolean): Promise<void> {
    const pc = this.pcs.get(to);
    if (!pc) return;
    const offer = await pc.createOffer({ iceRestart });
    await pc.setLocalDescription(offer);
    this.signaling.send({ type: 'offer', to, sdp: offer.sdp ?? '' });
  }
}

/** A viewer's side (agent, observer): answers the customer's offers and reports their video. */
export class ViewerPeers {
  private readonly pcs = new Map<string, RTCPeerConnection>();
  private readonly candidates = new CandidateQueue();

  constructor(private readonly signaling: SignalingClient, private readonly deps: PeerDeps,
              private readonly onStream: (from: string, stream: MediaStream | null) => void) {
    signaling.on('offer', (m) => m.from && void this.answer(m.from, m.sdp));
    signaling.on('peer-left', (m) => this.onStream(m.id, null));
    candidateHandler(this.pcs, this.candidates, signaling);
  }

  close(): void {
    this.pcs.forEach((pc) => pc.close());
    this.pcs.clear();
  }

  private async answer(from: string, sdp: string): Promise<void> {
    let pc = this.pcs.get(from);
    if (!pc) {
      const iceServers = await this.deps.iceServers().catch(() => []);
      pc = this.deps.createPeerConnection({ iceServers });
      this.pcs.set(from, pc);
      pc.ontrack = (e) => this.onStream(from, e.streams[0] ?? new MediaStream([e.track]));
      // A failed connection asks the sharer for a new offer with fresh ICE.
      wireIce(pc, from, this.signaling, () => this.signaling.send({ type: 'restart', to: from }));
    }
    await pc.setRemoteDescription({ type: 'offer', sdp });
    this.candidates.markReady(from, pc);
    const answer = await pc.createAnswer();
    await pc.setLocalDescription(answer);
    this.signaling.send({ type: 'answer', to: from, sdp: answer.sdp ?? '' });
  }
}
