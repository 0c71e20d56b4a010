/**
 * The bitrate a share's video starts at. WebRTC starts every video stream at 300 kbit/s and paces packets at
 * 2.5 times the estimate, so a share's first picture (a key frame of the whole crop) is both coarse (the encoder
 * aims at 300 kbit/s) and slow to cross even a loopback link: the agent showed it 70–400 ms after its first packet
 * arrived (bench/results/MEDIA-first-frame.md). Chromium reads a start value from the codec's `x-google-start-bitrate`
 * format parameter (kbit/s) in the remote description; the sharer adds it to the viewer's answer before applying it.
 * The bandwidth estimate still moves from there (down within a second on a slower link), and the crop's cap
 * (senderParameters.ts) still bounds it.
 */

/** Start bitrate of a share's video (kbit/s): the cap of a 720p crop of text at 15 fps. */
export const START_KBPS = 1500;

const VIDEO_CODECS = /^(VP8|VP9|H264|AV1)$/i;

/** {@code sdp} with the start bitrate on every video codec's format parameters (an answer is not re-signed). */
export function withStartBitrate(sdp: string, kbps: number = START_KBPS): string {
  const eol = sdp.includes('\r\n') ? '\r\n' : '\n';
  const lines = sdp.split(eol);
  const out: string[] = [];
  let video = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.startsWith('m=')) video = line.startsWith('m=video');
    out.push(line);
    const rtpmap = video ? /^a=rtpmap:(\d+) ([^/]+)\//.exec(line) : null;
    if (!rtpmap || !VIDEO_CODECS.test(rtpmap[2])) continue;
    const pt = rtpmap[1];
    const fmtp = lines.findIndex((l, j) => j > i && l.startsWith(`a=fmtp:${pt} `));
    const nextSection = lines.findIndex((l, j) => j > i && l.startsWith('m='));
    if (fmtp >= 0 && (nextSection < 0 || fmtp < nextSection)) {
      if (!lines[fmtp].includes('x-google-start-bitrate=')) lines[fmtp] += `;x-google-start-bitrate=${kbps}`;
    } else {
      out.push(`a=fmtp:${pt} x-google-start-bitrate=${kbps}`);
    }
  }
  return out.join(eol);
}
