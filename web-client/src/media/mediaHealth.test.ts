import { describe, expect, it } from 'vitest';
import { diagnose, healthOf, hudLine, MediaHealthWatch, NO_FRAME_MS, sampleOf } from './mediaHealth';

const reports = (over: Record<string, unknown> = {}, candidateType = 'host') => [
  { id: 'in', type: 'inbound-rtp', kind: 'video', framesDecoded: 300, bytesReceived: 3_000_000, packetsReceived: 990,
    packetsLost: 10, frameWidth: 1280, frameHeight: 720, ...over },
  { id: 't', type: 'transport', selectedCandidatePairId: 'p' },
  { id: 'p', type: 'candidate-pair', localCandidateId: 'l', remoteCandidateId: 'r', currentRoundTripTime: 0.012,
    nominated: true, state: 'succeeded' },
  { id: 'l', type: 'local-candidate', candidateType },
  { id: 'r', type: 'remote-candidate', candidateType: 'srflx' },
];

const facts = { ice: 'connected' as const, relayConfigured: false, lastFrameAt: 9_000, sharingSince: 0 };

describe('sampleOf and healthOf', () => {
  it('read resolution, frame rate, bitrate, round trip, loss and the route from two samples', () => {
    const a = sampleOf(reports(), 9_000);
    const b = sampleOf(reports({ framesDecoded: 330, bytesReceived: 3_300_000, packetsReceived: 1089, packetsLost: 11 }), 10_000);
    const h = healthOf(a, b, { ...facts, lastFrameAt: 10_000 });
    expect(h).toMatchObject({ width: 1280, height: 720, fps: 30, kbps: 2400, rttMs: 12, lossPct: 1, route: 'direct',
      iceConnected: true, framesArriving: true, diagnosis: null });
    expect(hudLine(h)).toBe('1280×720 · 30 fps · 2400 kbit/s · 12 ms · 1 % loss · direct');
  });

  it('tell a relayed connection apart', () => {
    expect(sampleOf(reports({}, 'relay'), 0).route).toBe('relay');
  });
});

describe('diagnose', () => {
  it('explains a failed connection with and without a relay server', () => {
    expect(diagnose({ ...facts, ice: 'failed' }, 0)).toMatch(/blocks direct connections and no relay server is configured/);
    expect(diagnose({ ...facts, ice: 'failed', relayConfigured: true }, 0)).toMatch(/even through the relay server/);
  });

  it('says so when the share runs but no frame came for 3 s, and not before', () => {
    expect(diagnose({ ...facts, lastFrameAt: 1_000 }, 1_000 + NO_FRAME_MS - 1)).toBeNull();
    expect(diagnose({ ...facts, lastFrameAt: 1_000 }, 1_000 + NO_FRAME_MS)).toMatch(/no picture has arrived for 3 seconds/);
    expect(diagnose({ ...facts, ice: 'checking', lastFrameAt: null, sharingSince: 0 }, NO_FRAME_MS))
      .toMatch(/sharing, but no picture arrives: their network may block direct connections, and no relay server/);
    expect(diagnose({ ...facts, lastFrameAt: null, sharingSince: null }, 60_000)).toBeNull();
  });
});

describe('MediaHealthWatch', () => {
  it('follows iceConnected and framesArriving for its subscribers', async () => {
    let t = 0;
    let frames = 0;
    let ice: RTCIceConnectionState = 'checking';
    const pc = {
      get iceConnectionState() { return ice; },
      getStats: async () => new Map(reports({ framesDecoded: frames }).map((r) => [r.id, r])),
    } as unknown as RTCPeerConnection;
    const watch = new MediaHealthWatch(() => ({ pc, relayConfigured: false }), () => t);
    const seen: boolean[][] = [];
    watch.subscribe((h) => seen.push([h.iceConnected, h.framesArriving]));
    watch.setSharing(true);
    await watch.poll();
    ice = 'connected';
    t = 1000;
    frames = 30;
    await watch.poll();
    t = 2000 + NO_FRAME_MS;
    await watch.poll();
    expect(seen).toEqual([[false, false], [true, true], [true, false]]);
    expect(watch.current()!.diagnosis).toMatch(/no picture/);
  });
});

describe('diagnose a share that sends no frame', () => {
  const sharing = { ice: 'checking' as const, relayConfigured: false, lastFrameAt: null, sharingSince: 10_000 };

  it('waits 3 s from the share (not from a frame before a pause) before saying anything', () => {
    expect(diagnose(sharing, 10_000 + NO_FRAME_MS - 1)).toBeNull();
    expect(diagnose({ ...sharing, ice: 'connected', lastFrameAt: 2_000 }, 10_000 + NO_FRAME_MS - 1)).toBeNull();
    expect(diagnose({ ...sharing, ice: 'connected', lastFrameAt: 2_000 }, 10_000 + NO_FRAME_MS))
      .toMatch(/no picture has arrived for 3 seconds/);
  });

  it('picks its words from what the page knows: candidates offered, a relay server given, a connection at all', () => {
    const at = 10_000 + NO_FRAME_MS;
    expect(diagnose({ ...sharing, remoteTypes: [] }, at)).toBe('The customer is sharing, but no picture arrives: their '
      + 'browser has offered no network address to connect to, and no relay server is configured. Their network or '
      + 'browser settings may block direct connections.');
    expect(diagnose({ ...sharing, remoteTypes: ['host'] }, at))
      .toBe('The customer is sharing, but no picture arrives: their network may block direct connections, and no '
        + 'relay server is configured.');
    expect(diagnose({ ...sharing, remoteTypes: ['host', 'relay'], relayConfigured: true }, at))
      .toMatch(/not even through the relay server/);
    expect(diagnose({ ...sharing, ice: 'none' }, at)).toMatch(/no connection to their browser has been set up yet/);
  });

  it('reads the candidate types the other browser offered from getStats', () => {
    expect(sampleOf(reports(), 0).remoteTypes).toEqual(['srflx']);
    expect(sampleOf(reports().filter((r) => r.type !== 'remote-candidate'), 0).remoteTypes).toEqual([]);
  });
});
