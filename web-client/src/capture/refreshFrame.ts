/**
 * Asks a capture for a new frame. The web has no call for it; Chromium asks the capturer for one whenever a new
 * consumer attaches to any track of the capture (MediaStreamVideoTrack::AddSink), so a clone read by a
 * MediaStreamTrackProcessor for a moment does it. The clone's frame is not used: the crop pipeline's track gets
 * the same frame.
 */

/** How long the clone stays attached when no frame comes: the request is made as it attaches. */
const HOLD_MS = 500;

/** @returns whether a request could be made (this browser has MediaStreamTrackProcessor and the track is live) */
export function requestRefreshFrame(track: MediaStreamTrack): boolean {
  const Processor = globalThis.MediaStreamTrackProcessor;
  if (!Processor || track.readyState !== 'live') return false;
  const clone = track.clone();
  let reader: ReadableStreamDefaultReader<VideoFrame>;
  try {
    reader = new Processor({ track: clone, maxBufferSize: 1 }).readable.getReader();
  } catch {
    clone.stop();
    return false;
  }
  let released = false;
  const release = (): void => {
    if (released) return;
    released = true;
    clearTimeout(timer);
    reader.cancel().catch(() => undefined);
    clone.stop();
  };
  const timer = setTimeout(release, HOLD_MS);
  reader.read().then(({ value }) => {
    value?.close();
    release();
  }, release);
  return true;
}
