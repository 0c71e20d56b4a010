/**
 * room-service's recordings REST API (`/api/rooms/{id}/recordings`, grant `record`): create, numbered chunks
 * (`PUT …/chunks/{n}`, video/webm, idempotent per n), complete `{chunks: N}`, list, download. fetch is injected.
 */
import { t } from '../i18n';
import { refusal } from '../session/roomApi';

/** A recording as room-service describes it (RecordingView). */
export interface RecordingView {
  recordingId: string;
  roomId: string;
  startedAt: string;
  state: 'recording' | 'ready';
  chunks?: number;
  size?: number;
  sha256?: string;
  readyAt?: string;
  url: string;
}

/** A refused or failed request; `retry` says whether sending the same request again can help. */
export class RecordingApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }

  /** Network failures, 5xx and 429 may pass later; other 4xx answers will not change. */
  get retry(): boolean {
    return this.status === 0 || this.status >= 500 || this.status === 429;
  }
}

export class RecordingApi {
  constructor(private readonly roomId: string, private readonly token: () => string,
    private readonly fetchFn: typeof fetch = fetch.bind(globalThis), private readonly base = '') {}

  create(): Promise<RecordingView> {
    return this.json('', { method: 'POST' });
  }

  putChunk(recordingId: string, n: number, chunk: Blob): Promise<unknown> {
    return this.json(`/${encodeURIComponent(recordingId)}/chunks/${n}`,
      { method: 'PUT', headers: { 'Content-Type': 'video/webm' }, body: chunk });
  }

  /** `keepalive`: the request outlives the page (sent while the tab closes). */
  complete(recordingId: string, chunks: number, keepalive = false): Promise<RecordingView> {
    return this.json(`/${encodeURIComponent(recordingId)}/complete`, { method: 'POST', keepalive,
      headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ chunks }) });
  }

  list(): Promise<RecordingView[]> {
    return this.json('', {});
  }

  /**
   * The finished WebM file (the download needs the bearer token, so a plain link cannot fetch it); {@code progress}
   * gets the bytes read so far and the whole size (null when the answer does not say it).
   */
  async download(recordingId: string, progress?: (read: number, total: number | null) => void): Promise<Blob> {
    const res = await this.send(`/${encodeURIComponent(recordingId)}`, {});
    if (!progress || !res.body) return res.blob();
    return readWithProgress(res, progress);
  }

  private async json<T>(path: string, init: RequestInit): Promise<T> {
    return (await (await this.send(path, init)).json()) as T;
  }

  private async send(path: string, init: RequestInit): Promise<Response> {
    const headers = { ...(init.headers as Record<string, string> | undefined), Authorization: `Bearer ${this.token()}` };
    let res: Response;
    try {
      res = await this.fetchFn(`${this.base}/api/rooms/${encodeURIComponent(this.roomId)}/recordings${path}`,
        { ...init, headers });
    } catch {
      throw new RecordingApiError(0, t('common.unreachable'));
    }
    if (res.ok) return res;
    // The person's words for the problem (problemWords.ts); room-service's detail is for developers: the console.
    const refused = await refusal(res);
    throw new RecordingApiError(res.status, refused.message);
  }
}

/** Reads a response's body chunk by chunk, telling how far it got, into a Blob of the response's type. */
export async function readWithProgress(res: Response, progress: (read: number, total: number | null) => void): Promise<Blob> {
  const length = Number(res.headers.get('Content-Length'));
  const total = Number.isFinite(length) && length > 0 ? length : null;
  const reader = res.body!.getReader();
  const parts: Uint8Array[] = [];
  let read = 0;
  progress(0, total);
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
    read += value.byteLength;
    progress(read, total);
  }
  return new Blob(parts as BlobPart[], { type: res.headers.get('Content-Type') ?? '' });
}
