/**
 * Encoder settings of the shared crop: text stays sharp. Screen text needs resolution far more than frame rate,
 * so the sender keeps the resolution and lets the frame rate give way ('maintain-resolution'), and its bitrate
 * cap follows the crop's pixel area: a small crop does not get a whole screen's budget (nor a big one a small
 * one's), and the cap moves with every crop change without a renegotiation.
 */
import type { Size } from '../crop/geometry';

/** Bits per pixel per frame for screen content at the target rate: enough for small text (VP8/VP9, 30 fps). */
export const BITS_PER_PIXEL = 0.1;
/** Frame rate the cap is computed for (fps); the encoder may send fewer frames on a still screen. */
export const TARGET_FPS = 30;
/** Floor of the cap (bit/s): below it even a small crop of text turns to mush. */
export const MIN_BITRATE = 300_000;
/** Ceiling of the cap (bit/s): a full-HD screen of text, what a customer's uplink is likely to carry. */
export const MAX_BITRATE = 6_000_000;

/** The bitrate cap (bit/s) for a crop of this size. */
export function maxBitrateFor(crop: Size): number {
  const wanted = Math.round(Math.max(0, crop.w) * Math.max(0, crop.h) * TARGET_FPS * BITS_PER_PIXEL);
  return Math.min(MAX_BITRATE, Math.max(MIN_BITRATE, wanted));
}

/** The part of RTCRtpSender this needs. */
export interface ParameterSender {
  getParameters(): RTCRtpSendParameters;
  setParameters(p: RTCRtpSendParameters): Promise<void>;
}

/**
 * Sets the sender's degradation preference and, when the crop is known, its bitrate cap. Returns whether the
 * parameters changed; failures (a closed connection) are ignored, the next change tries again.
 */
export async function applySenderParameters(sender: ParameterSender, crop: Size | null): Promise<boolean> {
  const params = sender.getParameters();
  let changed = false;
  if (params.degradationPreference !== 'maintain-resolution') {
    params.degradationPreference = 'maintain-resolution';
    changed = true;
  }
  const encoding = params.encodings?.[0];
  if (crop && encoding) {
    const cap = maxBitrateFor(crop);
    if (encoding.maxBitrate !== cap) {
      encoding.maxBitrate = cap;
      changed = true;
    }
  }
  if (!changed) return false;
  return sender.setParameters(params).then(() => true, () => false);
}
