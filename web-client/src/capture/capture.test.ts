import { describe, expect, it, vi } from 'vitest';
import { CaptureFailed, DISPLAY_MEDIA_OPTIONS, startCapture } from './capture';

function fakeTrack() {
  const t = Object.assign(new EventTarget(), { contentHint: '', stop: vi.fn() });
  t.stop.mockImplementation(() => t.dispatchEvent(new Event('ended')));
  return t;
}

function portWith(track: ReturnType<typeof fakeTrack>) {
  const stream = { getVideoTracks: () => [track], getTracks: () => [track] };
  return { getDisplayMedia: vi.fn(async () => stream as unknown as MediaStream) };
}

describe('startCapture', () => {
  it('asks for video without audio or scaling, and marks the track as detail', async () => {
    const track = fakeTrack();
    const port = portWith(track);
    const c = await startCapture(port, () => undefined);
    expect(port.getDisplayMedia).toHaveBeenCalledWith(DISPLAY_MEDIA_OPTIONS);
    const video = DISPLAY_MEDIA_OPTIONS.video as MediaTrackConstraints;
    expect(video.width).toBeUndefined();
    expect(DISPLAY_MEDIA_OPTIONS.audio).toBe(false);
    expect(c.track.contentHint).toBe('detail');
  });

  it('keeps the CoView page in front where the browser lets it choose, and shares a screen all the same', async () => {
    const track = fakeTrack();
    const port = portWith(track);
    const controller = { setFocusBehavior: vi.fn() };
    await startCapture(port, () => undefined, controller);
    expect(port.getDisplayMedia).toHaveBeenCalledWith({ ...DISPLAY_MEDIA_OPTIONS, controller });
    expect(controller.setFocusBehavior).toHaveBeenCalledWith('no-focus-change');
    const screen = { setFocusBehavior: vi.fn(() => { throw new Error('InvalidStateError'); }) };
    await expect(startCapture(portWith(fakeTrack()), () => undefined, screen)).resolves.toBeDefined();
  });

  it('reports an end that comes from the browser, once', async () => {
    const track = fakeTrack();
    const onEnded = vi.fn();
    await startCapture(portWith(track), onEnded);
    track.dispatchEvent(new Event('ended'));
    track.dispatchEvent(new Event('ended'));
    expect(onEnded).toHaveBeenCalledTimes(1);
  });

  it('does not report an end it caused itself', async () => {
    const track = fakeTrack();
    const onEnded = vi.fn();
    const c = await startCapture(portWith(track), onEnded);
    c.stop();
    expect(track.stop).toHaveBeenCalled();
    expect(onEnded).not.toHaveBeenCalled();
  });

  it('tells a cancelled picker apart from a browser that cannot share', async () => {
    const denied = { getDisplayMedia: async () => Promise.reject(Object.assign(new Error('x'), { name: 'NotAllowedError' })) };
    await expect(startCapture(denied, () => undefined)).rejects.toMatchObject({ reason: 'denied' });
    await expect(startCapture(undefined, () => undefined)).rejects.toBeInstanceOf(CaptureFailed);
    await expect(startCapture(undefined, () => undefined)).rejects.toMatchObject({ reason: 'unsupported' });
  });
});
