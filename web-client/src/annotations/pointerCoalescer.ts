/**
 * Coalesces pointer moves to at most one per animation frame: a mouse reports up to 1000 moves a second, the
 * screen shows 60. The latest position wins; nothing is queued. The frame scheduler is injected
 * (requestAnimationFrame in the browser), so tests step frames by hand.
 */
export type FrameScheduler = (callback: () => void) => void;

export class PointerCoalescer<T> {
  private pending: T | null = null;
  private scheduled = false;

  constructor(private readonly schedule: FrameScheduler, private readonly emit: (value: T) => void) {}

  push(value: T): void {
    this.pending = value;
    if (this.scheduled) return;
    this.scheduled = true;
    this.schedule(() => {
      this.scheduled = false;
      const v = this.pending;
      this.pending = null;
      if (v !== null) this.emit(v);
    });
  }

  /** Drops a position not yet sent (the pointer left the video). */
  cancel(): void {
    this.pending = null;
  }
}
