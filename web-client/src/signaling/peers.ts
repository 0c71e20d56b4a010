/**
 * Peer connections over the signaling client. A sharer (the customer; with two-way sharing the agent too) offers
 * one send-only connection per viewer (for the customer: agent and observers; for the agent: the customer); viewers
 * answer.

 * Two-way sharing keeps one connection per direction, each with a fixed offerer (its sharer), rather than two
 * senders on one connection with perfect negotiation: no offers ever cross, so there is no glare and no rollback;
 * starting or stopping one share never renegotiates (nor, on failure, restarts ICE of) the other; and each
 * direction keeps the state machine of negotiation.ts unchanged. The price is a second ICE/DTLS session while both
 * share. Offers (sharer → viewer), answers and restarts (viewer → sharer) say by their type which connection
 * they belong to; a candidate says it with `fromSharer` (one without it, from an older client, reaches both ends,
 * and its ICE ufrag keeps it off the connection it does not belong to). The connections are made as soon as both are in the
 * room, before any share (pre-warmed: ICE and DTLS are done when Share is clicked); a share puts its track on
 * every sender (replaceTrack) and a stop takes it off, so neither a share nor a crop change renegotiates. A connection whose ICE fails restarts ICE with a new
 * offer; a `restart` from the other side does the same; `peer-left` closes it. Each connection's negotiation is
 * the state machine in negotiation.ts, correct for any arrival order of room events and descriptions.
 */
import type { Peer } from '../generated/signal';
import type { Size } from '../crop/geometry';
import { applySenderParameters } from '../media/senderParameters';
import { AnswerSide, type LinkHooks, OfferSide, type PeerPort } from './negotiation';
import type { SignalingClient } from './signalingClient';

/** What the peers need of the signaling client. */
type Signals = Pick<SignalingClient, 'on' | 'send'>;

export interface PeerDeps {
  createPeerConnection(config: RTCConfiguration): RTCPeerConnection;
  iceServers(): Promise<RTCIceServer[]>;
}

/** Signaling and ICE wiring of the link to participant {@code to}. */
function hooks(to: string, fromSharer: boolean, signaling: Signals, deps: PeerDeps, onFailed: () => void,
               onServers: (s: RTCIceServer[]) => void = () => undefined): LinkHooks {
  return {
    create: async () => {
      const iceServers = await deps.iceServers().catch(() => []);
      onServers(iceServers);
      return deps.createPeerConnection({ iceServers }) as PeerPort;
    },
    send: (d) => signaling.send(d.type === 'offer' ? { type: 'offer', to, sdp: d.sdp } : { type: 'answer', to, sdp: d.sdp }),
    sendCandidate: (c) => signaling.send(c
      ? { type: 'candidate', to, candidate: c.candidate, sdpMid: c.sdpMid, sdpMLineIndex: c.sdpMLineIndex,
          usernameFragment: c.usernameFragment, fromSharer }
      : { type: 'candidate', to, candidate: '', fromSharer }),
    failed: onFailed,
    refresh: async (pc) => {
      // A failed fetch keeps the servers the connection has: the restart goes ahead (direct paths need none).
      const iceServers = await deps.iceServers().catch(() => null);
      if (!iceServers) return;
      onServers(iceServers);
      try {
        pc.setConfiguration({ ...pc.getConfiguration(), iceServers });
      } catch (e) {
        console.warn('CoView peer: the fresh ICE servers were refused', e);
      }
    },
  };
}

/**
 * Routes remote candidates of this end's connections to their link (from {@code linkFor}); `peer-left` ends it.
 * {@code fromSharers}: this end views, so its candidates come from the sharing ends (and the other way round).
 */
