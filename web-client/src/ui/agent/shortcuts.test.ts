import { describe, expect, it } from 'vitest';
import { rememberSingleKeys, shortcutAction, singleKeysOn, typesText } from './shortcuts';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean;
  code: string }> = {}) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });

describe('shortcuts', () => {
  it('picks a tool by its letter, undoes and redoes with Ctrl/Cmd+Z', () => {
    expect(shortcutAction(key('p'), true)).toEqual({ kind: 'tool', tool: 'pen' });
    expect(shortcutAction(key('R'), true)).toEqual({ kind: 'tool', tool: 'rect' });
    expect(shortcutAction(key('z', { ctrlKey: true }), true)).toEqual({ kind: 'undo' });
    expect(shortcutAction(key('Z', { metaKey: true, shiftKey: true }), true)).toEqual({ kind: 'redo' });
    expect(shortcutAction(key('p', { altKey: true }), true)).toBeNull();
    expect(shortcutAction(key('q'), true)).toBeNull();
  });

  it('ignores single letters once they are turned off, keeping the modified ones', () => {
    expect(shortcutAction(key('p'), false)).toBeNull();
    expect(shortcutAction(key('z', { ctrlKey: true }), false)).toEqual({ kind: 'undo' });
  });

  it('freezes and takes a snapshot with Alt+Shift+F and Alt+Shift+S whatever the setting, with F and S alone while on',
    () => {
      // Alt+Shift+F types "Ï" on a Mac: the key's place decides.
      expect(shortcutAction(key('Ï', { altKey: true, shiftKey: true, code: 'KeyF' }), false)).toEqual({ kind: 'freeze' });
      expect(shortcutAction(key('S', { altKey: true, shiftKey: true, code: 'KeyS' }), false)).toEqual({ kind: 'snapshot' });
      expect(shortcutAction(key('f', { code: 'KeyF' }), true)).toEqual({ kind: 'freeze' });
      expect(shortcutAction(key('s', { code: 'KeyS' }), true)).toEqual({ kind: 'snapshot' });
      expect(shortcutAction(key('f', { code: 'KeyF' }), false)).toBeNull();
      expect(shortcutAction(key('f', { altKey: true, code: 'KeyF' }), true)).toBeNull();
      expect(shortcutAction(key('s', { ctrlKey: true, shiftKey: true, altKey: true, code: 'KeyS' }), true)).toBeNull();
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

describe('where a key is text, not a shortcut', () => {
  const el = (tagName: string, type?: string, isContentEditable = false) => ({ tagName, type, isContentEditable });

  it('in text fields, text areas and editable content', () => {
    expect(typesText(el('INPUT', 'text'))).toBe(true);
    expect(typesText(el('INPUT', 'url'))).toBe(true);
    expect(typesText(el('TEXTAREA'))).toBe(true);
    expect(typesText(el('DIV', undefined, true))).toBe(true);
  });

  it('not on a checkbox, a slider, a button or the page', () => {
    for (const type of ['checkbox', 'range', 'button', 'color']) expect(typesText(el('INPUT', type))).toBe(false);
    expect(typesText(el('BUTTON'))).toBe(false);
    expect(typesText(null)).toBe(false);
  });
});
