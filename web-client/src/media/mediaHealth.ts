/**
 * The health of the customer's video as the agent receives it, from RTCPeerConnection.getStats(): resolution,
 * frame rate, bitrate, round trip, packet loss, direct or relayed; and, when media does not flow, a diagnosis in
 * plain words. Exposed as a small observable ({@link MediaHealthWatch}) so any page part (the HUD, the
 * participant state) can follow `iceConnected` and `framesArriving` without reading stats itself.
 */
import { t } from '../i18n';
import { Watched } from '../session/watched';

export interface MediaHealth {
  /** ICE has a working candidate pair (connected or completed). */
  iceConnected: boolean;
  /** Frames were decoded within the last {@link NO_FRAME_MS}. */
  framesArriving: boolean;
  width: number | null;
  height: number | null;
  fps: number | null;
  /** Received video bitrate, kbit/s. */
  kbps: number | null;
  /** Round trip of the selected candidate pair, ms. */
  rttMs: number | null;
  /** Packets lost over the last interval, percent. */
  lossPct: number | null;
  /** Whether the media goes straight between the two browsers or through a relay (TURN) server. */
  route: 'direct' | 'relay' | null;
  /** What is wrong, in the agent's words; null when the video flows. */
  diagnosis: string | null;
}

/** How long without a decoded frame before the agent is told that no picture arrives (ms). */
export const NO_FRAME_MS = 3000;

/** The stats of one interval's end, as far as they matter here. */
export interface StatsSample {
  at: number;
  framesDecoded: number;
  bytesReceived: number;
  packetsReceived: number;
  packetsLost: number;
  width: number | null;
  height: number | null;
  rttMs: number | null;
  route: 'direct' | 'relay' | null;
  /** Types of the candidates the other browser offered (host, srflx, prflx, relay), as far as they arrived. */
  remoteTypes: readonly string[];
}

type Report = Record<string, unknown> & { type: string; id: string };

/** Reads a getStats() report (as an iterable of its values) into a sample. */
export function sampleOf(reports: Iterable<Report>, at: number): StatsSample {
  const byId = new Map<string, Report>();
  for (const r of reports) byId.set(r.id, r);
  const all = [...byId.values()];
  const inbound = all.find((r) => r.type === 'inbound-rtp' && r.kind === 'video');
  const transport = all.find((r) => r.type === 'transport');
  const pair = byId.get(String(transport?.selectedCandidatePairId ?? ''))
    ?? all.find((r) => r.type === 'candidate-pair' && r.nominated && r.state === 'succeeded');
  const local = pair ? byId.get(String(pair.localCandidateId)) : undefined;
  const remote = pair ? byId.get(String(pair.remoteCandidateId)) : undefined;
  const relayed = [local, remote].some((c) => c?.candidateType === 'relay');
  const num = (v: unknown) => (typeof v === 'number' ? v : 0);
  return {
    at,
    framesDecoded: num(inbound?.framesDecoded),
    bytesReceived: num(inbound?.bytesReceived),
    packetsReceived: num(inbound?.packetsReceived),
    packetsLost: num(inbound?.packetsLost),
    width: typeof inbound?.frameWidth === 'number' ? inbound.frameWidth : null,
    height: typeof inbound?.frameHeight === 'number' ? inbound.frameHeight : null,
    rttMs: typeof pair?.currentRoundTripTime === 'number' ? Math.round(pair.currentRoundTripTime * 1000) : null,
    route: pair ? (relayed ? 'relay' : 'direct') : null,
    remoteTypes: [...new Set(all.filter((r) => r.type === 'remote-candidate').map((r) => String(r.candidateType)))],
  };
}

/** What the connection itself says, besides the stats. */
export interface ConnectionFacts {
  ice: RTCIceConnectionState | 'none';
  /** Whether a relay (TURN) server was offered to the connection. */
  relayConfigured: boolean;
  /** When the last decoded frame was seen (ms, same clock as the samples); null: none yet. */
  lastFrameAt: number | null;
  /** When the share started, as far as the agent knows (ms); null: no share running. */
  sharingSince: number | null;
  /** Candidate types the customer's browser offered (from getStats); null: no connection to read them from. */
  remoteTypes?: readonly string[] | null;
}

