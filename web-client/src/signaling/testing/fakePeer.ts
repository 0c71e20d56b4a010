/**
 * A peer connection for tests that keeps Chromium's rules where negotiation can go wrong: signaling states
 * (a description in the wrong state throws "Called in wrong state"), one DTLS fingerprint per connection (an
 * answer from another remote connection throws), candidates only for the applied remote ICE ufrag, a new local
 * ufrag on ICE restart. It trickles one candidate per local description.
 */
let created = 0;

export interface FakeStream {
  pc: number;
}

export function fakeSdp(fingerprint: string, ufrag: string): string {
  return `v=0\r\na=fingerprint:${fingerprint}\r\na=ice-ufrag:${ufrag}\r\n`;
}

function field(sdp: string, key: string): string {
  return new RegExp(`^a=${key}:(.+)$`, 'm').exec(sdp)?.[1].trim() ?? '';
}

export class FakePeer {
  readonly id = ++created;
  readonly fingerprint = `sha-256 FP:${this.id}`;
  signalingState: RTCSignalingState = 'stable';
  iceConnectionState: RTCIceConnectionState = 'new';
  onicecandidate: ((e: { candidate: RTCIceCandidateInit | null }) => void) | null = null;
  oniceconnectionstatechange: (() => void) | null = null;
  ontrack: ((e: { streams: FakeStream[]; track: unknown }) => void) | null = null;
  /** Description errors (wrong state, changed fingerprint): a correct negotiation never causes one. */
  readonly errors: string[] = [];
  readonly calls: string[] = [];
  readonly added: RTCIceCandidateInit[] = [];
  readonly params: Record<string, unknown> = { encodings: [{}] };
  track: unknown = null;
  /** The remote track arrives muted (a connection made ahead of the share); {@link unmute} brings its first packets. */
  static remoteMuted = false;
  private unmuted: (() => void) | null = null;
  configuration: RTCConfiguration = {};
  localUfrag = '';
  remoteUfrag = '';
  remoteFingerprint = '';
  private ufrags = 0;
  private answeredUfrag = '';
  private hasTrack = false;

  get closed(): boolean {
    return this.signalingState === 'closed';
  }

  addTransceiver(track: unknown, init: { direction: string }) {
    this.calls.push(`addTransceiver ${init.direction}`);
    this.track = track;
    const params = this.params;
    return { sender: {
      getParameters: () => structuredClone(params),
      setParameters: async (p: Record<string, unknown>) => void Object.assign(params, p),
      replaceTrack: async (t: unknown) => void (this.track = t),
    } };
  }

  async createOffer(o: { iceRestart?: boolean } = {}) {
    this.live('createOffer');
    this.calls.push(`createOffer restart=${!!o.iceRestart}`);
    const ufrag = !this.localUfrag || o.iceRestart ? this.nextUfrag() : this.localUfrag;
    return { type: 'offer' as const, sdp: fakeSdp(this.fingerprint, ufrag) };
  }

  async createAnswer() {
    this.live('createAnswer');
    if (this.signalingState !== 'have-remote-offer') this.fail(`createAnswer: Called in wrong state: ${this.signalingState}`);
    // The offer restarted ICE (a new remote ufrag): so does the answer.
    const ufrag = !this.localUfrag || this.remoteUfrag !== this.answeredUfrag ? this.nextUfrag() : this.localUfrag;
    this.answeredUfrag = this.remoteUfrag;
    return { type: 'answer' as const, sdp: fakeSdp(this.fingerprint, ufrag) };
  }

