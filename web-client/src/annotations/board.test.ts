import { describe, expect, it, vi } from 'vitest';
import { Board } from './board';
import type { Drawable } from './model';

const stroke = (id: string, authorId = 'agent-1'): Drawable => ({
  id,
  authorId,
  tool: 'pen',
  colour: '#e11',
  width: 4,
  points: [{ x: 0.1, y: 0.1 }, { x: 0.2, y: 0.2 }],
  createdAt: 0,
});

describe('Board', () => {
  it('undoes and redoes the own author\'s drawables, newest first', () => {
    const b = new Board('agent-1');
    b.draw(stroke('s1'));
    b.draw(stroke('s2'));
    expect(b.undo()).toEqual({ kind: 'delete', id: 's2' });
    expect(b.visible().map((d) => d.id)).toEqual(['s1']);
    expect(b.redo()).toEqual({ kind: 'restore', id: 's2' });
    expect(b.visible().map((d) => d.id)).toEqual(['s1', 's2']);
  });

  it('never undoes another author\'s drawable', () => {
    const b = new Board('agent-1');
    b.apply({ kind: 'add', drawable: stroke('c1', 'customer-1') });
    expect(b.undo()).toBeNull();
    expect(b.visible()).toHaveLength(1);
  });

  it('forgets the redo history after a new drawing', () => {
    const b = new Board('agent-1');
    b.draw(stroke('s1'));
    b.undo();
    b.draw(stroke('s2'));
    expect(b.canRedo()).toBe(false);
  });

  it('has its undo history up to date when listeners hear of a change', () => {
    const b = new Board('agent-1');
    const seen: boolean[] = [];
    b.onChange(() => seen.push(b.canUndo()));
    b.draw(stroke('s1'));
    b.undo();
    expect(seen).toEqual([true, false]);
  });

  it('clears everything and tells listeners about each change', () => {
    const b = new Board('agent-1');
    const listener = vi.fn();
    b.onChange(listener);
    b.draw(stroke('s1'));
    b.apply({ kind: 'add', drawable: stroke('c1', 'customer-1') });
    b.clear();
    expect(b.visible()).toEqual([]);
    expect(b.canUndo()).toBe(false);
    expect(listener).toHaveBeenCalledTimes(3);
  });
});
