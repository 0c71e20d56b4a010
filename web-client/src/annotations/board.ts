/**
 * The drawables of a room as this client knows them, with undo/redo of the local author's own actions.
 * Undo is a new action (the drawable is marked deleted), never a rewrite of history, so it travels to the
 * service as one more event and late joiners replay the same result.
 */
import type { Drawable } from './model';

export type BoardAction =
  | { kind: 'add'; drawable: Drawable }
  | { kind: 'delete'; id: string }
  | { kind: 'restore'; id: string }
  | { kind: 'clear' };

export class Board {
  private readonly drawables = new Map<string, Drawable & { deleted: boolean }>();
  private readonly undoStack: string[] = [];
  private readonly redoStack: string[] = [];
  private readonly listeners: (() => void)[] = [];

  constructor(private readonly authorId: string) {}

  /** Visible drawables in the order they were added. */
  visible(): Drawable[] {
    return [...this.drawables.values()].filter((d) => !d.deleted);
  }

  /** Adds a drawable of any author (own, or received from the room). */
  apply(action: BoardAction): void {
    switch (action.kind) {
      case 'add':
        this.drawables.set(action.drawable.id, { ...action.drawable, deleted: false });
        break;
      case 'delete':
      case 'restore': {
        const d = this.drawables.get(action.id);
        if (d) d.deleted = action.kind === 'delete';
        break;
      }
      case 'clear':
        for (const d of this.drawables.values()) d.deleted = true;
        break;
    }
    this.changed();
  }

  /** Adds the local author's own drawable; returns the action to send. */
  draw(drawable: Drawable): BoardAction {
    const action: BoardAction = { kind: 'add', drawable: { ...drawable, authorId: this.authorId } };
    // History first: listeners called by apply() read canUndo()/canRedo().
    this.undoStack.push(drawable.id);
    this.redoStack.length = 0;
    this.apply(action);
    return action;
  }

  canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  canRedo(): boolean {
    return this.redoStack.length > 0;
  }

  /** Hides the local author's last visible drawable; the action to send, or null when there is none. */
  undo(): BoardAction | null {
    const id = this.undoStack.pop();
    if (id === undefined) return null;
    this.redoStack.push(id);
    const action: BoardAction = { kind: 'delete', id };
    this.apply(action);
    return action;
  }

  redo(): BoardAction | null {
    const id = this.redoStack.pop();
    if (id === undefined) return null;
    this.undoStack.push(id);
    const action: BoardAction = { kind: 'restore', id };
    this.apply(action);
    return action;
  }

  /** Clears everything (the caller checks the grant); undo history goes with it. */
  clear(): BoardAction {
    this.undoStack.length = 0;
    this.redoStack.length = 0;
    const action: BoardAction = { kind: 'clear' };
    this.apply(action);
    return action;
  }

  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  private changed(): void {
    for (const l of this.listeners) l();
  }
}
