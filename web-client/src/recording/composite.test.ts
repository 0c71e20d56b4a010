import { describe, expect, it } from 'vitest';
import { overlayOverPicture, recordingSize } from './composite';
import { MIME_TYPES, pickMimeType } from './recorder';

describe('overlayOverPicture', () => {
  it('cuts the letterboxed picture out of the overlay, in backing-store pixels', () => {
    // A 1000×500 box at devicePixelRatio 2 showing a 4:3 video: pillarboxed, 666.7 px wide in the middle.
    const r = overlayOverPicture({ width: 2000, height: 1000, clientWidth: 1000, clientHeight: 500 }, { w: 800, h: 600 });
    expect(r.y).toBe(0);
    expect(r.h).toBe(1000);
    expect(r.w).toBeCloseTo(1333.33, 1);
    expect(r.x).toBeCloseTo(333.33, 1);
  });

  it('is empty before the overlay has a size', () => {
    expect(overlayOverPicture({ width: 0, height: 0, clientWidth: 0, clientHeight: 0 }, { w: 800, h: 600 }).w).toBe(0);
  });
});

describe('recordingSize', () => {
  it('keeps the video size, even', () => {
    expect(recordingSize({ w: 641, h: 361 })).toEqual({ w: 642, h: 362 });
  });

  it('scales a large source down to the limit on the long side', () => {
    expect(recordingSize({ w: 3840, h: 2160 })).toEqual({ w: 1920, h: 1080 });
  });
});

describe('pickMimeType', () => {
  it('prefers VP9, then VP8, then any WebM', () => {
    expect(pickMimeType(() => true)).toBe(MIME_TYPES[0]);
    expect(pickMimeType((t) => !t.includes('vp9'))).toBe('video/webm;codecs=vp8');
    expect(pickMimeType((t) => t === 'video/webm')).toBe('video/webm');
    expect(pickMimeType(() => false)).toBeNull();
  });
});
