import { describe, expect, it } from 'vitest';
import { RejoinStore } from './rejoinStore';

const memory = () => {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v),
    removeItem: (k: string) => void m.delete(k), m };
};

describe('RejoinStore', () => {
  it('keeps the last credential and forgets it when cleared', () => {
    const s = memory();
    const store = new RejoinStore(s);
    store.save({ roomId: 'r', participantId: 'p', rejoinCredential: 'c1' });
    store.save({ roomId: 'r', participantId: 'p', rejoinCredential: 'c2' });
    expect(store.load()).toEqual({ roomId: 'r', participantId: 'p', credential: 'c2' });
    store.clear();
    expect(store.load()).toBeNull();
  });

  it('stores nothing without a credential, and survives broken or missing storage', () => {
    const s = memory();
    new RejoinStore(s).save({ roomId: 'r', participantId: 'p' });
    expect(s.m.size).toBe(0);
    s.setItem('coview.rejoin', '{not json');
    expect(new RejoinStore(s).load()).toBeNull();
    const none = new RejoinStore(null);
    none.save({ roomId: 'r', participantId: 'p', rejoinCredential: 'c' });
    expect(none.load()).toBeNull();
  });
});
