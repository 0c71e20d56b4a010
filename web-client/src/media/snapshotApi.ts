/**
 * room-service's snapshot API (`/api/rooms/{id}/snapshots`) as the browser uses it: upload the three parts
 * (multipart: original PNG, annotations JSON, flattened PNG), list, read one, download a part. Every call sends
 * the participant's token as a bearer header, as RoomApi does; failures surface as {@link ApiError} with the
 * problem document's words. fetch is injected (tests, embedding).
 */
import type { CropGeometry } from '../annotations/mapping';
import { ApiError, refusal } from '../session/roomApi';
import { documentGeometry } from './snapshotDocument';
import { t } from '../i18n';

/** The three files of a snapshot; also the last path segment of their download URLs. */
export type SnapshotPart = 'original' | 'flattened' | 'annotations';

export interface PerPart<T> {
  original: T;
  flattened: T;
  annotations: T;
}

/** One stored snapshot as room-service shows it (SnapshotView). */
export interface SnapshotView {
  snapshotId: string;
  roomId: string;
  author: { participantId: string; name?: string; role: string };
  /** ISO-8601, when room-service stored it. */
  createdAt: string;
  /** SHA-256 of each part as stored, lower-case hex. */
  sha256: PerPart<string>;
  size: PerPart<number>;
  /** Download path of each part (needs the bearer token). */
  urls: PerPart<string>;
}

/** What one snapshot upload carries. */
export interface SnapshotUpload {
  original: Blob;
  /** Any JSON value: sent as an application/json part. */
  annotations: unknown;
  flattened: Blob;
}

export class SnapshotApi {
  constructor(
    readonly roomId: string,
    private readonly token: () => string,
    private readonly fetchFn: typeof fetch = fetch.bind(globalThis),
    private readonly base = '',
  ) {}

  /** Stores a snapshot (needs the freeze grant); room-service computes the hashes and publishes snapshot.saved. */
  async upload(parts: SnapshotUpload): Promise<SnapshotView> {
    const form = new FormData();
    form.append('original', parts.original, 'original.png');
    form.append('annotations', new Blob([JSON.stringify(parts.annotations)], { type: 'application/json' }),
      'annotations.json');
    form.append('flattened', parts.flattened, 'flattened.png');
    // No Content-Type header: fetch sets multipart/form-data with its boundary itself.
    const res = await this.call(this.path(), { method: 'POST', body: form });
    return (await res.json()) as SnapshotView;
  }

  /** The room's snapshots, newest first. */
  async list(): Promise<SnapshotView[]> {
    const res = await this.call(this.path(), {});
    return newestFirst((await res.json()) as SnapshotView[]);
  }

  async view(snapshotId: string): Promise<SnapshotView> {
    const res = await this.call(this.path(snapshotId), {});
    return (await res.json()) as SnapshotView;
  }

  /** One part's bytes, exactly as stored. */
  async download(snapshotId: string, part: SnapshotPart): Promise<Blob> {
    const res = await this.call(this.path(snapshotId, part), {});
    return res.blob();
  }

  /**
   * A frozen still as the pages show it: the original PNG and the crop its annotations name (null: none, or the
   * document could not be read; the still then shows whole). Both downloads run at once.
   */
  async still(snapshotId: string): Promise<{ original: Blob; geometry: CropGeometry | null }> {
    const [original, doc] = await Promise.all([
      this.download(snapshotId, 'original'),
      // A document that cannot be read (or parsed) costs only the crop, never the still.
      this.download(snapshotId, 'annotations').then((b) => b.text()).then((text) => JSON.parse(text) as unknown)
        .catch(() => null),
    ]);
    return { original, geometry: documentGeometry(doc) };
  }

  private path(...segments: string[]): string {
    return [`/api/rooms/${encodeURIComponent(this.roomId)}/snapshots`, ...segments.map(encodeURIComponent)].join('/');
  }

  private async call(path: string, init: RequestInit): Promise<Response> {
    let res: Response;
    try {
      res = await this.fetchFn(this.base + path,
        { ...init, headers: { ...(init.headers as Record<string, string> | undefined), Authorization: `Bearer ${this.token()}` } });
    } catch {
      throw new ApiError(0, t('common.unreachable'));
    }
    if (res.ok) return res;
    throw await refusal(res);
  }
}

/** Newest first by createdAt; ties keep room-service's order reversed (it lists oldest first). */
export function newestFirst(list: readonly SnapshotView[]): SnapshotView[] {
  return list.map((s, i) => ({ s, i, t: Date.parse(s.createdAt) || 0 }))
    .sort((a, b) => b.t - a.t || b.i - a.i)
    .map(({ s }) => s);
}
