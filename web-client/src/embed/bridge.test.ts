import { describe, expect, it } from 'vitest';
import { type BridgeWindow, createBridge } from './bridge';
import { envelope } from './protocol';

const HOST = 'https://crm.example.com';
const PAGE = 'https://coview.example.com/agent/';

/** A page window with a recording parent; `deliver` plays a `message` event to the bridge's listener. */
function fakeWindow(href: string, framed = true) {
  const posted: { message: unknown; targetOrigin: string }[] = [];
  const listeners: ((e: MessageEvent) => void)[] = [];
  const parent = { postMessage: (message: unknown, targetOrigin: string) => posted.push({ message, targetOrigin }) };
  const self = {};
  const win: BridgeWindow = {
    location: { href },
    parent: framed ? parent : (self as never),
    self,
    addEventListener: (_t, l) => listeners.push(l),
    removeEventListener: (_t, l) => listeners.splice(listeners.indexOf(l), 1),
  };
  const deliver = (e: { origin: string; source: unknown; data: unknown }) =>
    listeners.forEach((l) => l(e as unknown as MessageEvent));
  return { win, parent, posted, listeners, deliver };
}

const embeddedUrl = `${PAGE}?embed=1&parentOrigin=${encodeURIComponent(HOST)}`;

describe('createBridge', () => {
  it('posts ready, then events, in the envelope and only to the parent origin it was given', () => {
    const { win, posted } = fakeWindow(embeddedUrl);
    const bridge = createBridge(win, 'agent');
    bridge.notify('session.started', { roomId: 'r1', joinCode: '123456' });
    expect(bridge.embedded).toBe(true);
    expect(posted).toEqual([
      { message: envelope('ready', { mode: 'agent' }), targetOrigin: HOST },
      { message: envelope('session.started', { roomId: 'r1', joinCode: '123456' }), targetOrigin: HOST },
    ]);
  });

  it.each([
    ['not framed', embeddedUrl, false],
    ['no embed flag', `${PAGE}?parentOrigin=${encodeURIComponent(HOST)}`, true],
    ['no parentOrigin', `${PAGE}?embed=1`, true],
    ['a wildcard parentOrigin', `${PAGE}?embed=1&parentOrigin=*`, true],
    ['a non-http parentOrigin', `${PAGE}?embed=1&parentOrigin=${encodeURIComponent('javascript:x')}`, true],
  ])('does nothing when %s', (_name, href, framed) => {
    const { win, posted, listeners } = fakeWindow(href, framed);
    const bridge = createBridge(win, 'customer');
    bridge.notify('session.ended', { roomId: 'r1' });
    expect(bridge.embedded).toBe(false);
    expect(posted).toEqual([]);
    expect(listeners).toEqual([]);
  });

  it('takes host commands only from the parent window on the parent origin', () => {
    const { win, parent, deliver } = fakeWindow(embeddedUrl);
    const bridge = createBridge(win, 'agent');
    const keys: string[] = [];
    bridge.onCommand('agent-key', (d) => keys.push(d.apiKey));
    deliver({ origin: 'https://evil.example', source: parent, data: envelope('agent-key', { apiKey: 'forged-origin' }) });
    deliver({ origin: HOST, source: {}, data: envelope('agent-key', { apiKey: 'forged-window' }) });
    deliver({ origin: HOST, source: parent, data: { type: 'agent-key', data: { apiKey: 'no-envelope' } } });
    deliver({ origin: HOST, source: parent, data: envelope('unknown', { apiKey: 'unknown-type' }) });
    deliver({ origin: HOST, source: parent, data: envelope('agent-key', { apiKey: 'k1' }) });
    expect(keys).toEqual(['k1']);
  });

  it('replays a command that arrived before anyone listened', () => {
    const { win, parent, deliver } = fakeWindow(embeddedUrl);
    const bridge = createBridge(win, 'agent');
    deliver({ origin: HOST, source: parent, data: envelope('agent-key', { apiKey: 'early' }) });
    const keys: string[] = [];
    bridge.onCommand('agent-key', (d) => keys.push(d.apiKey));
    expect(keys).toEqual(['early']);
  });

  it('answers the parent\'s ping with ready', () => {
    const { win, parent, posted, deliver } = fakeWindow(embeddedUrl);
    createBridge(win, 'customer');
    deliver({ origin: HOST, source: parent, data: envelope('ping', {}) });
    deliver({ origin: 'https://evil.example', source: parent, data: envelope('ping', {}) });
    expect(posted.map((p) => p.message)).toEqual([
      envelope('ready', { mode: 'customer' }), envelope('ready', { mode: 'customer' }),
    ]);
  });

  it('never throws when posting fails (the host went away)', () => {
    const { win } = fakeWindow(embeddedUrl);
    (win.parent as { postMessage: unknown }).postMessage = () => {
      throw new Error('detached');
    };
    expect(() => createBridge(win, 'agent').notify('session.ended', { roomId: 'r' })).not.toThrow();
  });

  it('stops listening when disposed', () => {
    const { win, listeners } = fakeWindow(embeddedUrl);
    createBridge(win, 'agent').dispose();
    expect(listeners).toEqual([]);
  });
});
