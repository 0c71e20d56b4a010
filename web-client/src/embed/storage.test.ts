import { describe, expect, it } from 'vitest';
import { memoryStorage, sessionStorageOrMemory } from './storage';

describe('sessionStorageOrMemory', () => {
  it('uses the page\'s sessionStorage when the browser allows it', () => {
    const real = memoryStorage();
    expect(sessionStorageOrMemory({ sessionStorage: real })).toBe(real);
    expect(real.length).toBe(0);
  });

  it('falls back to memory when reading sessionStorage throws (third-party iframe)', () => {
    const win = {
      get sessionStorage(): Storage {
        throw new DOMException('Access is denied for this document.', 'SecurityError');
      },
    };
    const storage = sessionStorageOrMemory(win);
    storage.setItem('coview.agentKey', 'k');
    expect(storage.getItem('coview.agentKey')).toBe('k');
  });

  it('falls back to memory when writes are refused', () => {
    const refusing = memoryStorage();
    refusing.setItem = () => {
      throw new DOMException('quota', 'QuotaExceededError');
    };
    const storage = sessionStorageOrMemory({ sessionStorage: refusing });
    expect(storage).not.toBe(refusing);
    storage.setItem('a', 'b');
    expect(storage.getItem('a')).toBe('b');
  });
});
