/**
 * The console's support tools beyond drawing, for one session at a time: *Recording* (with the customer's
 * consent), *Send a link* and *Ask to adjust the crop*. `startRoom` makes the per-room REST client and clears the
 * lists; `attach` follows the room's events once the live link is up.
 */
import type { CropGeometry } from '../../annotations/mapping';
import { notifyHost } from '../../embed/bridge';
import { AgentRecording } from '../../recording/agentRecording';
import { type RecordedView, startComposite } from '../../recording/composite';
import { startRecorder } from '../../recording/recorder';
import { RecordingApi, type RecordingView } from '../../recording/recordingApi';
import { ReferenceLog } from '../../reference/references';
import type { AgentLink } from '../../session/agentLink';
import type { CreatedRoom } from '../../session/roomApi';
import { createCropRequest } from './cropRequest';
import { createRecordingPanel } from './recordingPanel';
import { createReferencePanel } from './referencePanel';
import { t } from '../../i18n';

export interface SupportTools {
  /** Cards for the side column. */
  readonly cards: HTMLElement[];
  /** The red "Recording" badge, for the video area. */
  readonly badge: HTMLElement;
  startRoom(room: CreatedRoom): void;
  attach(link: AgentLink): void;
  /** The session ended: nothing that needs one stays enabled. */
  endRoom(): void;
  /** The console's main view changed: whether there is a picture to record. */
  viewChanged(): void;
}

/** What the recording shows: the share in the console's main view (two-way sharing: either share). */
export interface RecordedStage {
  /** Every share's video (a picture arriving or going changes whether one can record). */
  readonly videos: readonly HTMLVideoElement[];
  /** The share in view now, with its overlay: the recording follows it when the view changes. */
  inView(): RecordedView;
}

export function createSupportTools(stage: RecordedStage, liveGeometry: () => CropGeometry | null,
                                   newId: () => string): SupportTools {
  let link: AgentLink | null = null;
  let api: RecordingApi | null = null;
  let roomId = '';
  /** This agent's participant id: a recording the room says is theirs, with none running here, is orphaned. */
  let participantId: string | null = null;
  let recording: AgentRecording | null = null;
  let references = new ReferenceLog();

  const hasVideo = () => stage.inView().video.videoWidth > 0;
  const refreshRecordings = async () => {
    if (!api) return;
    try {
      panel.setRecordings(await api.list());
    } catch {
      // The list stays as it was; the next change refreshes it.
    }
  };
  const panel = createRecordingPanel({
    ask: () => recording?.ask(),
    stop: () => void recording?.stop(),
    download: (r, progress) => api ? api.download(r.recordingId, progress) : Promise.reject(new Error(t('agent.noSession'))),
  });
  panel.setRecordings([]);
  const refPanel = createReferencePanel((url) => link?.send({ type: 'reference.push', url }) ?? false);
  const showReferences = () => refPanel.setReferences(references.list());
  const crop = createCropRequest(() => {
    const g = liveGeometry();
    if (!g || g.source.w <= 0 || g.source.h <= 0) return null;
    return { x: g.crop.x / g.source.w, y: g.crop.y / g.source.h, w: g.crop.w / g.source.w, h: g.crop.h / g.source.h };
  }, (m) => link?.send(m) ?? false);
  const setConnected = (on: boolean) => {
    refPanel.setEnabled(on);
    crop.setEnabled(on);
  };
  setConnected(false);
  const updateCanRecord = () => panel.setCanRecord(link !== null && hasVideo());
  for (const video of stage.videos) {
    video.addEventListener('loadeddata', updateCanRecord);
    video.addEventListener('emptied', updateCanRecord);
  }
  // A closed tab keeps what was uploaded: the recording is completed with the chunks room-service has.
  window.addEventListener('pagehide', () => recording?.abandon());

  return {
    cards: [panel.element, refPanel.element, crop.element],
    badge: panel.badge,
    startRoom: (room) => {
      void recording?.stop();
      link = null;
      roomId = room.roomId;
      participantId = room.participantId;
      api = new RecordingApi(room.roomId, () => room.token);
      references = new ReferenceLog();
      showReferences();
      panel.setRecordings([]);
      setConnected(false);
      updateCanRecord();
    },
    attach: (l) => {
      link = l;
      const roomApi = api!;
      const forRoom = roomId;
      recording = new AgentRecording({
        room: l.room,
        send: (m) => l.send(m),
        api: roomApi,
        composite: () => (hasVideo() ? startComposite(stage.inView) : null),
        record: (stream, onChunk) => startRecorder(stream, onChunk),
        newId,
        now: () => Date.now(),
        delay: (ms) => new Promise((r) => window.setTimeout(r, ms)),
        onFlow: (f) => {
          panel.setFlow(f);
          if (f.phase === 'recording') void refreshRecordings();
        },
        onUpload: (p) => panel.setUpload(p),
        onReady: (r: RecordingView) => {
          void refreshRecordings();
          notifyHost('recording.ready', { roomId: forRoom, recordingId: r.recordingId, url: r.url });
        },
      });
      const me = participantId;
      l.room.onRoomState((s) => {
        references.pendingIs(s.reference?.eventId ?? null);
        showReferences();
        if (me && recording?.orphaned(s.recording, me)) void refreshRecordings();
      });
      l.room.on('reference.push', (e, envelope) => {
        references.pushed(envelope.eventId, e.url, envelope.ts);
        showReferences();
      });
      l.room.on('reference.answer', (e) => {
        references.answered(e.accepted);
        showReferences();
      });
      setConnected(true);
      updateCanRecord();
      void refreshRecordings();
    },
    viewChanged: updateCanRecord,
    endRoom: () => {
      void recording?.stop();
      recording?.endSession();
      recording = null;
      link = null;
      setConnected(false);
      updateCanRecord();
    },
  };
}
