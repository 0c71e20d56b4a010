/**
 * The side panel's "Snapshots" card: the room's snapshots, newest first, each with its time, who saved it, a
 * thumbnail (the flattened image) and download links for the flattened and the original PNG. The downloads need
 * the participant's bearer token, so a link fetches the part and hands the browser the bytes as a file. The
 * list is read again from room-service whenever the room says a snapshot was saved or a frame was frozen, so a
 * second agent or an observer sees it too.
 */
import { LatestOnly } from '../../media/freezeSync';
import type { SnapshotApi, SnapshotPart, SnapshotView } from '../../media/snapshotApi';
import { h, replaceChildren } from '../dom';
import { t, formatTime } from '../../i18n';
import { roleName } from './participants';

/** Thumbnails are fetched for the newest this many; older entries keep their links. */
const THUMBNAILS = 12;

export interface SnapshotList {
  readonly element: HTMLElement;
  /** A new session (or none). */
  setApi(api: SnapshotApi | null, selfId?: string): void;
  /** Reads the list again from room-service. */
  refresh(): Promise<void>;
}

/**
 * One snapshot of the list: when, by whom ("you" for this participant's own), and the names its two downloads are
 * saved under (the time in them, so several snapshots sort and never overwrite one another).
 */
export function snapshotEntry(s: Pick<SnapshotView, 'createdAt' | 'author'>, selfId: string) {
  const at = new Date(s.createdAt);
  const stamp = at.toISOString().replace(/[:.]/g, '-');
  const who = s.author.participantId === selfId ? null : (s.author.name ?? roleName(s.author.role));
  return {
    time: formatTime(at),
    by: who === null ? t('snapshots.byYou') : t('snapshots.by', { who }),
    files: { flattened: `snapshot-${stamp}-annotated.png`, original: `snapshot-${stamp}-original.png` },
  };
}

/** @param actions shown under the card's title (the Freeze and Snapshot buttons). */
export function createSnapshotList(actions: HTMLElement): SnapshotList {
  const list = h('ol', { class: 'snapshots', 'aria-label': t('snapshots.list'), 'data-testid': 'snapshot-list' });
  const note = h('p', { class: 'muted' }, t('snapshots.none'));
  const error = h('p', { class: 'error', role: 'alert' });
  const element = h('section', { class: 'card stack', 'aria-labelledby': 'snapshots-title' },
    h('h2', { id: 'snapshots-title' }, t('snapshots.title')), actions, note, list, error);
  const loads = new LatestOnly();
  /** Object URLs of fetched thumbnails by snapshot id, revoked when the session changes. */
  let thumbs = new Map<string, Promise<string>>();
  let api: SnapshotApi | null = null;
  let self = '';

  const clearThumbs = (): void => {
    for (const t of thumbs.values()) void t.then((u) => URL.revokeObjectURL(u), () => undefined);
    thumbs = new Map();
  };

  function thumbnail(current: SnapshotApi, s: SnapshotView): HTMLElement {
    const img = h('img', { class: 'thumb', alt: '', width: 96 });
    let url = thumbs.get(s.snapshotId);
    if (!url) {
      url = current.download(s.snapshotId, 'flattened').then((b) => URL.createObjectURL(b));
      thumbs.set(s.snapshotId, url);
    }
    url.then((u) => (img.src = u), () => (img.alt = t('snapshots.noPreview')));
    return img;
  }

  function download(current: SnapshotApi, s: SnapshotView, part: SnapshotPart, label: string, lower: string, file: string,
                    time: string): HTMLElement {
    return h('a', { href: s.urls[part], download: file, 'data-part': part, class: 'download',
      'aria-label': t('snapshots.downloadLabel', { part: lower, time }),
      onclick: (e: Event) => {
        e.preventDefault();
        error.textContent = '';
        current.download(s.snapshotId, part).then((blob) => {
          const url = URL.createObjectURL(blob);
          const a = h('a', { href: url, download: file, hidden: true });
          document.body.append(a);
          a.click();
          a.remove();
          // The browser has the file once the click is handled; the URL is not needed after that.
          setTimeout(() => URL.revokeObjectURL(url), 60_000);
        }, () => (error.textContent = t('snapshots.downloadFailed', { part: lower })));
      } }, label);
  }

  function item(current: SnapshotApi, s: SnapshotView, withThumb: boolean): HTMLElement {
    const e = snapshotEntry(s, self);
    return h('li', { 'data-snapshot-id': s.snapshotId },
      withThumb ? thumbnail(current, s) : null,
      h('div', {},
        h('time', { datetime: s.createdAt }, e.time),
        h('span', { class: 'muted' }, e.by),
        h('div', { class: 'links' },
          download(current, s, 'flattened', t('snapshots.annotated'), t('snapshots.annotatedLower'), e.files.flattened, e.time),
          download(current, s, 'original', t('snapshots.original'), t('snapshots.originalLower'), e.files.original, e.time))));
  }

  function render(current: SnapshotApi, snapshots: SnapshotView[]): void {
    note.hidden = snapshots.length > 0;
    replaceChildren(list, ...snapshots.map((s, i) => item(current, s, i < THUMBNAILS)));
    list.dataset.count = String(snapshots.length);
  }

  const refresh = async (): Promise<void> => {
    const current = api;
    if (!current) return;
    await loads.run(() => current.list(), (snapshots) => {
      error.textContent = '';
      render(current, snapshots);
    }, () => (error.textContent = t('snapshots.loadFailed')));
  };

  return {
    element,
    setApi: (next, selfId = '') => {
      api = next;
      self = selfId;
      loads.cancel();
      clearThumbs();
      replaceChildren(list);
      note.hidden = false;
      error.textContent = '';
      void refresh();
    },
    refresh,
  };
}