function candidateHandler(links: Map<string, { candidate(c: RTCIceCandidateInit): void; close(): void }>,
                          signaling: Signals, fromSharers: boolean,
                          linkFor: (from: string) => { candidate(c: RTCIceCandidateInit): void } | undefined,
                          onLeft: (id: string) => void = () => undefined): void {
  signaling.on('candidate', (m) => {
    if (!m.from || !m.candidate) return; // The empty candidate (end of candidates) needs no action.
    if (m.fromSharer !== undefined && m.fromSharer !== fromSharers) return; // the other direction's connection
    linkFor(m.from)?.candidate({ candidate: m.candidate, sdpMid: m.sdpMid ?? null,
      sdpMLineIndex: m.sdpMLineIndex ?? null, usernameFragment: m.usernameFragment ?? null });
  });
  signaling.on('peer-left', (m) => {
    links.get(m.id)?.close();
    links.delete(m.id);
    onLeft(m.id);
  });
}

/**
 * Who a sharer sends to: the customer's share goes to everybody else; the agent's to the customer and the
 * observers (never to another agent: one agent's console shows the customer's share only).
 */
export const viewersOfCustomer = (p: Peer): boolean => p.role !== 'customer';
export const viewersOfAgent = (p: Peer): boolean => p.role !== 'agent';

/** A sharer's side: a connection to every viewer in the room, sending {@code track} while there is one. */
export class SharerPeers {
  private readonly links = new Map<string, OfferSide>();
  /** The video sender of each viewer's current connection. */
  private readonly senders = new Map<string, RTCRtpSender>();
  private crop: Size | null = null;
  private stopped = false;

  /**
   * @param track what to send (null: nothing yet, the connections are made ahead of a share)
   * @param present the participants already in the room (the customer joined earlier)
   * @param isViewer who this share goes to ({@link viewersOfCustomer}, {@link viewersOfAgent})
   */
  constructor(private readonly signaling: Signals, private track: MediaStreamTrack | null,
              private readonly deps: PeerDeps, present: readonly Peer[] = [],
              private readonly isViewer: (p: Peer) => boolean = viewersOfCustomer) {
    present.forEach((p) => this.viewerPresent(p));
    // A viewer listed again (a welcome after a reconnect, a repeated peer-joined) keeps its connection: a viewer
    // that lost its own asks for a new offer (`restart`), and an answer from a new connection starts over.
    signaling.on('welcome', (m) => m.peers.forEach((p) => this.viewerPresent(p)));
    signaling.on('peer-joined', (m) => this.viewerPresent(m.peer));
    signaling.on('answer', (m) => m.from && void this.links.get(m.from)?.answer(m.sdp));
    signaling.on('restart', (m) => m.from && !this.stopped && void this.link(m.from).restart());
    candidateHandler(this.links, signaling, false, (from) => this.links.get(from), (id) => this.senders.delete(id));
  }

  /** Viewers currently connected, by participant id. */
  viewers(): string[] {
    return [...this.links.keys()];
  }

  /** Sends {@code track} (null: stops sending) on every connection, now and on those made later. */
  setTrack(track: MediaStreamTrack | null): Promise<void> {
    this.track = track;
    return Promise.all([...this.senders.values()].map((s) => s.replaceTrack(track).catch(() => undefined)))
      .then(() => undefined);
  }

  /** The crop's size changed: the bitrate cap follows its pixel area (see senderParameters.ts). */
  setCropSize(crop: Size): void {
    if (this.crop && this.crop.w === crop.w && this.crop.h === crop.h) return;
    this.crop = crop;
    this.senders.forEach((s) => void applySenderParameters(s, crop));
  }

  /** Ends every connection; later room events are ignored (the client may outlive this share). */
  close(): void {
    this.stopped = true;
    this.links.forEach((l) => l.close());
    this.links.clear();
    this.senders.clear();
  }

  private viewerPresent(peer: Peer): void {
    if (!this.isViewer(peer) || this.stopped) return;
    void this.link(peer.id).start();
  }

  private link(to: string): OfferSide {
    let link = this.links.get(to);
    if (!link) {
      link = new OfferSide(`${to} (sending)`, hooks(to, true, this.signaling, this.deps,
        () => void this.links.get(to)?.restart()),
        (pc) => this.prepare(to, pc));
      this.links.set(to, link);
    }
    return link;
  }

