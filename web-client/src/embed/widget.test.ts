import { describe, expect, it } from 'vitest';
import { envelope, type ExternalRef } from './protocol';
import { acceptFromFrame, frameUrl, HostChannel, type HostWindow } from './widget';

const COVIEW = 'https://coview.example.com';
const HOST = 'https://crm.example.com';

describe('frameUrl', () => {
  it('points agent mode at /agent/ with embed=1 and the host origin', () => {
    const url = new URL(frameUrl({ origin: `${COVIEW}/anything?x=1`, mode: 'agent', apiKey: 'secret' }, HOST));
    expect(url.origin + url.pathname).toBe(`${COVIEW}/agent/`);
    expect(url.searchParams.get('embed')).toBe('1');
    expect(url.searchParams.get('parentOrigin')).toBe(HOST);
    expect(url.href).not.toContain('secret');
  });

  it('puts the customer\'s code or invite in the fragment, never in the query', () => {
    const byCode = new URL(frameUrl({ origin: COVIEW, mode: 'customer', code: '123456' }, HOST));
    expect(byCode.pathname).toBe('/join/');
    expect(byCode.hash).toBe('#code=123456');
    expect(byCode.search).not.toContain('123456');
    expect(new URL(frameUrl({ origin: COVIEW, mode: 'customer', invite: 'tok' }, HOST)).hash).toBe('#invite=tok');
  });

  it('passes the page\'s language on, and none when not given', () => {
    expect(new URL(frameUrl({ origin: COVIEW, mode: 'customer', code: '123456', lang: 'de' }, HOST)).searchParams
      .get('lang')).toBe('de');
    expect(new URL(frameUrl({ origin: COVIEW, mode: 'agent' }, HOST)).searchParams.has('lang')).toBe(false);
  });

  it('refuses a bad origin or mode', () => {
    expect(() => frameUrl({ origin: 'coview.example.com', mode: 'agent' }, HOST)).toThrow(/origin/);
    expect(() => frameUrl({ origin: COVIEW, mode: 'admin' as never }, HOST)).toThrow(/mode/);
  });
});

describe('acceptFromFrame', () => {
  const frame = {};
  const event = envelope('session.started', { roomId: 'r1' });

  it('accepts an envelope from its own frame on the CoView origin', () => {
    expect(acceptFromFrame({ origin: COVIEW, source: frame, data: event }, COVIEW, frame)).toEqual(event);
  });

  it('ignores another origin, another window, and anything but an envelope', () => {
    expect(acceptFromFrame({ origin: HOST, source: frame, data: event }, COVIEW, frame)).toBeNull();
    expect(acceptFromFrame({ origin: COVIEW, source: {}, data: event }, COVIEW, frame)).toBeNull();
    expect(acceptFromFrame({ origin: COVIEW, source: null, data: event }, COVIEW, null)).toBeNull();
    expect(acceptFromFrame({ origin: COVIEW, source: frame, data: { ...event, version: 2 } }, COVIEW, frame)).toBeNull();
  });
});

