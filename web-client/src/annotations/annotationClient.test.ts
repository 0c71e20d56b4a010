import { describe, expect, it } from 'vitest';
import type { WebSocketLike } from '../signaling/socket';
import { AnnotationClient } from './annotationClient';

function setup() {
  const sent: unknown[] = [];
  let ws!: WebSocketLike & { onmessage: (ev: MessageEvent) => void; onopen: () => void;
    onclose: (ev: { code: number; reason: string }) => void };
  let timers: (() => void)[] = [];
  const client = new AnnotationClient('ws://x/ws/annotations', () => 't', () => undefined, {
    open: () => {
      ws = { readyState: 1, send: (d: string) => sent.push(JSON.parse(d)), close: () => undefined,
        onopen: null, onclose: null, onerror: null, onmessage: () => undefined } as never;
      return ws;
    },
    setTimeout: (fn: () => void) => { timers.push(fn); return timers.length; },
    clearTimeout: () => undefined,
  });
  client.connect();
  return {
    client,
    sent,
    receive: (m: unknown) => ws.onmessage({ data: JSON.stringify(m) } as MessageEvent),
    /** The connection drops; the backoff timer fires; the new socket opens. */
    reconnect: () => {
      ws.onclose({ code: 1006, reason: '' });
      const due = timers;
      timers = [];
      due.forEach((fn) => fn());
      ws.onopen();
    },
  };
}

describe('AnnotationClient', () => {
  it('hands the room state over first, then events by their type', () => {
    const s = setup();
    const seen: string[] = [];
    s.client.onRoomState((st) => seen.push(`state ${st.seq}`));
    s.client.on('crop', (c, env) => seen.push(`crop ${c.w} by ${env.authorId}`));
    s.client.on('pointer', (p) => seen.push(`pointer ${p.x}`));
    s.receive({ type: 'state', seq: 3, elements: [], masks: [], paused: false, history: [] });
    s.receive({ type: 'event', eventId: 'e', roomId: 'r', authorId: 'c1', seq: 4, ts: 1,
      event: { type: 'crop', x: 0, y: 0, w: 0.5, h: 0.5, sourceW: 100, sourceH: 100 } });
    s.receive({ type: 'event', eventId: 'f', roomId: 'r', authorId: 'a1', ts: 2, event: { type: 'pointer', x: 0.25, y: 0.5 } });
    s.receive({ type: 'event', eventId: 'g', roomId: 'r', authorId: 'a1', ts: 3, event: { type: 'undo' } });
    expect(seen).toEqual(['state 3', 'crop 0.5 by c1', 'pointer 0.25']);
  });

  it('assembles a state sent in parts, and drops the parts of a connection that dropped mid-state', () => {
    const s = setup();
    const states: string[][] = [];
    s.client.onRoomState((st) => states.push(st.elements.map((e) => e.id)));
    const el = (id: string) => ({ id, authorId: 'a1', version: 1, deleted: false,
      drawable: { type: 'shape', id, kind: 'rect', x1: 0, y1: 0, x2: 0.1, y2: 0.1, color: '#ff0000', width: 0.01 } });
    s.receive({ type: 'state.elements', elements: [el('e1'), el('e2')] });
    s.receive({ type: 'state.elements', elements: [el('e3')] });
    s.receive({ type: 'state', seq: 9, elements: [el('e4')], masks: [], paused: false, history: [] });
    expect(states).toEqual([['e1', 'e2', 'e3', 'e4']]);

    s.receive({ type: 'state.elements', elements: [el('stale')] });
    s.reconnect();
    s.receive({ type: 'state', seq: 9, elements: [el('e1')], masks: [], paused: false, history: [] });
    expect(states[1]).toEqual(['e1']);
  });

  it('sends client messages as JSON', () => {
    const s = setup();
    s.client.send({ type: 'pointer', x: 0.1, y: 0.2 });
    expect(s.sent).toEqual([{ type: 'pointer', x: 0.1, y: 0.2 }]);
  });
});
