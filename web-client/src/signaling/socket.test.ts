import { describe, expect, it } from 'vitest';
import { Backoff } from './backoff';
import { bearerProtocols, ReconnectingSocket, type SocketState, type WebSocketLike } from './socket';

class FakeSocket implements WebSocketLike {
  readyState = 0;
  sent: string[] = [];
  onopen: ((ev: Event) => void) | null = null;
  onmessage: ((ev: MessageEvent) => void) | null = null;
  onclose: ((ev: CloseEvent) => void) | null = null;
  onerror: ((ev: Event) => void) | null = null;
  constructor(readonly url: string, readonly protocols: string[]) {}
  send(data: string) {
    this.sent.push(data);
  }
  closedByClient = false;
  close() {
    this.readyState = 3;
    this.closedByClient = true;
  }
  open() {
    this.readyState = 1;
    this.onopen?.(new Event('open'));
  }
  receive(data: string) {
    this.onmessage?.({ data } as MessageEvent);
  }
  drop(code: number, reason = '') {
    this.readyState = 3;
    this.onclose?.({ code, reason } as CloseEvent);
  }
}

function harness() {
  const sockets: FakeSocket[] = [];
  const timers: { fn: () => void; ms: number }[] = [];
  const states: SocketState[] = [];
  const messages: unknown[] = [];
  const socket = new ReconnectingSocket<unknown, { type: string }>('ws://x/ws/signal', () => 'tok', {
    message: (m) => messages.push(m),
    state: (s) => states.push(s),
  }, {
    open: (url, protocols) => {
      const s = new FakeSocket(url, protocols);
      sockets.push(s);
      return s;
    },
    setTimeout: (fn, ms) => timers.push({ fn, ms }),
    clearTimeout: () => undefined,
    backoff: new Backoff({ baseMs: 500, random: () => 1 }),
  });
  return { socket, sockets, timers, states, messages };
}

describe('ReconnectingSocket', () => {
  it('carries the token as a websockets-next bearer subprotocol', () => {
    const h = harness();
    h.socket.connect();
    expect(h.sockets[0].protocols).toEqual(bearerProtocols('tok'));
    expect(h.sockets[0].protocols[1]).toBe('quarkus-http-upgrade%23Authorization%23Bearer%20tok');
  });

  it('parses messages and sends JSON only while connected', () => {
    const h = harness();
    h.socket.connect();
    expect(h.socket.send({ type: 'bye' })).toBe(false);
    h.sockets[0].open();
    h.sockets[0].receive('{"type":"welcome"}');
    h.sockets[0].receive('not json');
    expect(h.messages).toEqual([{ type: 'welcome' }]);
    expect(h.socket.send({ type: 'bye' })).toBe(true);
    expect(h.sockets[0].sent).toEqual(['{"type":"bye"}']);
  });

  it('reconnects with growing delays after drops and server restarts', () => {
    const h = harness();
    h.socket.connect();
    h.sockets[0].open();
    h.sockets[0].drop(1006);
    h.timers.at(-1)!.fn();
    h.sockets[1].drop(1001);
    // The stable timer of the first open is timers[0]; reconnect delays follow.
    expect(h.timers.filter((t) => t.ms !== 10_000).map((t) => t.ms)).toEqual([500, 1000]);
    expect(h.states).toEqual(['connecting', 'connected', 'reconnecting', 'reconnecting', 'reconnecting']);
  });

  it('never reconnects after a final close (room ended, token refused)', () => {
    const h = harness();
    h.socket.connect();
    h.sockets[0].open();
    h.sockets[0].drop(4000, 'room ended');
    expect(h.states.at(-1)).toBe('closed');
    expect(h.timers.filter((t) => t.ms !== 10_000)).toEqual([]);
  });

  it('does not reconnect after close() by the page', () => {
    const h = harness();
    h.socket.connect();
    h.sockets[0].open();
    h.socket.close();
    h.sockets[0].drop(1000);
    expect(h.timers.filter((t) => t.ms !== 10_000)).toEqual([]);
    expect(h.states.at(-1)).toBe('closed');
  });

  it('says a last word (bye) and leaves the close to the service, closing itself only when the service does not', () => {
    const h = harness();
    h.socket.connect();
    h.sockets[0].open();
    h.socket.finish({ type: 'bye' });
    expect(h.sockets[0].sent).toEqual(['{"type":"bye"}']);
    expect(h.states.at(-1)).toBe('closed');
    expect(h.sockets[0].closedByClient).toBe(false);
    // The service's close after the bye changes nothing, and never reconnects.
    h.sockets[0].drop(1000, 'bye');
    expect(h.states.filter((s) => s === 'closed')).toHaveLength(1);
    expect(h.sockets).toHaveLength(1);
    // If the service says nothing, the page closes after the grace.
    h.timers.at(-1)!.fn();
    expect(h.sockets[0].closedByClient).toBe(true);
  });
});
