/**
 * The agent's recording, end to end: ask the customer (`recording.request`), wait for their
 * `recording.consent`, then create the recording in room-service, tell the room (`recording {on}`, the
 * customer's page shows a red indicator while it runs), record the composite and upload its chunks as they come;
 * on stop, tell the room, upload the last chunk and complete: the answer is the ready recording
 * (room-service publishes `recording.ready`). Upload progress and trouble reach the agent as they happen; a part
 * refused for good stops the recording at once, with the reason.
 */
import type { AnnotationClient } from '../annotations/annotationClient';
import type { ClientMessage } from '../generated/annotation';
import { ChunkUploader, type UploadProgress } from './chunkUploader';
import type { Composite } from './composite';
import { IDLE, type RecordingAction, type RecordingFlow, reduceRecording } from './flow';
import type { RunningRecorder } from './recorder';
import type { RecordingApi, RecordingView } from './recordingApi';
import { t } from '../i18n';

export interface AgentRecordingDeps {
  room: Pick<AnnotationClient, 'on'>;
  send(msg: ClientMessage): boolean;
  api: Pick<RecordingApi, 'create' | 'putChunk' | 'complete'>;
  /** The composite of the customer's video and the overlay; null while there is no video. */
  composite(): Composite | null;
  record(stream: MediaStream, onChunk: (chunk: Blob) => void): RunningRecorder;
  newId(): string;
  now(): number;
  delay(ms: number): Promise<void>;
  onFlow(flow: RecordingFlow): void;
  onReady(recording: RecordingView): void;
  /** Where the current recording's uploads stand (every change); null once none is running. */
  onUpload?(progress: UploadProgress | null): void;
}

export class AgentRecording {
  private flow: RecordingFlow = IDLE;
  private running: { composite: Composite; recorder: RunningRecorder; uploader: ChunkUploader } | null = null;
  /** The uploads of the current recording, also while it is being saved. */
  private uploading: ChunkUploader | null = null;

  constructor(private readonly deps: AgentRecordingDeps) {
    deps.room.on('recording.consent', (e) => {
      this.apply({ type: 'consent', requestId: e.requestId, granted: e.granted });
      if (this.flow.phase === 'starting') void this.start();
    });
  }

  get state(): RecordingFlow {
    return this.flow;
  }

  /** Asks the customer's consent; recording starts when they agree. */
  ask(): void {
    const requestId = this.deps.newId();
    if (!this.deps.send({ type: 'recording.request', requestId })) {
      this.apply({ type: 'failed', message: t('recording.notAsked') });
      return;
    }
    this.apply({ type: 'ask', requestId });
  }

  async stop(): Promise<void> {
    const running = this.running;
    if (this.flow.phase !== 'recording' || !running) return;
    this.apply({ type: 'stop' });
    this.running = null;
    this.deps.send({ type: 'recording', on: false });
    try {
      await running.recorder.stop();
      running.composite.stop();
      const ready = await running.uploader.finish();
      this.apply({ type: 'saved' });
      this.deps.onReady(ready);
    } catch (e) {
      this.apply({ type: 'failed', message: t('recording.notSaved', { problem: (e as Error).message }) });
    } finally {
      if (this.uploading === running.uploader) {
        this.uploading = null;
        this.deps.onUpload?.(null);
      }
    }
  }

  /** The session ended: uploads that keep failing are given up (stop() then says why). */
  endSession(): void {
    this.uploading?.close();
  }

  /**
   * The page is going away while recording (tab closed, reload): tell the room, and complete the recording with
   * the chunks room-service already has, in a request that outlives the page. The chunk in flight is lost; the
   * recording is not.
   */
  abandon(): void {
    const running = this.running;
    if (this.flow.phase !== 'recording' || !running) return;
    this.running = null;
    this.deps.send({ type: 'recording', on: false });
    const stored = running.uploader.stored;
    if (stored > 0) void this.deps.api.complete(running.uploader.recordingId, stored, true).catch(() => undefined);
  }

  /**
   * What the room says is being recorded, and by whom (its state on every (re)join). When it names this participant
   * while nothing records on this page, the page that recorded is gone without saying so (it crashed, or this page
   * replaced it in another tab), and its recorder went with it: the room is told the recording stopped, so that the
   * customer no longer reads "Recording". The chunks it uploaded stay; room-service completes the recording once no
   * chunk came for `abandoned-after`.
   * @returns whether the room was told
   */
  orphaned(running: { authorId: string; recordingId?: string } | undefined, me: string): boolean {
    const here = this.flow.phase === 'starting' || this.flow.phase === 'recording' || this.flow.phase === 'saving';
    if (!running || running.authorId !== me || here) return false;
    return this.deps.send(running.recordingId ? { type: 'recording', on: false, recordingId: running.recordingId }
      : { type: 'recording', on: false });
  }

  private async start(): Promise<void> {
    const composite = this.deps.composite();
    if (!composite) {
      this.apply({ type: 'failed', message: t('recording.noVideo') });
      return;
    }
    try {
      const created = await this.deps.api.create();
      const uploader: ChunkUploader = new ChunkUploader(this.deps.api, created.recordingId, {
        delay: this.deps.delay,
        onProgress: (p) => {
          if (this.uploading === uploader) this.deps.onUpload?.(p);
        },
        onFailure: (e) => this.uploadFailed(uploader, e),
      });
      this.uploading = uploader;
      const recorder = this.deps.record(composite.stream, (chunk) => uploader.push(chunk));
      this.running = { composite, recorder, uploader };
      this.deps.send({ type: 'recording', on: true, recordingId: created.recordingId });
      this.apply({ type: 'started', recordingId: created.recordingId, at: this.deps.now() });
    } catch (e) {
      composite.stop();
      this.apply({ type: 'failed', message: t('recording.notStarted', { problem: (e as Error).message }) });
    }
  }

  /** A part was refused for good while recording: nothing more could be saved, so the recording stops now. */
  private uploadFailed(uploader: ChunkUploader, e: Error): void {
    const running = this.running;
    if (!running || running.uploader !== uploader) return; // being saved: stop() reports it
    this.running = null;
    this.uploading = null;
    this.deps.onUpload?.(null);
    this.deps.send({ type: 'recording', on: false });
    void running.recorder.stop().catch(() => undefined);
    running.composite.stop();
    this.apply({ type: 'failed', message: t('recording.partRefused', { problem: e.message }) });
  }

  private apply(a: RecordingAction): void {
    const next = reduceRecording(this.flow, a);
    if (next === this.flow) return;
    this.flow = next;
    this.deps.onFlow(next);
  }
}
