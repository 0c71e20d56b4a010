import { describe, expect, it } from 'vitest';
import { Watched } from './watched';

describe('a watched value', () => {
  it('tells a listener the value at once, then every change, until it stops', () => {
    const w = new Watched(1);
    const seen: number[] = [];
    const stop = w.subscribe((v) => seen.push(v));
    w.set(2);
    stop();
    w.set(3);
    expect(seen).toEqual([1, 2]);
    expect(w.value).toBe(3);
  });

  it('has nothing to tell before its first value', () => {
    const w = new Watched<string | null>();
    const seen: (string | null)[] = [];
    w.subscribe((v) => seen.push(v));
    expect(seen).toEqual([]);
    w.set(null);
    expect(seen).toEqual([null]);
  });

  it('tells every listener even when one stops while it is told', () => {
    const w = new Watched(0);
    const seen: string[] = [];
    const stopA = w.subscribe((v) => {
      seen.push(`a${v}`);
      if (v === 1) stopA();
    });
    w.subscribe((v) => seen.push(`b${v}`));
    w.set(1);
    w.set(2);
    expect(seen).toEqual(['a0', 'b0', 'a1', 'b1', 'b2']);
  });
});
