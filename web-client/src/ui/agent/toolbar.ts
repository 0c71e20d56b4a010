/**
 * The agent's drawing toolbar: one button per tool (aria-pressed), colours, width, undo/redo/clear. Every
 * control is a real button or input in tab order, and each tool also has a one-letter shortcut (shown), which a
 * checkbox turns off (shortcuts.ts).
 */
import { TOOLS, type Tool } from '../../annotations/model';
import { localStorageOrNull } from '../../session/rejoinStore';
import { h } from '../dom';
import { rememberSingleKeys, shortcutAction, singleKeysOn, type TextTarget, typesText } from './shortcuts';
import { t, type MessageKey } from '../../i18n';

export interface ToolSettings {
  tool: Tool;
  color: string;
  /** Line width in source pixels. */
  width: number;
}

export const COLORS: readonly { value: string; name: MessageKey }[] = [
  { value: '#e5302a', name: 'color.red' },
  { value: '#f79009', name: 'color.orange' },
  { value: '#12b76a', name: 'color.green' },
  { value: '#1f5fd6', name: 'color.blue' },
  { value: '#111111', name: 'color.black' },
];

export interface ToolbarActions {
  onChange(settings: ToolSettings): void;
  undo(): void;
  redo(): void;
  clear(): void;
  /** Freeze or unfreeze (its shortcut). */
  freeze?(): void;
  /** Take a snapshot (its shortcut). */
  snapshot?(): void;
}

export interface Toolbar {
  readonly element: HTMLElement;
  settings(): ToolSettings;
  setUndoRedo(canUndo: boolean, canRedo: boolean): void;
  /** Handles a shortcut key pressed anywhere outside a text field; true when it was one. */
  shortcut(e: KeyboardEvent): boolean;
}

export function createToolbar(a: ToolbarActions): Toolbar {
  let settings: ToolSettings = { tool: 'laser', color: COLORS[0].value, width: 4 };
  const toolButtons = TOOLS.map(({ tool, label, short, key }) => h('button', {
    type: 'button', 'data-tool': tool, 'aria-pressed': String(tool === settings.tool), 'aria-label': t(label),
    'aria-keyshortcuts': key.toUpperCase(), title: t('tools.withKey', { label: t(label), key: key.toUpperCase() }),
  }, t(short)));
  const swatches = COLORS.map(({ value, name }) => {
    const b = h('button', { type: 'button', class: 'swatch', 'aria-label': t('tools.colorNamed', { name: t(name) }),
      'aria-pressed': String(value === settings.color) });
    b.style.background = value;
    return b;
  });
  const width = h('input', { type: 'range', id: 'stroke-width', min: 1, max: 16, value: settings.width,
    'aria-label': t('tools.lineWidth') });
  const undo = h('button', { type: 'button', disabled: true, 'aria-keyshortcuts': 'Control+Z' }, t('tools.undo'));
  const redo = h('button', { type: 'button', disabled: true, 'aria-keyshortcuts': 'Control+Shift+Z' }, t('tools.redo'));
  const clear = h('button', { type: 'button', class: 'danger' }, t('tools.clear'));
  const store = localStorageOrNull();
  const singleKeys = h('input', { type: 'checkbox', id: 'single-key-shortcuts', 'data-testid': 'single-key-shortcuts' });
  singleKeys.checked = singleKeysOn(store);
  singleKeys.addEventListener('change', () => rememberSingleKeys(store, singleKeys.checked));

  const set = (change: Partial<ToolSettings>): void => {
    settings = { ...settings, ...change };
    toolButtons.forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.tool === settings.tool)));
    swatches.forEach((b, i) => b.setAttribute('aria-pressed', String(COLORS[i].value === settings.color)));
    a.onChange(settings);
  };
  toolButtons.forEach((b) => b.addEventListener('click', () => set({ tool: b.dataset.tool as Tool })));
  swatches.forEach((b, i) => b.addEventListener('click', () => set({ color: COLORS[i].value })));
  width.addEventListener('input', () => set({ width: Number(width.value) }));
  undo.addEventListener('click', a.undo);
  redo.addEventListener('click', a.redo);
  clear.addEventListener('click', a.clear);

  const element = h('div', { class: 'toolbar', role: 'toolbar', 'aria-label': t('tools.label') },
    ...toolButtons, h('span', { class: 'sep' }),
    h('span', { role: 'group', 'aria-label': t('tools.color'), class: 'row' }, ...swatches),
    h('span', { class: 'sep' }), h('label', { for: 'stroke-width', class: 'sr-only' }, t('tools.lineWidth')), width,
    h('span', { class: 'sep' }), undo, redo, clear, h('span', { class: 'sep' }),
    h('label', { for: 'single-key-shortcuts', class: 'row', title: t('tools.letterShortcutsTitle') },
      singleKeys, t('tools.letterShortcuts')));

  return {
    element,
    settings: () => settings,
    setUndoRedo: (u, r) => {
      undo.disabled = !u;
      redo.disabled = !r;
    },
    shortcut: (e) => {
      if (typesText(e.target as TextTarget | null)) return false;
      const action = shortcutAction(e, singleKeys.checked);
      if (!action) return false;
      if (action.kind === 'undo') a.undo();
      else if (action.kind === 'redo') a.redo();
      else if (action.kind === 'freeze') a.freeze?.();
      else if (action.kind === 'snapshot') a.snapshot?.();
      else set({ tool: action.tool });
      return true;
    },
  };
}
