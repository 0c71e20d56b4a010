import { describe, expect, it } from 'vitest';
import { withStartBitrate } from './startBitrate';

const ANSWER = [
  'v=0',
  'o=- 1 2 IN IP4 127.0.0.1',
  'm=audio 9 UDP/TLS/RTP/SAVPF 111',
  'a=rtpmap:111 opus/48000/2',
  'a=fmtp:111 minptime=10;useinbandfec=1',
  'm=video 9 UDP/TLS/RTP/SAVPF 96 97 102',
  'a=rtpmap:96 VP8/90000',
  'a=rtcp-fb:96 nack',
  'a=rtpmap:97 rtx/90000',
  'a=fmtp:97 apt=96',
  'a=rtpmap:102 H264/90000',
  'a=fmtp:102 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42001f',
  '',
].join('\r\n');

describe('withStartBitrate', () => {
  const out = withStartBitrate(ANSWER, 1500).split('\r\n');

  it('gives a video codec without format parameters a line of its own, after its rtpmap', () => {
    expect(out[out.indexOf('a=rtpmap:96 VP8/90000') + 1]).toBe('a=fmtp:96 x-google-start-bitrate=1500');
  });

  it("adds the start to a codec's existing format parameters", () => {
    expect(out).toContain('a=fmtp:102 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42001f'
      + ';x-google-start-bitrate=1500');
  });

  it('leaves audio, retransmission and the line endings alone', () => {
    expect(out).toContain('a=fmtp:111 minptime=10;useinbandfec=1');
    expect(out).toContain('a=fmtp:97 apt=96');
    expect(out.filter((l) => l.includes('x-google-start-bitrate'))).toHaveLength(2);
    expect(withStartBitrate(ANSWER, 1500).endsWith('\r\n')).toBe(true);
  });

  it('is applied once however often an answer passes', () => {
    expect(withStartBitrate(withStartBitrate(ANSWER, 1500), 1500)).toBe(withStartBitrate(ANSWER, 1500));
  });
});
