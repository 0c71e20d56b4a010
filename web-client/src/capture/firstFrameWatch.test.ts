import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NUDGE_MS, STALLED_MS, watchFirstFrame } from './firstFrameWatch';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('watchFirstFrame', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('asks the capture for a frame every second while none has come, and says so after four seconds', async () => {
    const first = deferred();
    const nudge = vi.fn();
    const stalled = vi.fn();
    watchFirstFrame(first.promise, nudge, stalled);

    await vi.advanceTimersByTimeAsync(NUDGE_MS - 1);
    expect(nudge).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(nudge).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(STALLED_MS - NUDGE_MS - 1);
    expect(stalled).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(stalled).toHaveBeenCalledExactlyOnceWith(true);
    expect(nudge).toHaveBeenCalledTimes(STALLED_MS / NUDGE_MS);

    // It keeps asking: a frame that comes late still ends the notice.
    await vi.advanceTimersByTimeAsync(3 * NUDGE_MS);
    expect(nudge).toHaveBeenCalledTimes(STALLED_MS / NUDGE_MS + 3);
    first.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(stalled).toHaveBeenLastCalledWith(false);
    expect(stalled).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(10 * NUDGE_MS);
    expect(nudge).toHaveBeenCalledTimes(STALLED_MS / NUDGE_MS + 3);
  });

  it('does nothing when the first frame comes in time', async () => {
    const first = deferred();
    const nudge = vi.fn();
    const stalled = vi.fn();
    watchFirstFrame(first.promise, nudge, stalled);
    await vi.advanceTimersByTimeAsync(NUDGE_MS / 2);
    first.resolve();
    await vi.advanceTimersByTimeAsync(10 * STALLED_MS);
    expect(nudge).not.toHaveBeenCalled();
    expect(stalled).not.toHaveBeenCalled();
  });

  it('stops when the share stops, frame or not', async () => {
    const first = deferred();
    const nudge = vi.fn();
    const stalled = vi.fn();
    const stop = watchFirstFrame(first.promise, nudge, stalled);
    await vi.advanceTimersByTimeAsync(NUDGE_MS);
    stop();
    await vi.advanceTimersByTimeAsync(10 * STALLED_MS);
    first.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(nudge).toHaveBeenCalledTimes(1);
    expect(stalled).not.toHaveBeenCalled();
  });
});
