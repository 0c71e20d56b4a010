import { describe, expect, it } from 'vitest';
import type { AnnotationElement, ServerEvent, ServerState } from '../generated/annotation-server';
import { LIVE_INK_MS, RoomDrawings } from './roomDrawings';

const SOURCE = { w: 1000, h: 500 };
const stroke = (id: string, version: number, deleted = false, authorId = 'me'): AnnotationElement => ({
  id, authorId, version, deleted,
  drawable: { type: 'stroke', id, tool: 'pen', color: '#ff0000', width: 0.004, points: [0.1, 0.2, 0.3, 0.4] },
});
const state = (elements: AnnotationElement[], undo = 0, redo = 0): ServerState => ({
  type: 'state', seq: 3, elements, masks: [], paused: false, history: [{ authorId: 'me', undo, redo }],
});
const event = (authorId: string, ev: ServerEvent['event'], changes?: AnnotationElement[]): ServerEvent => ({
  type: 'event', eventId: 'e', roomId: 'r', authorId, ts: 0, event: ev, changes,
});

describe('RoomDrawings', () => {
  it('replays the state, widths in source pixels', () => {
    const room = new RoomDrawings('me', () => 7);
    room.applyState(state([stroke('a', 1), stroke('b', 2, true)], 2, 1));
    const ds = room.drawables(SOURCE);
    expect(ds.map((d) => d.id)).toEqual(['a']);
    expect(ds[0].width).toBeCloseTo(4);
    expect(ds[0].points).toEqual([{ x: 0.1, y: 0.2 }, { x: 0.3, y: 0.4 }]);
    expect(ds[0].createdAt).toBe(7);
    expect(room.canUndo()).toBe(true);
    expect(room.canRedo()).toBe(true);
  });

  it('keeps the highest version of an element', () => {
    const room = new RoomDrawings('me', () => 0);
    room.applyState(state([]));
    room.applyEvent(event('x', { type: 'undo' }, [stroke('a', 3, true, 'x')]));
    room.applyEvent(event('x', { type: 'stroke', id: 'a', points: [] }, [stroke('a', 2, false, 'x')]));
    expect(room.drawables(SOURCE)).toEqual([]);
    room.applyEvent(event('x', { type: 'redo' }, [stroke('a', 4, false, 'x')]));
    expect(room.drawables(SOURCE).map((d) => d.id)).toEqual(['a']);
  });

  it('gives the others\' pointers, never this participant\'s own (drawn where it is, without the round trip)', () => {
    const room = new RoomDrawings('me', () => 0);
    room.applyEvent(event('me', { type: 'pointer', x: 0.1, y: 0.1 }));
    room.applyEvent(event('colleague', { type: 'pointer', x: 0.5, y: 0.25 }));
    expect(room.othersPointers()).toEqual([{ x: 0.5, y: 0.25 }]);
  });

  it('moves and hides pointers by author; a state drops them', () => {
    const room = new RoomDrawings('me', () => 0);
    let changes = 0;
    room.onChange(() => changes++);
    room.applyEvent(event('agent', { type: 'pointer', x: 0.5, y: 0.25 }));
    expect(room.pointers().get('agent')).toEqual({ x: 0.5, y: 0.25 });
    room.applyEvent(event('agent', { type: 'pointer.hide' }));
    expect(room.pointers().size).toBe(0);
    room.applyEvent(event('agent', { type: 'pointer', x: 0.5, y: 0.25 }));
    room.applyState(state([]));
    expect(room.pointers().size).toBe(0);
    expect(changes).toBe(4);
  });

  it('counts only its own undo and redo steps', () => {
    const room = new RoomDrawings('me', () => 0);
    room.applyState(state([]));
    room.applyEvent(event('other', { type: 'clear', scope: 'own' }));
    expect(room.canUndo()).toBe(false);
    room.applyEvent(event('me', { type: 'stroke', id: 'a', phase: 'begin', points: [] }));
    room.applyEvent(event('me', { type: 'stroke', id: 'a', phase: 'end', points: [] }));
    room.applyEvent(event('me', { type: 'undo' }));
    expect([room.canUndo(), room.canRedo()]).toEqual([false, true]);
    room.applyEvent(event('me', { type: 'redo' }));
    expect([room.canUndo(), room.canRedo()]).toEqual([true, false]);
  });

  describe('live ink', () => {
    const ink = (id: string, points: number[], tool: 'pen' | 'vanish' = 'pen') =>
      ({ type: 'ink' as const, id, tool, color: '#00ff00', width: 0.002, points });

    it('grows a stroke while the pen moves, then the room\'s stroke replaces it', () => {
      let now = 100;
      const room = new RoomDrawings('me', () => now);
      room.applyState(state([]));
      room.applyEvent(event('agent', ink('s1', [0.1, 0.1, 0.2, 0.2])));
      room.applyEvent(event('agent', ink('s1', [0.3, 0.3])));
      const drawing = room.drawables(SOURCE);
      expect(drawing).toHaveLength(1);
      expect(drawing[0]).toMatchObject({ id: 's1', authorId: 'agent', tool: 'pen', color: '#00ff00', width: 2 });
      expect(drawing[0].points).toEqual([{ x: 0.1, y: 0.1 }, { x: 0.2, y: 0.2 }, { x: 0.3, y: 0.3 }]);
      now = 200;
      room.applyEvent(event('agent', { type: 'stroke', id: 's1', points: [] }, [stroke('s1', 1, false, 'agent')]));
      const done = room.drawables(SOURCE);
      expect(done).toHaveLength(1);
      expect(done[0].points).toEqual([{ x: 0.1, y: 0.2 }, { x: 0.3, y: 0.4 }]);
      // Ink still on its way when the stroke came (another path) adds nothing.
      room.applyEvent(event('agent', ink('s1', [0.9, 0.9])));
      expect(room.drawables(SOURCE)).toHaveLength(1);
    });

    it('does not fade vanishing ink while it is drawn', () => {
      let now = 0;
      const room = new RoomDrawings('me', () => now);
      room.applyEvent(event('agent', ink('v1', [0.1, 0.1], 'vanish')));
      now = 4000;
      room.applyEvent(event('agent', ink('v1', [0.2, 0.2], 'vanish')));
      const [d] = room.drawables(SOURCE);
      expect(d.tool).toBe('vanish');
      expect(d.createdAt).toBe(4000);
    });

    it('drops ink that stopped without a stroke, and on a new state', () => {
      let now = 0;
      const room = new RoomDrawings('me', () => now);
      room.applyEvent(event('agent', ink('a', [0.1, 0.1])));
      room.applyEvent(event('agent', ink('b', [0.1, 0.1])));
      now = LIVE_INK_MS / 2;
      room.applyEvent(event('agent', ink('b', [0.2, 0.2])));
      now = LIVE_INK_MS + 1;
      expect(room.drawables(SOURCE).map((d) => d.id)).toEqual(['b']);
      room.applyState(state([]));
      expect(room.drawables(SOURCE)).toEqual([]);
    });

    it('never lets one author extend another\'s ink', () => {
      const room = new RoomDrawings('me', () => 0);
      room.applyEvent(event('agent', ink('s', [0.1, 0.1])));
      room.applyEvent(event('intruder', ink('s', [0.9, 0.9])));
      expect(room.drawables(SOURCE)[0].points).toEqual([{ x: 0.1, y: 0.1 }]);
    });
  });

  it('follows one share: drawings, ink and pointers of the other share stay off it; history counts every share', () => {
    const onAgent = (el: AnnotationElement): AnnotationElement => ({ ...el, drawable: { ...el.drawable, shareId: 'agent' } });
    const customers = new RoomDrawings('me', () => 0);
    const agents = new RoomDrawings('me', () => 0, 'agent');
    for (const room of [customers, agents]) {
      room.applyState(state([stroke('old', 1), onAgent(stroke('old-agent', 1))]));
      room.applyEvent(event('me', { type: 'stroke', id: 'new', points: [] }, [onAgent(stroke('new', 1))]));
      room.applyEvent(event('agent', { type: 'pointer', x: 0.5, y: 0.5, shareId: 'agent' }));
      room.applyEvent(event('cust', { type: 'pointer', x: 0.1, y: 0.1 }));
      room.applyEvent(event('cust', { type: 'ink', id: 'live', tool: 'pen', color: '#000000', width: 0.01,
        points: [0.2, 0.2], shareId: 'agent' }));
    }
    expect(customers.drawables(SOURCE).map((d) => d.id)).toEqual(['old']);
    expect(agents.drawables(SOURCE).map((d) => d.id)).toEqual(['old-agent', 'new', 'live']);
    expect([...customers.pointers().keys()]).toEqual(['cust']);
    expect([...agents.pointers().keys()]).toEqual(['agent']);
    expect(customers.canUndo() && agents.canUndo()).toBe(true);
    // The customer's pointer moves onto the agent's share: gone from the customer's.
    customers.applyEvent(event('cust', { type: 'pointer', x: 0.3, y: 0.3, shareId: 'agent' }));
    expect(customers.pointers().has('cust')).toBe(false);
  });
});
