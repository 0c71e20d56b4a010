import { describe, expect, it } from 'vitest';
import { rememberSingleKeys, shortcutAction, singleKeysOn } from './shortcuts';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }> = {}) =>
  ({ key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });

describe('shortcuts', () => {
  it('picks a tool by its letter, undoes and redoes with Ctrl/Cmd+Z', () => {
    expect(shortcutAction(key('p'), true)).toEqual({ kind: 'tool', tool: 'pen' });
    expect(shortcutAction(key('R'), true)).toEqual({ kind: 'tool', tool: 'rectangle' });
    expect(shortcutAction(key('z', { ctrlKey: true }), true)).toEqual({ kind: 'undo' });
    expect(shortcutAction(key('Z', { metaKey: true, shiftKey: true }), true)).toEqual({ kind: 'redo' });
    expect(shortcutAction(key('p', { altKey: true }), true)).toBeNull();
    expect(shortcutAction(key('q'), true)).toBeNull();
  });

  it('ignores single letters once they are turned off, keeping the modified ones', () => {
    expect(shortcutAction(key('p'), false)).toBeNull();
    expect(shortcutAction(key('z', { ctrlKey: true }), false)).toEqual({ kind: 'undo' });
  });

  it('remembers the choice per browser, on by default', () => {
    const stored = new Map<string, string>();
    const store = { getItem: (k: string) => stored.get(k) ?? null, setItem: (k: string, v: string) => void stored.set(k, v) };
    expect(singleKeysOn(store)).toBe(true);
    rememberSingleKeys(store, false);
    expect(singleKeysOn(store)).toBe(false);
    rememberSingleKeys(store, true);
    expect(singleKeysOn(store)).toBe(true);
    expect(singleKeysOn(null)).toBe(true);
  });
});
