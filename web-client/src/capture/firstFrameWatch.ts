/**
 * A capture that starts but never yields its first frame. Chromium's tab capture of a still page sends a frame
 * only when something changes or when a consumer asks for one (attaching to a track asks once); when that one
 * request reaches the capturer before it runs, it is lost, and the share looks alive everywhere (the track is
 * live, ICE connects) while nothing is ever sent. The browser tests met it twice in several hundred shares.
 *
 * The watch asks again for a frame every {@link NUDGE_MS} until the first one has passed through the crop
 * pipeline, and after {@link STALLED_MS} tells the person sharing that no picture leaves their browser (the other
 * side's page says the same from its own stats), so that nobody believes a share that shows nothing.
 */

/** How often to ask the capturer for a frame again while none has come. */
export const NUDGE_MS = 1000;
/** How long without a first frame before the person sharing is told. The agent's page says so after 3 s. */
export const STALLED_MS = 4000;

/** The timers the watch needs, injected so that tests run on fake time. */
export interface WatchTimers {
  every(fn: () => void, ms: number): () => void;
  after(fn: () => void, ms: number): () => void;
}

export const BROWSER_TIMERS: WatchTimers = {
  every: (fn, ms) => {
    const id = setInterval(fn, ms);
    return () => clearInterval(id);
  },
  after: (fn, ms) => {
    const id = setTimeout(fn, ms);
    return () => clearTimeout(id);
  },
};

/**
 * @param firstFrame resolves once the first frame has been sent (the crop pipeline's)
 * @param nudge asks the capturer for a frame
 * @param onStalled true once {@link STALLED_MS} passed without a first frame; false when one comes after that
 * @returns stops watching (the share stopped)
 */
export function watchFirstFrame(firstFrame: Promise<unknown>, nudge: () => void, onStalled: (stalled: boolean) => void,
                                timers: WatchTimers = BROWSER_TIMERS): () => void {
  let done = false;
  let stalled = false;
  const stopNudging = timers.every(() => {
    if (!done) nudge();
  }, NUDGE_MS);
  const stopClock = timers.after(() => {
    if (done) return;
    stalled = true;
    onStalled(true);
  }, STALLED_MS);
  const stop = (): void => {
    if (done) return;
    done = true;
    stopNudging();
    stopClock();
  };
  void firstFrame.then(() => {
    if (done) return;
    stop();
    if (stalled) onStalled(false);
  }, () => undefined);
  return stop;
}
