// Chromium's Insertable Streams for raw video (MediaStreamTrackProcessor / MediaStreamTrackGenerator), which
// TypeScript's DOM library does not declare yet. Only the members the crop pipeline uses.
interface MediaStreamTrackProcessorInit {
  track: MediaStreamTrack;
  maxBufferSize?: number;
}

interface MediaStreamTrackProcessor<T> {
  readonly readable: ReadableStream<T>;
}

declare var MediaStreamTrackProcessor:
  | {
      prototype: MediaStreamTrackProcessor<VideoFrame>;
      new (init: MediaStreamTrackProcessorInit): MediaStreamTrackProcessor<VideoFrame>;
    }
  | undefined;

interface MediaStreamTrackGenerator<T> extends MediaStreamTrack {
  readonly writable: WritableStream<T>;
}

declare var MediaStreamTrackGenerator:
  | {
      prototype: MediaStreamTrackGenerator<VideoFrame>;
      new (init: { kind: 'video' }): MediaStreamTrackGenerator<VideoFrame>;
    }
  | undefined;