/** The agent's words for what is wrong, or null. */
export function diagnose(facts: ConnectionFacts, now: number): string | null {
  if (facts.ice === 'failed') {
    return facts.relayConfigured
      ? t('media.failedRelay')
      : t('media.failedNoRelay');
  }
  if (facts.ice === 'disconnected') return t('media.dropped');
  if (facts.sharingSince === null) return null;
  // The later of the two: a frame from before a pause or a stop says nothing about the share running now.
  const since = Math.max(facts.lastFrameAt ?? facts.sharingSince, facts.sharingSince);
  if (now - since < NO_FRAME_MS) return null;
  if (facts.ice === 'connected' || facts.ice === 'completed') {
    return t('media.stalled');
  }
  if (facts.ice === 'none') return t('media.noIce');
  if (facts.remoteTypes && facts.remoteTypes.length === 0) {
    return facts.relayConfigured ? t('media.noCandidatesRelay') : t('media.noCandidates');
  }
  if (!facts.relayConfigured) {
    return t('media.noRelay');
  }
  return t('media.noPath');
}

/** The health over one interval between two samples. */
export function healthOf(prev: StatsSample | null, cur: StatsSample, facts: ConnectionFacts): MediaHealth {
  const seconds = prev ? (cur.at - prev.at) / 1000 : 0;
  const rate = (a: number, b: number) => (prev && seconds > 0 ? (a - b) / seconds : null);
  const fps = rate(cur.framesDecoded, prev?.framesDecoded ?? 0);
  const bytes = rate(cur.bytesReceived, prev?.bytesReceived ?? 0);
  const received = cur.packetsReceived - (prev?.packetsReceived ?? 0);
  const lost = cur.packetsLost - (prev?.packetsLost ?? 0);
  const iceConnected = facts.ice === 'connected' || facts.ice === 'completed';
  return {
    iceConnected,
    framesArriving: facts.lastFrameAt !== null && cur.at - facts.lastFrameAt < NO_FRAME_MS,
    width: cur.width,
    height: cur.height,
    fps: fps === null ? null : Math.round(fps),
    kbps: bytes === null ? null : Math.round((bytes * 8) / 1000),
    rttMs: cur.rttMs,
    lossPct: prev && received + lost > 0 ? Math.round((Math.max(0, lost) / (received + Math.max(0, lost))) * 1000) / 10 : null,
    route: cur.route,
    diagnosis: diagnose(facts, cur.at),
  };
}

/** Polls a connection's stats and tells listeners the health, every {@code intervalMs}. */
export class MediaHealthWatch {
  private readonly health = new Watched<MediaHealth>();
  private prev: StatsSample | null = null;
  private lastFrameAt: number | null = null;
  private sharingSince: number | null = null;

  constructor(private readonly connection: () => { pc: RTCPeerConnection; relayConfigured: boolean } | null,
              private readonly now: () => number = () => performance.now()) {}

  /** The latest health, and every new one until the returned function is called. */
  subscribe(listener: (h: MediaHealth) => void): () => void {
    return this.health.subscribe(listener);
  }

  current(): MediaHealth | null {
    return this.health.value ?? null;
  }

  /** Whether the customer says they are sharing (from the room's events): a missing picture is news only then. */
  setSharing(on: boolean): void {
    this.sharingSince = on ? (this.sharingSince ?? this.now()) : null;
  }

  /** Takes one sample; call it on a timer (the agent page does every second). */
  async poll(): Promise<void> {
    const c = this.connection();
    const at = this.now();
    const sample = c ? sampleOf((await c.pc.getStats()).values() as Iterable<Report>, at) : null;
    if (sample && this.prev && sample.framesDecoded > this.prev.framesDecoded) this.lastFrameAt = at;
    const facts: ConnectionFacts = { ice: c ? c.pc.iceConnectionState : 'none', relayConfigured: c?.relayConfigured ?? false,
      lastFrameAt: this.lastFrameAt, sharingSince: this.sharingSince, remoteTypes: sample?.remoteTypes ?? null };
    const health = sample ? healthOf(this.prev, sample, facts)
      : { ...healthOf(null, emptySample(at), facts), iceConnected: false };
    this.prev = sample;
    this.health.set(health);
  }
}

function emptySample(at: number): StatsSample {
  return { at, framesDecoded: 0, bytesReceived: 0, packetsReceived: 0, packetsLost: 0, width: null, height: null,
    rttMs: null, route: null, remoteTypes: [] };
}

/** One line for the HUD: "1280×720 · 30 fps · 2400 kbit/s · 12 ms · 0 % loss · direct". */
export function hudLine(h: MediaHealth): string {
  const parts = [
    h.width && h.height ? `${h.width}×${h.height}` : null,
    h.fps !== null ? `${h.fps} fps` : null,
    h.kbps !== null ? `${h.kbps} kbit/s` : null,
    h.rttMs !== null ? `${h.rttMs} ms` : null,
    h.lossPct !== null ? `${h.lossPct} % loss` : null,
    h.route === 'relay' ? 'relayed' : h.route,
  ];
  return parts.filter((p) => p !== null).join(' · ');
}
