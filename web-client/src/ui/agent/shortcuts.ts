/**
 * The agent's keyboard shortcuts as a rule: Ctrl/Cmd+Z undoes, Ctrl/Cmd+Shift+Z redoes, Alt+Shift+F freezes (or
 * unfreezes) and Alt+Shift+S takes a snapshot, and each tool's single letter picks it, F and S alone freezing and
 * taking a snapshot — unless the agent turned single-key shortcuts off (WCAG 2.1.4: a speech-input user's words, or
 * a stray key, must not change the tool or freeze the customer's screen). The choice is kept per browser. Pure apart
 * from the storage it is given.
 */
import { TOOLS, type Tool } from '../../annotations/model';

export type ShortcutAction = { kind: 'undo' } | { kind: 'redo' } | { kind: 'tool'; tool: Tool } | { kind: 'freeze' }
  | { kind: 'snapshot' };

/** Freeze and Snapshot: with Alt+Shift (by the key's place, so any layout or Alt-composed character works) or alone. */
const FRAME_KEYS: Record<string, 'freeze' | 'snapshot'> = { f: 'freeze', s: 'snapshot' };
const FRAME_CODES: Record<string, 'freeze' | 'snapshot'> = { KeyF: 'freeze', KeyS: 'snapshot' };

/** What a key does, or null. {@code singleKeys}: whether the one-letter tool shortcuts are on. */
export function shortcutAction(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>
  & Partial<Pick<KeyboardEvent, 'code'>>, singleKeys: boolean): ShortcutAction | null {
  if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'z') return { kind: e.shiftKey ? 'redo' : 'undo' };
  const frame = FRAME_CODES[e.code ?? ''];
  if (frame && e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey) return { kind: frame };
  if (!singleKeys || e.ctrlKey || e.metaKey || e.altKey) return null;
  const single = FRAME_KEYS[e.key.toLowerCase()];
  if (single) return { kind: single };
  const t = TOOLS.find((x) => x.key === e.key.toLowerCase());
  return t ? { kind: 'tool', tool: t.tool } : null;
}

const KEY = 'coview.singleKeyShortcuts';

/** Whether single-key shortcuts are on (the default), as this browser remembers it. */
export function singleKeysOn(store: Pick<Storage, 'getItem'> | null): boolean {
  return store?.getItem(KEY) !== 'off';
}

export function rememberSingleKeys(store: Pick<Storage, 'setItem'> | null, on: boolean): void {
  try {
    store?.setItem(KEY, on ? 'on' : 'off');
  } catch {
    // Storage full or refused: the choice lasts for this page only.
  }
}

/** Inputs that take no typed text: a shortcut pressed while one has the focus still counts. */
const NOT_TEXT = new Set(['range', 'checkbox', 'radio', 'button', 'submit', 'color']);

/** The element a key was pressed on, as far as telling text from a shortcut needs it. */
export type TextTarget = Pick<HTMLElement, 'tagName' | 'isContentEditable'> & { type?: string };

/** Keys pressed in a field are text; on a checkbox, a slider or a button they are shortcuts. */
export function typesText(target: TextTarget | null): boolean {
  return target !== null && (target.tagName === 'INPUT' && !NOT_TEXT.has(target.type ?? 'text')
    || target.tagName === 'TEXTAREA' || target.isContentEditable);
}
