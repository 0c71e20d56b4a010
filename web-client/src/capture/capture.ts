/**
 * Screen capture: getDisplayMedia with constraints that suit reading a screen (source resolution, a modest
 * frame rate, no audio), behind a one-method port so the logic runs in tests without a browser.
 */
import { t, type MessageKey } from '../i18n';

/** The one platform call capture needs; in the browser, navigator.mediaDevices. */
export interface DisplayMediaPort {
  getDisplayMedia(options: DisplayMediaStreamOptions): Promise<MediaStream>;
}

/**
 * Options for a support share. No width/height limits: the crop runs at source resolution, and scaling here
 * would blur text before the crop even sees it. 30 fps at most: screens change in bursts, and detail matters
 * more than motion (the output track says so with contentHint = 'detail').
 */
export const DISPLAY_MEDIA_OPTIONS = {
  video: { frameRate: { ideal: 30, max: 30 }, cursor: 'always' },
  audio: false,
  // Chromium hints: offer every surface, let the customer switch what they share without a new share.
  selfBrowserSurface: 'exclude',
  surfaceSwitching: 'include',
  systemAudio: 'exclude',
  monitorTypeSurfaces: 'include',
} as DisplayMediaStreamOptions;

/** The part of CaptureController used here (Chromium): whether the browser brings the shared surface forward. */
export interface FocusController {
  setFocusBehavior(behavior: 'focus-captured-surface' | 'no-focus-change'): void;
}

function browserCaptureController(): FocusController | null {
  const Controller = (globalThis as { CaptureController?: new () => FocusController }).CaptureController;
  return Controller ? new Controller() : null;
}

export interface Capture {
  readonly track: MediaStreamTrack;
  /** Stops the capture; the browser's "sharing" indicator goes away. */
  stop(): void;
}

export type CaptureError = 'denied' | 'unsupported' | 'failed';

/** Why a share did not start, in the customer's words. */
export const CAPTURE_ERROR_TEXT: Record<CaptureError, MessageKey> = {
  denied: 'capture.denied',
  unsupported: 'capture.unsupported',
  failed: 'capture.failed',
};

export class CaptureFailed extends Error {
  constructor(readonly reason: CaptureError, cause?: unknown) {
    super(t(CAPTURE_ERROR_TEXT[reason]), { cause });
  }
}

/**
 * Asks the customer for a screen, window or tab. {@code onEnded} fires once when the capture ends from the
 * browser's side (its own "Stop sharing" button, the shared window closed), not when {@link Capture.stop} is
 * called here.
 */
export async function startCapture(port: DisplayMediaPort | undefined, onEnded: () => void,
                                   controller: FocusController | null = browserCaptureController()): Promise<Capture> {
  if (!port || typeof port.getDisplayMedia !== 'function') throw new CaptureFailed('unsupported');
  let stream: MediaStream;
  try {
    stream = await port.getDisplayMedia(controller ? { ...DISPLAY_MEDIA_OPTIONS, controller } as DisplayMediaStreamOptions
      : DISPLAY_MEDIA_OPTIONS);
    // Chromium switches to a shared tab or window by default, leaving this page hidden (one animation frame a
    // second, throttled timers): the customer stays here, with the crop and the agent's drawings in front.
    // Allowed only right after the picker answered, and not for a whole screen (it throws: nothing to focus).
    try {
      controller?.setFocusBehavior('no-focus-change');
    } catch {
      // A screen, or a browser that decides the focus itself.
    }
  } catch (e) {
    const name = (e as { name?: string })?.name;
    throw new CaptureFailed(name === 'NotAllowedError' || name === 'AbortError' ? 'denied' : 'failed', e);
  }
  const track = stream.getVideoTracks()[0];
  if (!track) throw new CaptureFailed('failed');
  track.contentHint = 'detail';
  let stoppedHere = false;
  track.addEventListener('ended', () => {
    if (!stoppedHere) onEnded();
  }, { once: true });
  return {
    track,
    stop: () => {
      stoppedHere = true;
      for (const t of stream.getTracks()) t.stop();
    },
  };
}
