/**
 * Coalesces pointer moves to at most one per animation frame: a mouse reports up to 1000 moves a second, the
 * screen shows 60. The latest position wins; nothing is queued. The frame scheduler is injected
 * (requestAnimationFrame in the browser), so tests step frames by hand.
 *
 * With `settle`, the last position sent goes once more when the pointer has rested that long: pointer moves are
 * volatile on the way (the service drops a move it cannot deliver within its deadline rather than deliver it late),
 * and without this a pointer left still after a lost move would stay where the others last saw it.
 */
export type FrameScheduler = (callback: () => void) => void;

/** Runs `callback` after `ms` milliseconds; returns a function that cancels it (setTimeout in the browser). */
export type Timer = (callback: () => void, ms: number) => () => void;

export interface Settle {
  readonly ms: number;
  readonly timer: Timer;
}

export const browserTimer: Timer = (callback, ms) => {
  const id = setTimeout(callback, ms);
  return () => clearTimeout(id);
};

export class PointerCoalescer<T> {
  private pending: T | null = null;
  private scheduled = false;
  private cancelSettle: (() => void) | null = null;

  constructor(
    private readonly schedule: FrameScheduler,
    private readonly emit: (value: T) => void,
    private readonly settle?: Settle,
  ) {}

  push(value: T): void {
    this.pending = value;
    if (this.scheduled) return;
    this.scheduled = true;
    this.schedule(() => {
      this.scheduled = false;
      const v = this.pending;
      this.pending = null;
      if (v !== null) this.send(v);
    });
  }

  /** Drops a position not yet sent (the pointer left the video), and its re-send. */
  cancel(): void {
    this.pending = null;
    this.stopSettle();
  }

  private send(value: T): void {
    this.emit(value);
    if (!this.settle) return;
    this.stopSettle();
    this.cancelSettle = this.settle.timer(() => {
      this.cancelSettle = null;
      this.emit(value);
    }, this.settle.ms);
  }

  private stopSettle(): void {
    this.cancelSettle?.();
    this.cancelSettle = null;
  }
}
