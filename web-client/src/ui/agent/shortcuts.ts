/**
 * The agent's keyboard shortcuts as a rule: Ctrl/Cmd+Z undoes, Ctrl/Cmd+Shift+Z redoes, and each tool's single
 * letter picks it — unless the agent turned single-key shortcuts off (WCAG 2.1.4: a speech-input user's words, or a
 * stray key, must not change the tool). The choice is kept per browser. Pure apart from the storage it is given.
 */
import { TOOLS, type Tool } from '../../annotations/model';

export type ShortcutAction = { kind: 'undo' } | { kind: 'redo' } | { kind: 'tool'; tool: Tool };

/** What a key does, or null. {@code singleKeys}: whether the one-letter tool shortcuts are on. */
export function shortcutAction(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>,
                               singleKeys: boolean): ShortcutAction | null {
  if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'z') return { kind: e.shiftKey ? 'redo' : 'undo' };
  if (!singleKeys || e.ctrlKey || e.metaKey || e.altKey) return null;
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
