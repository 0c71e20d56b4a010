import { describe, expect, it } from 'vitest';
import { shadeStyles } from './cropEditor';

describe('the shades around the crop', () => {
  it('cover what is not shared: full-width bands above and below, the sides beside the crop', () => {
    const [top, bottom, left, right] = shadeStyles({ x: 100, y: 50, w: 400, h: 300 }, 0.5);
    expect(top).toEqual({ left: '0', top: '0', width: '100%', height: '25px' });
    expect(bottom).toEqual({ left: '0', top: '175px', width: '100%', bottom: '0' });
    expect(left).toEqual({ left: '0', top: '25px', width: '50px', height: '150px' });
    expect(right).toEqual({ left: '250px', top: '25px', right: '0', height: '150px' });
  });

  it('leave nothing shaded beside a crop of the whole source', () => {
    const [top, , left] = shadeStyles({ x: 0, y: 0, w: 1920, h: 1080 }, 1);
    expect(top.height).toBe('0px');
    expect(left.width).toBe('0px');
  });
});
