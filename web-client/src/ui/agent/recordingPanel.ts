/**
 * The console's *Recording* card: ask the customer to record (recording starts once they agree), a red
 * "Recording m:ss" indicator with *Stop* while it runs, what happened last (declined, failed) and the room's
 * recordings with a download button each (the download needs the bearer token, so it is fetched, then saved).
 */
import type { UploadProgress } from '../../recording/chunkUploader';
import { elapsed, type RecordingFlow } from '../../recording/flow';
import type { RecordingView } from '../../recording/recordingApi';
import { h, replaceChildren } from '../dom';
import { t, formatBytes, formatNumber, formatTime } from '../../i18n';

export interface RecordingPanelActions {
  ask(): void;
  stop(): void;
  download(recording: RecordingView, progress: (read: number, total: number | null) => void): Promise<Blob>;
}

export interface RecordingPanel {
  readonly element: HTMLElement;
  /** The badge over the video while recording (the agent must always see that it runs). */
  readonly badge: HTMLElement;
  setFlow(flow: RecordingFlow): void;
  /** Where the running recording's uploads stand; null when none runs. */
  setUpload(progress: UploadProgress | null): void;
  setRecordings(list: readonly RecordingView[]): void;
  /** Whether there is a customer video to record. */
  setCanRecord(can: boolean): void;
}

/** What the card shows for the agent's recording flow (`now`: the running recording's clock). */
export function recordingLook(flow: RecordingFlow, canRecord: boolean, now: number) {
  return {
    // While waiting the agent may ask again (the customer may have missed it: reloaded, reconnected).
    askHidden: flow.phase !== 'idle' && flow.phase !== 'asking',
    ask: flow.phase === 'asking' ? t('recording.askAgain') : t('recording.record'),
    /** The red sign over the video and the Stop button: only while recording. */
    badge: flow.phase === 'recording' ? t('recording.running', { elapsed: elapsed(flow.since, now) }) : null,
    status: {
      idle: flow.phase === 'idle' && flow.note ? flow.note
        : canRecord ? t('recording.askFirst') : t('recording.needsShare'),
      asking: t('recording.asking'),
      starting: t('recording.starting'),
      recording: t('recording.recording'),
      saving: t('recording.saving'),
    }[flow.phase],
  };
}

/** Where the uploads stand: trouble is said as it happens; the recording goes on and nothing is lost meanwhile. */
export function uploadWords(p: UploadProgress): string {
  return p.retrying !== null
    ? t('recording.uploadTrouble', { waiting: p.waiting })
    : t(p.waiting > 1 ? 'recording.savedSoFarWaiting' : 'recording.savedSoFar', { stored: p.stored, waiting: p.waiting });
}

export function createRecordingPanel(actions: RecordingPanelActions): RecordingPanel {
  const status = h('p', { class: 'muted', role: 'status', 'data-testid': 'recording-status' });
  const upload = h('p', { class: 'muted', role: 'status', hidden: true, 'data-testid': 'recording-upload' });
  const ask = h('button', { type: 'button', class: 'primary', 'data-testid': 'record' }, t('recording.record'));
  const stop = h('button', { type: 'button', class: 'danger', 'data-testid': 'record-stop', hidden: true }, t('recording.stop'));
  const list = h('ul', { class: 'recordings', 'aria-label': t('recording.list'), 'data-testid': 'recordings' });
  const badge = h('p', { class: 'recording-badge', role: 'status', hidden: true, 'data-testid': 'recording-badge' });
  ask.addEventListener('click', () => actions.ask());
  stop.addEventListener('click', () => actions.stop());
  const element = h('section', { class: 'card stack', 'aria-labelledby': 'recording-title' },
    h('h2', { id: 'recording-title' }, t('recording.title')), status, upload, h('div', { class: 'row' }, ask, stop),
    h('h3', { class: 'subhead' }, t('recording.list')), list);

  let canRecord = false;
  let flow: RecordingFlow = { phase: 'idle' };
  let ticker: number | undefined;

  const render = () => {
    const look = recordingLook(flow, canRecord, Date.now());
    ask.hidden = look.askHidden;
    ask.textContent = look.ask;
    ask.disabled = !canRecord;
    stop.hidden = badge.hidden = look.badge === null;
    if (look.badge !== null) badge.textContent = look.badge;
    status.dataset.phase = flow.phase;
    status.textContent = look.status;
  };

  const size = (bytes?: number) => bytes === undefined ? '' : formatBytes(Math.max(1000, bytes));

  const item = (r: RecordingView): HTMLElement => {
    const started = new Date(r.startedAt);
    const time = Number.isNaN(started.getTime()) ? r.startedAt : formatTime(started);
    const label = t('recording.from', { time });
    if (r.state !== 'ready') {
      return h('li', { 'data-recording': r.recordingId }, h('span', {}, label), h('span', { class: 'muted' }, t('recording.inProgress')));
    }
    const feedback = h('span', { class: 'muted', 'aria-live': 'polite' });
    const download = h('button', { type: 'button', class: 'download', 'aria-label': t('recording.downloadLabel', { time }),
      'data-testid': 'recording-download' }, t('common.download'));
    download.addEventListener('click', async () => {
      download.disabled = true;
      feedback.textContent = '';
      try {
        const blob = await actions.download(r, (read, total) => {
          feedback.textContent = total
            ? t('recording.downloadingPercent', { percent: formatNumber(Math.floor((100 * read) / total) / 100, { style: 'percent' }) })
            : t('recording.downloading', { size: size(read) });
        });
        feedback.textContent = '';
        const a = h('a', { href: URL.createObjectURL(blob), download: `coview-recording-${r.recordingId}.webm` });
        a.click();
        setTimeout(() => URL.revokeObjectURL(a.href), 60_000);
      } catch {
        feedback.textContent = t('recording.downloadFailed');
      } finally {
        download.disabled = false;
      }
    });
    return h('li', { 'data-recording': r.recordingId, 'data-state': 'ready' },
      h('span', {}, label, h('br'), h('span', { class: 'muted' }, size(r.size))), h('span', { class: 'row' }, download, feedback));
  };

  return {
    element,
    badge,
    setFlow: (f) => {
      flow = f;
      window.clearInterval(ticker);
      if (f.phase === 'recording') ticker = window.setInterval(render, 1000);
      render();
    },
    setUpload: (p) => {
      upload.hidden = p === null;
      if (!p) return;
      upload.dataset.retrying = String(p.retrying !== null);
      upload.dataset.stored = String(p.stored);
      upload.textContent = uploadWords(p);
    },
    setRecordings: (rs) => {
      if (rs.length === 0) replaceChildren(list, h('li', { class: 'muted' }, t('recording.none')));
      else replaceChildren(list, ...[...rs].reverse().map(item));
    },
    setCanRecord: (can) => {
      canRecord = can;
      render();
    },
  };
}
