import { describe, expect, it } from 'vitest';
import { clampCrop, MIN_CROP, normalize } from './geometry';

const screen = { w: 1280, h: 720 };

describe('clampCrop', () => {
  it('keeps a crop that already fits', () => {
    expect(clampCrop({ x: 100, y: 50, w: 640, h: 360 }, screen)).toEqual({ x: 100, y: 50, w: 640, h: 360 });
  });

  it('moves a crop that hangs over the right and bottom edges back inside, keeping its size', () => {
    expect(clampCrop({ x: 1000, y: 600, w: 400, h: 200 }, screen)).toEqual({ x: 880, y: 520, w: 400, h: 200 });
  });

  it('snaps odd offsets and sizes down to even pixels', () => {
    expect(clampCrop({ x: 11, y: 13, w: 301, h: 203 }, screen)).toEqual({ x: 10, y: 12, w: 300, h: 202 });
  });

  it('never makes a crop smaller than the minimum or larger than the source', () => {
    expect(clampCrop({ x: 5, y: 5, w: 1, h: 1 }, screen)).toMatchObject({ w: MIN_CROP, h: MIN_CROP });
    expect(clampCrop({ x: -50, y: -50, w: 5000, h: 5000 }, screen)).toEqual({ x: 0, y: 0, w: 1280, h: 720 });
  });
});

describe('normalize', () => {
  it('maps source pixels to 0..1 of the source', () => {
    expect(normalize(640, 180, screen)).toEqual({ x: 0.5, y: 0.25 });
  });
});
