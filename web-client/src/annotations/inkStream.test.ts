import { describe, expect, it } from 'vitest';
import { extendDraft, startDraft } from './draft';
import { INK_MAX_POINTS, INK_MIN_GAP_MS, InkStream } from './inkStream';
import type { Point } from './mapping';
import type { Drawable } from './model';

/** A hand-cranked animation frame and clock. */
function harness() {
  let queued: (() => void)[] = [];
  const clock = { t: 0 };
  const sent: { id: string; added: Point[] }[] = [];
  const stream = new InkStream((run) => queued.push(run), () => clock.t, (d, added) => sent.push({ id: d.id, added }));
  const frame = (ms = INK_MIN_GAP_MS) => {
    clock.t += ms;
    const now = queued;
    queued = [];
    now.forEach((run) => run());
  };
  return { stream, sent, frame, pending: () => queued.length };
}

const style = { color: '#ff0000', width: 4 };

describe('InkStream', () => {
  it('sends each new point once, at most one chunk per frame, starting with the first point', () => {
    const { stream, sent, frame } = harness();
    let d: Drawable = startDraft('pen', { x: 0.1, y: 0.1 }, style, 's1', '');
    stream.update(d);
    d = extendDraft(d, { x: 0.2, y: 0.2 });
    stream.update(d);
    d = extendDraft(d, { x: 0.3, y: 0.3 });
    stream.update(d);
    frame();
    expect(sent).toEqual([{ id: 's1', added: [{ x: 0.1, y: 0.1 }, { x: 0.2, y: 0.2 }, { x: 0.3, y: 0.3 }] }]);
    d = extendDraft(d, { x: 0.4, y: 0.4 });
    stream.update(d);
    frame();
    expect(sent[1]).toEqual({ id: 's1', added: [{ x: 0.4, y: 0.4 }] });
    frame();
    expect(sent).toHaveLength(2);
  });

  it('waits out a fast screen\'s frames instead of sending more than one chunk per gap', () => {
    const { stream, sent, frame } = harness();
    let d: Drawable = startDraft('pen', { x: 0.1, y: 0.1 }, style, 's1', '');
    stream.update(d);
    frame();
    d = extendDraft(d, { x: 0.2, y: 0.2 });
    stream.update(d);
    frame(7); // a 144 Hz frame: too soon
    expect(sent).toHaveLength(1);
    frame(7);
    expect(sent).toHaveLength(1);
    frame(7);
    expect(sent).toHaveLength(2);
  });

  it('splits a long backlog into protocol-sized chunks', () => {
    const { stream, sent, frame } = harness();
    let d: Drawable = startDraft('pen', { x: 0, y: 0 }, style, 's1', '');
    for (let i = 1; i <= INK_MAX_POINTS + 10; i++) d = extendDraft(d, { x: i / 1500, y: 0 });
    stream.update(d);
    frame();
    frame();
    expect(sent.map((s) => s.added.length)).toEqual([INK_MAX_POINTS, 11]);
  });

  it('sends nothing after the pen lifts, nothing for shapes, and starts over for the next stroke', () => {
    const { stream, sent, frame } = harness();
    stream.update(startDraft('rect', { x: 0.1, y: 0.1 }, style, 'r1', ''));
    frame();
    expect(sent).toEqual([]);
    let d: Drawable = startDraft('pen', { x: 0.1, y: 0.1 }, style, 's1', '');
    stream.update(d);
    stream.stop();
    frame();
    expect(sent).toEqual([]);
    d = startDraft('highlighter', { x: 0.5, y: 0.5 }, style, 's2', '');
    stream.update(d);
    frame();
    expect(sent).toEqual([{ id: 's2', added: [{ x: 0.5, y: 0.5 }] }]);
  });
});
