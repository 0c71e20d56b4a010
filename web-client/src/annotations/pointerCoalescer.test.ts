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

describe('PointerCoalescer with settle', () => {
  function manualTimer() {
    const timers: { cb: () => void; ms: number; live: boolean }[] = [];
    const timer = (cb: () => void, ms: number) => {
      const t = { cb, ms, live: true };
      timers.push(t);
      return () => void (t.live = false);
    };
    const elapse = () => timers.splice(0).filter((t) => t.live).forEach((t) => t.cb());
    return { timer, elapse, timers };
  }

  function settling() {
    const f = manualFrames();
    const t = manualTimer();
    const sent: number[] = [];
    const c = new PointerCoalescer<number>(f.schedule, (v) => sent.push(v), { ms: 500, timer: t.timer });
    return { f, t, sent, c };
  }

  it('sends the last position once more when the pointer rests', () => {
    const { f, t, sent, c } = settling();
    c.push(1);
    f.frame();
    c.push(2);
    f.frame();
    expect(t.timers.map((x) => x.ms)).toEqual([500, 500]);
    t.elapse();
    expect(sent).toEqual([1, 2, 2]);
    t.elapse();
    expect(sent).toEqual([1, 2, 2]);
  });

  it('does not re-send a position once the pointer left', () => {
    const { f, t, sent, c } = settling();
    c.push(1);
    f.frame();
    c.cancel();
    t.elapse();
    expect(sent).toEqual([1]);
  });
});
