/**
 * One peer connection's negotiation, as an explicit state machine per remote participant, correct for any arrival
 * order of room events, offers, answers and candidates (duplicates included).
 *
 * Roles are fixed: the sharer offers, the viewer answers (a viewer that needs a new offer asks with `restart`),
 * so two offers never cross and there is no glare to resolve (perfect negotiation's polite/impolite roles and
 * rollback are not needed). What remains, and what this handles:
 * - every step of one connection runs in order (a second offer never interleaves with the first's answer);
 * - a description from a *different* remote connection (the other side reloaded or shared again: a new DTLS
 *   fingerprint) replaces the local connection instead of being applied to it;
 * - an answer that finds no offer waiting (a duplicate, or one to a connection since replaced) is dropped;
 * - candidates wait until a remote description with their ICE username fragment is applied.
 */
import { withStartBitrate } from '../media/startBitrate';

/** The part of RTCPeerConnection negotiation uses: a thin port, so the state machine is testable without a browser. */
export interface PeerPort {
  readonly signalingState: RTCSignalingState;
  readonly iceConnectionState: RTCIceConnectionState;
  onicecandidate: ((e: RTCPeerConnectionIceEvent) => void) | null;
  oniceconnectionstatechange: ((e: Event) => void) | null;
  createOffer(options?: RTCOfferOptions): Promise<RTCSessionDescriptionInit>;
  createAnswer(): Promise<RTCSessionDescriptionInit>;
  setLocalDescription(d: RTCSessionDescriptionInit): Promise<void>;
  setRemoteDescription(d: RTCSessionDescriptionInit): Promise<void>;
  addIceCandidate(c: RTCIceCandidateInit): Promise<void>;
  getConfiguration(): RTCConfiguration;
  setConfiguration(c: RTCConfiguration): void;
  close(): void;
}

/** Which remote connection and ICE session a description belongs to. */
export interface SdpIdentity {
  /** DTLS certificate fingerprint: one per RTCPeerConnection, so a new one means a new remote connection. */
  fingerprint: string;
  /** ICE username fragment: changes with every ICE restart. */
  ufrag: string;
}

export function sdpIdentity(sdp: string): SdpIdentity {
  const value = (key: string) => new RegExp(`^a=${key}:(.+)$`, 'm').exec(sdp)?.[1].trim() ?? '';
  return { fingerprint: value('fingerprint'), ufrag: value('ice-ufrag') };
}

/** Longest run of candidates held for descriptions not applied yet (a peer cannot grow it without bound). */
const MAX_HELD_CANDIDATES = 64;

/** Remote candidates of one connection, applied once a remote description with their ufrag is in place. */
export class CandidateBuffer {
  private held: RTCIceCandidateInit[] = [];
  private ufrag: string | null = null;
  private pc: PeerPort | null = null;

  add(c: RTCIceCandidateInit): void {
    if (this.pc && this.ufrag !== null && (!c.usernameFragment || c.usernameFragment === this.ufrag)) {
      void this.pc.addIceCandidate(c).catch(() => undefined);
      return;
    }
    this.held.push(c);
    if (this.held.length > MAX_HELD_CANDIDATES) this.held.shift();
  }

  /** {@code pc} has a remote description with ICE ufrag {@code ufrag}: apply what waited for it. */
  ready(pc: PeerPort, ufrag: string): void {
    this.pc = pc;
    this.ufrag = ufrag;
    const [now, later] = [this.held.filter((c) => !c.usernameFragment || c.usernameFragment === ufrag),
      this.held.filter((c) => c.usernameFragment && c.usernameFragment !== ufrag)];
    this.held = later;
    now.forEach((c) => void pc.addIceCandidate(c).catch(() => undefined));
  }

  /** The connection is being replaced or restarted: new candidates wait for its next remote description. */
  reset(): void {
    this.pc = null;
    this.ufrag = null;
  }
}

/** Runs steps one after the other; a failing step is logged and does not stop the next. */
export class StepQueue {
  private tail: Promise<void> = Promise.resolve();

  run(label: string, step: () => Promise<void>): Promise<void> {
    this.tail = this.tail.then(step).catch((e: unknown) => console.warn(`CoView negotiation (${label}):`, e));
    return this.tail;
  }
}

/** Sends the connection's ICE candidates and reports its ICE state; what {@link OfferSide}/{@link AnswerSide} share. */
export interface LinkHooks {
  create(): Promise<PeerPort>;
  send(description: { type: 'offer' | 'answer'; sdp: string }): void;
  sendCandidate(c: RTCIceCandidate | null): void;
  /** ICE failed on the current connection. */
  failed(): void;
  /**
   * Sets fresh ICE servers on {@code pc} before an ICE restart: the TURN credential it started with is short-lived
   * (room-service hands out 20 minutes), and a restart gathers anew with whatever the configuration holds.
   */
  refresh(pc: PeerPort): Promise<void>;
}

abstract class Side {
  protected pc: PeerPort | null = null;
  /** Fingerprint of the remote connection the current one is negotiated with ('' before the first). */
  protected remote = '';
  /** ICE username fragment of the current remote description ('' before the first). */
  protected remoteUfrag = '';
  protected readonly candidates = new CandidateBuffer();
  protected readonly steps = new StepQueue();
  protected closed = false;

