import { describe, expect, it } from 'vitest';
import { overlayOverPicture, paintFrame, type RecordedView, recordingSize } from './composite';
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

describe('paintFrame (two-way sharing: one recording follows the share in view)', () => {
  it('draws the picture and overlay of the view it is given, so a switch of view switches the source', () => {
    const drawn: unknown[] = [];
    const ctx = { fillStyle: '', fillRect: () => undefined, drawImage: (img: unknown) => void drawn.push(img) };
    const view = (name: string, w: number, h: number) => ({
      video: { name, videoWidth: w, videoHeight: h },
      overlay: { name: `${name} overlay`, width: w, height: h, clientWidth: w, clientHeight: h },
    }) as unknown as RecordedView;
    const customer = view('customer', 640, 360);
    const agent = view('agent', 400, 300);
    let inView = customer;
    const size = recordingSize({ w: 640, h: 360 });
    paintFrame(ctx as never, size, inView);
    inView = agent;
    paintFrame(ctx as never, size, inView);
    expect(drawn).toEqual([customer.video, customer.overlay, agent.video, agent.overlay]);
  });

  it('paints black only while the view has no picture', () => {
    const drawn: unknown[] = [];
    const ctx = { fillStyle: '', fillRect: () => undefined, drawImage: (img: unknown) => void drawn.push(img) };
    paintFrame(ctx as never, { w: 2, h: 2 }, { video: { videoWidth: 0, videoHeight: 0 },
      overlay: { width: 0, height: 0, clientWidth: 0, clientHeight: 0 } } as unknown as RecordedView);
    expect(drawn).toEqual([]);
  });
});
