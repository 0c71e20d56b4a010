import { describe, expect, it } from 'vitest';
import { Backoff } from './backoff';

describe('Backoff', () => {
  it('doubles the cap on each attempt up to the maximum', () => {
    const b = new Backoff({ baseMs: 500, maxMs: 4000, random: () => 1 });
    expect([b.next(), b.next(), b.next(), b.next(), b.next()]).toEqual([500, 1000, 2000, 4000, 4000]);
    expect(b.attempts()).toBe(5);
  });

  it('draws each delay between the minimum and the cap (full jitter)', () => {
    const b = new Backoff({ baseMs: 1000, minMs: 100, random: () => 0.5 });
    expect(b.next()).toBe(500);
    expect(b.next()).toBe(1000);
    const zero = new Backoff({ random: () => 0 });
    expect(zero.next()).toBe(100);
  });

  it('starts over after a success', () => {
    const b = new Backoff({ baseMs: 500, random: () => 1 });
    b.next();
    b.next();
    b.reset();
    expect(b.next()).toBe(500);
  });

  it('never overflows after many attempts', () => {
    const b = new Backoff({ maxMs: 15_000, random: () => 1 });
    for (let i = 0; i < 100; i++) b.next();
    expect(b.next()).toBe(15_000);
  });
});