  private prepare(to: string, pc: PeerPort): void {
    const sender = (pc as unknown as RTCPeerConnection)
      .addTransceiver(this.track ?? 'video', { direction: 'sendonly' }).sender;
    this.senders.set(to, sender);
    // Screen content: keep the resolution (text stays readable), let the frame rate give way.
    void applySenderParameters(sender, this.crop);
  }
}

/** A viewer's side (agent, observer; the customer for the agent's share): answers offers and reports the video. */
export class ViewerPeers {
  private readonly links = new Map<string, AnswerSide>();
  /** Whether the ICE servers offered to the connections include a relay (TURN) server. */
  private relayConfigured = false;

  /**
   * @param onStream the sharer's video once its first packets arrived (null: that connection ended)
   * @param onEarly the same stream as soon as the connection carries it, still without a picture: a page that
   *        attaches it to its video element then shows the first frame as it is decoded, instead of starting the
   *        element's player only then (about 100 ms of a share's first frame, measured in bench/browser/)
   * @param isSharer who may share to this viewer: asked for a new offer after a resume
   */
  constructor(private readonly signaling: Signals, private readonly deps: PeerDeps,
              private readonly onStream: (from: string, stream: MediaStream | null) => void,
              private readonly onEarly: (from: string, stream: MediaStream) => void = () => undefined,
              isSharer: (p: Peer) => boolean = (p) => p.role === 'customer') {
    // A page may view two shares (an observer: the customer's and the agent's), each with its own ViewerPeers:
    // each answers only its sharer's offers (a sender not known yet is taken as one, as before roles were asked).
    const roles = new Map<string, Peer['role']>();
    const fromSharer = (id: string) => {
      const role = roles.get(id);
      return role === undefined || isSharer({ id, role } as Peer);
    };
    signaling.on('peer-joined', (m) => roles.set(m.peer.id, m.peer.role));
    signaling.on('offer', (m) => m.from && fromSharer(m.from) && void this.link(m.from).offer(m.sdp));
    // Back within the grace period: the sharer may still hold a connection to the one this page lost (a reload),
    // and would not offer again by itself.
    signaling.on('welcome', (m) => {
      m.peers.forEach((p) => roles.set(p.id, p.role));
      if (!m.resumed) return;
      m.peers.filter((p) => isSharer(p) && !this.links.get(p.id)?.has())
        .forEach((p) => signaling.send({ type: 'restart', to: p.id }));
    });
    // A candidate may overtake the offer it belongs to: the link holds it until then.
    candidateHandler(this.links, signaling, true, (from) => (fromSharer(from) ? this.link(from) : undefined),
      (id) => fromSharer(id) && this.onStream(id, null));
  }

  close(): void {
    this.links.forEach((l) => l.close());
    this.links.clear();
  }

  /** The current connection to the sharer, for its stats; relayConfigured: a TURN server was offered to it. */
  current(): { pc: RTCPeerConnection; relayConfigured: boolean } | null {
    for (const link of this.links.values()) {
      const pc = link.connection();
      if (pc) return { pc: pc as unknown as RTCPeerConnection, relayConfigured: this.relayConfigured };
    }
    return null;
  }

  private link(from: string): AnswerSide {
    let link = this.links.get(from);
    if (!link) {
      // A failed connection asks the sharer for a new offer with fresh ICE.
      link = new AnswerSide(`${from} (receiving)`, hooks(from, false, this.signaling, this.deps,
        () => this.signaling.send({ type: 'restart', to: from }),
        (servers) => (this.relayConfigured = servers.some((s) => [s.urls].flat().some((u) => /^turns?:/.test(u))))),
      (pc) => {
        (pc as unknown as RTCPeerConnection).ontrack = (e) => {
          const stream = e.streams[0] ?? new MediaStream([e.track]);
          const report = () => this.onStream(from, stream);
          // A connection made ahead of the share carries no media yet: its track unmutes with the first packets.
          if (e.track?.muted) {
            this.onEarly(from, stream);
            e.track.addEventListener('unmute', report, { once: true });
          } else {
            report();
          }
        };
      });
      this.links.set(from, link);
    }
    return link;
  }
}
