import { describe, expect, it } from 'vitest';
import { extendDraft, finishDraft, startDraft } from './draft';

const style = { color: '#f00', width: 4 };

describe('drafts', () => {
  it('collects freehand points, dropping ones that do not move', () => {
    let d = startDraft('pen', { x: 0.1, y: 0.1 }, style, 's1', 'a');
    d = extendDraft(d, { x: 0.2, y: 0.2 });
    d = extendDraft(d, { x: 0.2, y: 0.2001 });
    d = extendDraft(d, { x: 0.3, y: 0.3 });
    expect(finishDraft(d, 42)).toMatchObject({
      points: [{ x: 0.1, y: 0.1 }, { x: 0.2, y: 0.2 }, { x: 0.3, y: 0.3 }],
      createdAt: 42,
    });
  });

  it('keeps a shape to its start and latest point', () => {
    let d = startDraft('rect', { x: 0.1, y: 0.1 }, style, 'r1', 'a');
    d = extendDraft(d, { x: 0.2, y: 0.3 });
    d = extendDraft(d, { x: 0.4, y: 0.5 });
    expect(d.points).toEqual([{ x: 0.1, y: 0.1 }, { x: 0.4, y: 0.5 }]);
  });

  it('drops a shape made by a mere click, but keeps a freehand dot', () => {
    expect(finishDraft(startDraft('ellipse', { x: 0.5, y: 0.5 }, style, 'e', 'a'), 0)).toBeNull();
    expect(finishDraft(startDraft('pen', { x: 0.5, y: 0.5 }, style, 'p', 'a'), 0)).not.toBeNull();
  });
});
