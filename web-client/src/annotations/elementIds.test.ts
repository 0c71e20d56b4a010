import { describe, expect, it } from 'vitest';
import { elementIds } from './elementIds';

describe('element ids', () => {
  it('are the creation time and a counter in base 36, with the page\'s prefix', () => {
    const ids = elementIds('c', () => 36 * 36);
    expect([ids(), ids(), ids()]).toEqual(['c100-0', 'c100-1', 'c100-2']);
  });

  it('never repeat within a page, even within one millisecond', () => {
    const ids = elementIds('', () => 1);
    const made = Array.from({ length: 1000 }, ids);
    expect(new Set(made).size).toBe(1000);
  });

  it('count per generator (a new page starts at 0 with a later time)', () => {
    expect(elementIds('', () => 0)()).toBe('0-0');
    expect(elementIds('', () => 1)()).toBe('1-0');
  });
});
