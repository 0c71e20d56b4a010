import { describe, expect, it } from 'vitest';
import { addMask, masksInCrop, removeMask } from './masks';

describe('mask list', () => {
  it('adds and removes masks by id without changing the old list', () => {
    const a = addMask([], { x: 10, y: 10, w: 50, h: 50 }, 'm1');
    const b = addMask(a, { x: 100, y: 10, w: 50, h: 50 }, 'm2');
    expect(a).toHaveLength(1);
    expect(removeMask(b, 'm1').map((m) => m.id)).toEqual(['m2']);
  });

  it('ignores a mask too small to be meant', () => {
    expect(addMask([], { x: 10, y: 10, w: 3, h: 50 }, 'm1')).toHaveLength(0);
  });
});

describe('masksInCrop', () => {
  const crop = { x: 100, y: 100, w: 200, h: 100 };

  it('translates a mask inside the crop to crop pixels', () => {
    expect(masksInCrop([{ x: 150, y: 120, w: 20, h: 30 }], crop)).toEqual([{ x: 50, y: 20, w: 20, h: 30 }]);
  });

  it('clips a mask that straddles the crop edge', () => {
    expect(masksInCrop([{ x: 50, y: 150, w: 100, h: 100 }], crop)).toEqual([{ x: 0, y: 50, w: 50, h: 50 }]);
  });

  it('drops masks outside the crop, including ones that only touch its edge', () => {
    expect(masksInCrop([{ x: 0, y: 0, w: 100, h: 100 }, { x: 400, y: 400, w: 10, h: 10 }], crop)).toEqual([]);
  });
});
