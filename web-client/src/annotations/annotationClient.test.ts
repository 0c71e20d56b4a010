import { describe, expect, it } from 'vitest';
import type { WebSocketLike } from '../signaling/socket';
import { AnnotationClient } from './annotationClient';

function setup() {
  const sent: unknown[] = [];
  let ws!: WebSocketLike & { onmessage: (ev: MessageEvent) => void };
  const client = new AnnotationClient('ws://x/ws/annotations', () => 't', () => undefined, {
    open: () => {
      ws = { readyState: 1, send: (d: string) => sent.push(JSON.parse(d)), close: () => undefined,
        onopen: null, onclose: null, onerror: null, onmessage: () => undefined } as never;
      return ws;
    },
    setTimeout: () => 0,
    clearTimeout: () => undefined,
  });
  client.connect();
  return { client, sent, receive: (m: unknown) => ws.onmessage({ data: JSON.stringify(m) } as MessageEvent) };
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

  it('sends client messages as JSON', () => {
    const s = setup();
    s.client.send({ type: 'pointer', x: 0.1, y: 0.2 });
    expect(s.sent).toEqual([{ type: 'pointer', x: 0.1, y: 0.2 }]);
  });
});
