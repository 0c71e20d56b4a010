import { describe, expect, it } from 'vitest';
import {
  envelope, isEnvelope, normaliseOrigin, PROTOCOL_VERSION, SESSION_ENDED_REASONS, sessionEndedReason, WIDGET_EVENT_TYPES,
} from './protocol';

describe('envelope', () => {
  it('wraps an event as {source: coview, version: 1, type, data}', () => {
    expect(envelope('session.started', { roomId: 'r1', joinCode: '123456' })).toEqual({
      source: 'coview', version: 1, type: 'session.started', data: { roomId: 'r1', joinCode: '123456' },
    });
    expect(PROTOCOL_VERSION).toBe(1);
  });

  it('recognises its own envelopes', () => {
    for (const type of WIDGET_EVENT_TYPES) expect(isEnvelope(envelope(type, { roomId: 'r' }))).toBe(true);
  });

  it.each([
    ['null', null],
    ['a string', 'coview'],
    ['another source', { source: 'other', version: 1, type: 'session.started', data: {} }],
    ['another version', { source: 'coview', version: 2, type: 'session.started', data: {} }],
    ['a version as text', { source: 'coview', version: '1', type: 'session.started', data: {} }],
    ['no type', { source: 'coview', version: 1, data: {} }],
    ['an empty type', { source: 'coview', version: 1, type: '', data: {} }],
    ['no data', { source: 'coview', version: 1, type: 'session.started' }],
    ['data not an object', { source: 'coview', version: 1, type: 'session.started', data: 'x' }],
  ])('rejects %s', (_name, value) => {
    expect(isEnvelope(value)).toBe(false);
  });
});

describe('normaliseOrigin', () => {
  it('keeps only scheme, host and port of http(s) URLs', () => {
    expect(normaliseOrigin('https://crm.example.com/path?q=1#x')).toBe('https://crm.example.com');
    expect(normaliseOrigin('http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080');
  });

  it.each(['*', 'null', '', 'javascript:alert(1)', 'data:text/html,x', 'file:///etc/passwd', 'crm.example.com'])(
    'refuses %j (a message is only ever posted to one exact origin)', (value) => {
      expect(normaliseOrigin(value)).toBeNull();
    });

  it('refuses a missing value', () => {
    expect(normaliseOrigin(null)).toBeNull();
    expect(normaliseOrigin(undefined)).toBeNull();
  });
});

describe('session.ended reason', () => {
  it('carries the real reason, not one word for every end', () => {
    expect(sessionEndedReason('agent', 'customer', false)).toBe('ended');
    expect(sessionEndedReason('agent', 'agent', true)).toBe('ended');
    expect(sessionEndedReason('agent', 'agent', false)).toBe('ended-elsewhere');
    expect(sessionEndedReason('expired', 'agent', false)).toBe('expired');
    expect(sessionEndedReason('expired', 'customer', false)).toBe('expired');
    expect(sessionEndedReason('removed', 'customer', false)).toBe('removed');
    expect(sessionEndedReason('elsewhere', 'customer', false)).toBe('opened-elsewhere');
    expect(sessionEndedReason('left', 'customer', true)).toBe('left');
    expect(sessionEndedReason('unknown', 'customer', false)).toBe('closed');
  });

  it('only ever says a documented reason', () => {
    const reasons = ['agent', 'expired', 'removed', 'elsewhere', 'access', 'left', 'unknown'] as const;
    for (const r of reasons) {
      for (const mode of ['agent', 'customer'] as const) {
        for (const here of [true, false]) expect(SESSION_ENDED_REASONS).toContain(sessionEndedReason(r, mode, here));
      }
    }
  });
});