  async setLocalDescription(d: RTCSessionDescriptionInit) {
    this.live('setLocalDescription');
    const ok = d.type === 'offer' ? ['stable', 'have-local-offer'] : ['have-remote-offer'];
    if (!ok.includes(this.signalingState)) {
      this.fail(`Failed to set local ${d.type} sdp: Called in wrong state: ${this.signalingState}`);
    }
    this.calls.push(`local ${d.type}`);
    this.signalingState = d.type === 'offer' ? 'have-local-offer' : 'stable';
    this.localUfrag = field(d.sdp ?? '', 'ice-ufrag');
    const ufrag = this.localUfrag;
    queueMicrotask(() => !this.closed && this.onicecandidate?.({
      candidate: { candidate: `candidate:${ufrag}`, sdpMid: '0', sdpMLineIndex: 0, usernameFragment: ufrag },
    }));
  }

  async setRemoteDescription(d: RTCSessionDescriptionInit) {
    this.live('setRemoteDescription');
    const ok = d.type === 'offer' ? ['stable', 'have-remote-offer'] : ['have-local-offer'];
    if (!ok.includes(this.signalingState)) {
      this.fail(`Failed to set remote ${d.type} sdp: Called in wrong state: ${this.signalingState}`);
    }
    const fingerprint = field(d.sdp ?? '', 'fingerprint');
    if (this.remoteFingerprint && fingerprint !== this.remoteFingerprint) {
      this.fail(`Failed to set remote ${d.type} sdp: the remote DTLS fingerprint changed`);
    }
    this.calls.push(`remote ${d.type}`);
    this.remoteFingerprint = fingerprint;
    this.remoteUfrag = field(d.sdp ?? '', 'ice-ufrag');
    this.signalingState = d.type === 'offer' ? 'have-remote-offer' : 'stable';
    if (d.type === 'offer' && !this.hasTrack) {
      this.hasTrack = true;
      const track = FakePeer.remoteMuted
        ? { muted: true, addEventListener: (_type: string, l: () => void) => (this.unmuted = l) }
        : {};
      this.ontrack?.({ streams: [{ pc: this.id }], track });
    }
  }

  /** The muted remote track's first packets arrive. */
  unmute(): void {
    this.unmuted?.();
  }

  async addIceCandidate(c: RTCIceCandidateInit) {
    this.live('addIceCandidate');
    if (!this.remoteUfrag) throw new Error('addIceCandidate: no remote description');
    if (c.usernameFragment && c.usernameFragment !== this.remoteUfrag) throw new Error('addIceCandidate: unknown ufrag');
    this.calls.push(`candidate ${c.candidate}`);
    this.added.push(c);
  }

  getConfiguration(): RTCConfiguration {
    return structuredClone(this.configuration);
  }

  setConfiguration(c: RTCConfiguration) {
    this.live('setConfiguration');
    this.calls.push(`setConfiguration ${JSON.stringify(c.iceServers ?? [])}`);
    this.configuration = c;
  }

  close() {
    this.signalingState = 'closed';
    this.calls.push('close');
  }

  /** ICE fails (the network changed): the page's handler runs. */
  iceFails() {
    this.iceConnectionState = 'failed';
    this.oniceconnectionstatechange?.();
  }

  private nextUfrag(): string {
    return `u${this.id}.${++this.ufrags}`;
  }

  private live(what: string) {
    if (this.closed) this.fail(`${what}: the connection is closed`);
  }

  private fail(message: string): never {
    this.errors.push(message);
    throw new Error(message);
  }
}

/**
 * Whether two connections could carry media: each side's remote description is the other's local one (same
 * fingerprint and ICE ufrag), both are stable and open, and each holds a candidate of the other's current ufrag.
 */
export function connected(a: FakePeer, b: FakePeer): boolean {
  return !a.closed && !b.closed && a.signalingState === 'stable' && b.signalingState === 'stable'
    && a.remoteFingerprint === b.fingerprint && b.remoteFingerprint === a.fingerprint
    && a.remoteUfrag === b.localUfrag && b.remoteUfrag === a.localUfrag
    && a.added.some((c) => c.usernameFragment === b.localUfrag)
    && b.added.some((c) => c.usernameFragment === a.localUfrag);
}