  constructor(protected readonly label: string, protected readonly hooks: LinkHooks) {}

  candidate(c: RTCIceCandidateInit): void {
    this.candidates.add(c);
  }

  close(): void {
    this.closed = true;
    this.pc?.close();
    this.pc = null;
  }

  /** The current connection (for stats and tests). */
  connection(): PeerPort | null {
    return this.pc;
  }

  protected async fresh(): Promise<PeerPort> {
    this.pc?.close();
    this.pc = null;
    this.remote = '';
    this.remoteUfrag = '';
    this.candidates.reset();
    const pc = await this.hooks.create();
    if (this.closed) {
      pc.close();
      throw new Error('closed');
    }
    pc.onicecandidate = (e) => this.pc === pc && this.hooks.sendCandidate(e.candidate);
    pc.oniceconnectionstatechange = () => {
      // One line per change: the first thing to read when media does not flow (no addresses, no tokens).
      console.info(`CoView peer ${this.label}: ICE ${pc.iceConnectionState}`);
      if (this.pc === pc && pc.iceConnectionState === 'failed') this.hooks.failed();
    };
    this.pc = pc;
    return pc;
  }

  protected async applyRemote(pc: PeerPort, d: RTCSessionDescriptionInit, id: SdpIdentity): Promise<void> {
    await pc.setRemoteDescription(d);
    this.remote = id.fingerprint;
    this.remoteUfrag = id.ufrag;
    this.candidates.ready(pc, id.ufrag);
  }
}

/** The sharer's end towards one viewer: offers, applies the viewer's answers, restarts when asked. */
export class OfferSide extends Side {
  /** A restart was asked while an offer was out: made as soon as its answer is in. */
  private restartWanted = false;

  constructor(label: string, hooks: LinkHooks, private readonly prepare: (pc: PeerPort) => void) {
    super(label, hooks);
  }

  /** Connects (the viewer arrived); a second call while connected changes nothing. */
  start(): Promise<void> {
    return this.steps.run('start', async () => {
      if (!this.pc && !this.closed) await this.connectAnew();
    });
  }

  /** A new offer with fresh ICE: the viewer asked, or ICE failed here. */
  restart(): Promise<void> {
    return this.steps.run('restart', async () => {
      if (this.closed) return;
      if (!this.pc) await this.connectAnew();
      else if (this.pc.signalingState === 'have-local-offer') this.restartWanted = true;
      else await this.offer(this.pc, true);
    });
  }

  answer(sdp: string): Promise<void> {
    return this.steps.run('answer', async () => {
      const pc = this.pc;
      if (!pc || pc.signalingState !== 'have-local-offer') return; // a duplicate, or for a replaced connection
      const id = sdpIdentity(sdp);
      if (this.remote && id.fingerprint !== this.remote) {
        // The viewer answers from a new connection (it reloaded): start over with a new one here too.
        await this.connectAnew();
        return;
      }
      await this.applyRemote(pc, { type: 'answer', sdp: withStartBitrate(sdp) }, id);
      if (this.restartWanted) {
        this.restartWanted = false;
        await this.offer(pc, true);
      }
    });
  }

  private async connectAnew(): Promise<void> {
    this.restartWanted = false;
    const pc = await this.fresh();
    this.prepare(pc);
    await this.offer(pc, false);
  }

  private async offer(pc: PeerPort, iceRestart: boolean): Promise<void> {
    if (iceRestart) {
      await this.hooks.refresh(pc);
      if (this.pc !== pc) return; // closed while the servers were fetched
    }
    const offer = await pc.createOffer({ iceRestart });
    await pc.setLocalDescription(offer);
    if (iceRestart) this.candidates.reset();
    this.hooks.send({ type: 'offer', sdp: offer.sdp ?? '' });
  }
}

/** A viewer's end towards the sharer: answers every offer, on a new connection when the sharer's is new. */
export class AnswerSide extends Side {
  constructor(label: string, hooks: LinkHooks, private readonly prepare: (pc: PeerPort) => void) {
    super(label, hooks);
  }

  /** Whether a connection exists (a resumed viewer without one asks the sharer for an offer). */
  has(): boolean {
    return this.pc !== null;
  }

  offer(sdp: string): Promise<void> {
    return this.steps.run('offer', async () => {
      if (this.closed) return;
      const id = sdpIdentity(sdp);
      let pc = this.pc;
      if (!pc || (this.remote && id.fingerprint !== this.remote)) {
        pc = await this.fresh();
        this.prepare(pc);
      } else if (this.remoteUfrag && id.ufrag !== this.remoteUfrag) {
        // The sharer restarts ICE (asked by this side, or its own ICE failed): this side gathers anew too.
        await this.hooks.refresh(pc);
        if (this.pc !== pc) return;
      }
      this.candidates.reset();
      await this.applyRemote(pc, { type: 'offer', sdp }, id);
      const answer = await pc.createAnswer();
      await pc.setLocalDescription(answer);
      this.hooks.send({ type: 'answer', sdp: answer.sdp ?? '' });
    });
  }
}
