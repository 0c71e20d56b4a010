import { describe, expect, it } from 'vitest';
import { PointerCoalescer } from './pointerCoalescer';

function manualFrames() {
  const queue: (() => void)[] = [];
  return { schedule: (cb: () => void) => void queue.push(cb), frame: () => queue.splice(0).forEach((cb) => cb()), queue };
}

describe('PointerCoalescer', () => {
  it('sends only the latest position once per frame', () => {
    const f = manualFrames();
    const sent: number[] = [];
    const c = new PointerCoalescer<number>(f.schedule, (v) => sent.push(v));
    c.push(1);
    c.push(2);
    c.push(3);
    expect(f.queue).toHaveLength(1);
    f.frame();
    expect(sent).toEqual([3]);
    c.push(4);
    f.frame();
    expect(sent).toEqual([3, 4]);
  });

  it('sends nothing in a frame without moves, or after cancel', () => {
    const f = manualFrames();
    const sent: number[] = [];
    const c = new PointerCoalescer<number>(f.schedule, (v) => sent.push(v));
    f.frame();
    c.push(1);
    c.cancel();
    f.frame();
    expect(sent).toEqual([]);
  });
});
