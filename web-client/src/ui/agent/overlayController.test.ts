import { describe, expect, it } from 'vitest';
import type { Drawable, FreehandDrawable } from '../../annotations/model';
import type { RoomDrawings } from '../../annotations/roomDrawings';
import type { ClientMessage } from '../../generated/annotation';
import { roomContent, wireSink } from './overlayController';

const SOURCE = { w: 1000, h: 500 };
const pen: FreehandDrawable = { id: 'd1', authorId: '', tool: 'pen', color: '#e5302a', width: 4,
  points: [{ x: 0.1, y: 0.2 }], createdAt: 0 };

describe('what an overlay sends', () => {
  it('names the agent\'s share on every message, and leaves the customer\'s unnamed (as older clients send it)', () => {
    const sent: ClientMessage[] = [];
    const own = wireSink((m) => sent.push(m), 'agent');
    own.draw(pen, SOURCE);
    own.ink(pen, [{ x: 0.3, y: 0.4 }], SOURCE);
    own.pointer({ x: 0.5, y: 0.5 });
    own.pointer(null);
    expect(sent.map((m) => [m.type, 'shareId' in m ? m.shareId : undefined])).toEqual([
      ['stroke', 'agent'], ['ink', 'agent'], ['pointer', 'agent'], ['pointer.hide', undefined]]);

    const customers: ClientMessage[] = [];
    const theirs = wireSink((m) => customers.push(m));
    theirs.draw(pen, SOURCE);
    theirs.pointer({ x: 0.5, y: 0.5 });
    expect(customers.some((m) => 'shareId' in m)).toBe(false);
    expect(customers[1]).toEqual({ type: 'pointer', x: 0.5, y: 0.5 });
  });
});

describe('what an overlay shows of the room', () => {
  const drawings = {
    drawables: () => [pen as Drawable],
    has: (id: string) => id === 'd1',
    othersPointers: () => [{ x: 0.5, y: 0.25 }],
  } as unknown as RoomDrawings;

  it('shows the room\'s drawings and the others\' pointers in the colour and words given', () => {
    const content = roomContent(() => drawings, { color: '#1f5fd6', label: 'Colleague' });
    expect(content.drawables(SOURCE)).toEqual([pen]);
    expect(content.has('d1')).toBe(true);
    expect(content.pointers()).toEqual([{ position: { x: 0.5, y: 0.25 }, color: '#1f5fd6', label: 'Colleague' }]);
  });

  it('shows nothing while there are no drawings (no session, or the link is not up yet)', () => {
    const content = roomContent(() => null, { color: '#1f5fd6', label: 'Colleague' });
    expect(content.drawables(SOURCE)).toEqual([]);
    expect(content.has('d1')).toBe(false);
    expect(content.pointers()).toEqual([]);
  });
});
