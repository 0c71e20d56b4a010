import { describe, expect, it } from 'vitest';
import type { MediaHealth } from '../../media/mediaHealth';
import { hudLook } from './mediaHud';

const health = (h: Partial<MediaHealth>): MediaHealth => ({ iceConnected: true, framesArriving: true, width: 1280,
  height: 720, fps: 30, kbps: 2500, rttMs: 12, lossPct: 0, route: 'direct', diagnosis: null, ...h });

describe('the media HUD', () => {
  it('shows the figures while frames arrive', () => {
    expect(hudLook(health({}))).toEqual({ figures: '1280×720 · 30 fps · 2500 kbit/s · 12 ms · 0 % loss · direct',
      diagnosis: '', state: 'flowing' });
  });

  it('shows no stale figures without frames, and what is wrong when something is', () => {
    expect(hudLook(health({ framesArriving: false }))).toEqual({ figures: '', diagnosis: '', state: 'idle' });
    expect(hudLook(health({ framesArriving: false, diagnosis: 'No picture arrives.' })))
      .toEqual({ figures: '', diagnosis: 'No picture arrives.', state: 'problem' });
  });
});