describe('HostChannel', () => {
  function setup(options: { apiKey?: string; externalRef?: ExternalRef; metadata?: Record<string, string> } = {}) {
    const frameWindow = { posted: [] as { message: unknown; origin: string }[],
      postMessage(message: unknown, origin: string) { this.posted.push({ message, origin }); } };
    let frameAlive = true;
    const listeners: ((e: MessageEvent) => void)[] = [];
    const host: HostWindow = {
      addEventListener: (_t, l) => listeners.push(l),
      removeEventListener: (_t, l) => listeners.splice(listeners.indexOf(l), 1),
    };
    const events: unknown[] = [];
    const channel = new HostChannel(host, { window: () => (frameAlive ? frameWindow : null) }, COVIEW,
      { ...options, onEvent: (e) => events.push(e) });
    const deliver = (origin: string, source: unknown, data: unknown) =>
      listeners.forEach((l) => l({ origin, source, data } as unknown as MessageEvent));
    return { channel, frameWindow, listeners, events, deliver, kill: () => (frameAlive = false) };
  }

  it('hands its frame\'s events to on() listeners and onEvent', () => {
    const { channel, frameWindow, events, deliver } = setup();
    const started: unknown[] = [];
    channel.on('session.started', (d) => started.push(d));
    deliver(COVIEW, frameWindow, envelope('session.started', { roomId: 'r1', joinCode: '123456' }));
    expect(started).toEqual([{ roomId: 'r1', joinCode: '123456' }]);
    expect(events).toEqual([envelope('session.started', { roomId: 'r1', joinCode: '123456' })]);
  });

  it('hands session.ended on with its reason (an expiry is not a plain close)', () => {
    const { channel, frameWindow, deliver } = setup();
    const ended: unknown[] = [];
    channel.on('session.ended', (d) => ended.push(d));
    deliver(COVIEW, frameWindow, envelope('session.ended', { roomId: 'r1', reason: 'expired' }));
    deliver(COVIEW, frameWindow, envelope('session.ended', { roomId: 'r2', reason: 'removed' }));
    expect(ended).toEqual([{ roomId: 'r1', reason: 'expired' }, { roomId: 'r2', reason: 'removed' }]);
  });

  it('ignores a message forged by the host page itself, another frame, or another origin', () => {
    const { channel, frameWindow, events, deliver } = setup();
    const seen: unknown[] = [];
    channel.on('session.ended', (d) => seen.push(d));
    const forged = envelope('session.ended', { roomId: 'r1' });
    const hostWindow = {};
    deliver(HOST, hostWindow, forged);          // window.postMessage(...) from the host page
    deliver(COVIEW, hostWindow, forged);        // right origin claimed, wrong window
    deliver(COVIEW, {}, forged);                // another CoView frame
    deliver('https://evil.example', frameWindow, forged);
    expect(seen).toEqual([]);
    expect(events).toEqual([]);
  });

  it('ignores unknown types and control messages as events', () => {
    const { frameWindow, events, deliver } = setup();
    deliver(COVIEW, frameWindow, envelope('something.else', {}));
    deliver(COVIEW, frameWindow, envelope('ready', { mode: 'agent' }));
    expect(events).toEqual([]);
  });

  it('resolves ready and sends the agent key to the CoView origin only after the frame says ready', async () => {
    const { channel, frameWindow, deliver } = setup({ apiKey: 'k1' });
    expect(frameWindow.posted).toEqual([]);
    deliver(COVIEW, frameWindow, envelope('ready', { mode: 'agent' }));
    await channel.ready;
    expect(frameWindow.posted).toEqual([{ message: envelope('agent-key', { apiKey: 'k1' }), origin: COVIEW }]);
  });

  it('sends the room context (the Case the session belongs to) once the frame says ready', async () => {
    const externalRef = { system: 'salesforce', type: 'Case', id: '5003000000D8cuIAAR' };
    const { channel, frameWindow, deliver } = setup({ apiKey: 'k1', externalRef, metadata: { queue: 'billing' } });
    deliver(COVIEW, frameWindow, envelope('ready', { mode: 'agent' }));
    await channel.ready;
    expect(frameWindow.posted).toEqual([
      { message: envelope('agent-key', { apiKey: 'k1' }), origin: COVIEW },
      { message: envelope('room-context', { externalRef, metadata: { queue: 'billing' } }), origin: COVIEW },
    ]);
  });

  it('keeps dispatching when one listener throws', () => {
    const { channel, frameWindow, deliver } = setup();
    const seen: string[] = [];
    channel.on('participant.joined', () => {
      throw new Error('host bug');
    });
    channel.on('participant.joined', (d) => seen.push(d.participantId));
    const original = console.error;
    console.error = () => undefined;
    try {
      deliver(COVIEW, frameWindow, envelope('participant.joined', { participantId: 'p1', role: 'customer' }));
    } finally {
      console.error = original;
    }
    expect(seen).toEqual(['p1']);
  });

  it('stops listening on close and after a listener unsubscribes', () => {
    const { channel, frameWindow, listeners, deliver } = setup();
    const seen: unknown[] = [];
    const off = channel.on('session.started', (d) => seen.push(d));
    off();
    deliver(COVIEW, frameWindow, envelope('session.started', { roomId: 'r1' }));
    expect(seen).toEqual([]);
    channel.close();
    expect(listeners).toEqual([]);
  });

  it('ignores everything once the frame is gone', () => {
    const { frameWindow, events, deliver, kill } = setup();
    kill();
    deliver(COVIEW, frameWindow, envelope('session.started', { roomId: 'r1' }));
    expect(events).toEqual([]);
  });
});
