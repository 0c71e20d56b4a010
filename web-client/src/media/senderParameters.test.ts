import { describe, expect, it } from 'vitest';
import { applySenderParameters, MAX_BITRATE, maxBitrateFor, MIN_BITRATE } from './senderParameters';

function sender(initial: Partial<RTCRtpSendParameters> = {}) {
  const set: RTCRtpSendParameters[] = [];
  let current = { encodings: [{}], transactionId: 't', headerExtensions: [], rtcp: {}, codecs: [], ...initial } as RTCRtpSendParameters;
  return {
    set,
    getParameters: () => structuredClone(current),
    setParameters: async (p: RTCRtpSendParameters) => {
      set.push(p);
      current = p;
    },
  };
}

describe('maxBitrateFor', () => {
  it('scales with the crop\'s pixel area', () => {
    expect(maxBitrateFor({ w: 1280, h: 720 })).toBe(2_764_800);
    expect(maxBitrateFor({ w: 640, h: 720 })).toBe(1_382_400);
  });

  it('keeps a floor for small crops and a ceiling for big screens', () => {
    expect(maxBitrateFor({ w: 100, h: 50 })).toBe(MIN_BITRATE);
    expect(maxBitrateFor({ w: 0, h: 0 })).toBe(MIN_BITRATE);
    expect(maxBitrateFor({ w: 3840, h: 2160 })).toBe(MAX_BITRATE);
  });
});

describe('applySenderParameters', () => {
  it('keeps the resolution and caps the bitrate for the crop', async () => {
    const s = sender();
    expect(await applySenderParameters(s, { w: 1280, h: 720 })).toBe(true);
    expect(s.set[0].degradationPreference).toBe('maintain-resolution');
    expect(s.set[0].encodings[0].maxBitrate).toBe(2_764_800);
  });

  it('updates the cap when the crop changes, and does nothing when it does not', async () => {
    const s = sender();
    await applySenderParameters(s, { w: 1280, h: 720 });
    expect(await applySenderParameters(s, { w: 1280, h: 720 })).toBe(false);
    expect(await applySenderParameters(s, { w: 400, h: 300 })).toBe(true);
    expect(s.set).toHaveLength(2);
    expect(s.set[1].encodings[0].maxBitrate).toBe(360_000);
  });

  it('sets only the preference while the crop is unknown, and survives a refusal', async () => {
    const s = sender();
    expect(await applySenderParameters(s, null)).toBe(true);
    expect(s.set[0].encodings[0].maxBitrate).toBeUndefined();
    const refusing = { getParameters: s.getParameters, setParameters: async () => { throw new Error('closed'); } };
    expect(await applySenderParameters(refusing, { w: 800, h: 600 })).toBe(false);
  });
});
