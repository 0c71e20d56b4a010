import { describe, expect, it } from 'vitest';
import { ApiError } from '../session/roomApi';
import { newestFirst, SnapshotApi, type SnapshotView } from './snapshotApi';

const view = (id: string, createdAt: string): SnapshotView => ({
  snapshotId: id, roomId: 'r1', author: { participantId: 'p', role: 'agent' }, createdAt,
  sha256: { original: 'a', flattened: 'b', annotations: 'c' }, size: { original: 1, flattened: 2, annotations: 3 },
  urls: { original: `/o/${id}`, flattened: `/f/${id}`, annotations: `/a/${id}` },
});

function fakeFetch(respond: (url: string, init: RequestInit) => Response) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fn = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return respond(url, init);
  }) as unknown as typeof fetch;
  return { fn, calls };
}

const json = (body: unknown, status = 200, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });

describe('SnapshotApi', () => {
  it('uploads the three parts as multipart with the bearer token', async () => {
    const f = fakeFetch(() => json(view('s1', '2026-01-01T00:00:00Z'), 201));
    const api = new SnapshotApi('room 1', () => 'tok', f.fn, 'http://rs');
    const original = new Blob([new Uint8Array([137, 80, 78, 71])], { type: 'image/png' });
    const flattened = new Blob([new Uint8Array([137, 80, 78, 71, 1])], { type: 'image/png' });
    const saved = await api.upload({ original, flattened, annotations: { elements: [1] } });

    expect(saved.snapshotId).toBe('s1');
    const { url, init } = f.calls[0];
    expect(url).toBe('http://rs/api/rooms/room%201/snapshots');
    expect(init.method).toBe('POST');
    expect((init.headers as Record<string, string>).Authorization).toBe('Bearer tok');
    // fetch must set the multipart boundary itself.
    expect((init.headers as Record<string, string>)['Content-Type']).toBeUndefined();
    const form = init.body as FormData;
    const a = form.get('annotations') as File;
    expect(a.type).toBe('application/json');
    expect(a.name).toBe('annotations.json');
    expect(JSON.parse(await a.text())).toEqual({ elements: [1] });
    const o = form.get('original') as File;
    expect(o.type).toBe('image/png');
    expect(o.name).toBe('original.png');
    expect(new Uint8Array(await o.arrayBuffer())).toEqual(new Uint8Array([137, 80, 78, 71]));
    expect(((form.get('flattened') as File).size)).toBe(5);
  });

  it('lists newest first and downloads a part by path', async () => {
    const f = fakeFetch((url) => url.endsWith('/snapshots')
      ? json([view('old', '2026-01-01T00:00:00Z'), view('new', '2026-01-01T00:00:05Z')])
      : new Response(new Uint8Array([1, 2, 3]), { headers: { 'Content-Type': 'image/png' } }));
    const api = new SnapshotApi('r1', () => 't', f.fn);
    expect((await api.list()).map((s) => s.snapshotId)).toEqual(['new', 'old']);
    const blob = await api.download('new', 'flattened');
    expect(f.calls[1].url).toBe('/api/rooms/r1/snapshots/new/flattened');
    expect((f.calls[1].init.headers as Record<string, string>).Authorization).toBe('Bearer t');
    expect(blob.size).toBe(3);
  });

  it('reads a still: the original and the crop its annotations name, the whole still when they name none', async () => {
    // The wire's crop is in fractions of the source.
    const crop = { type: 'crop', x: 0.25, y: 0.5, w: 0.5, h: 0.25, sourceW: 1920, sourceH: 1080 };
    const png = () => new Response(new Uint8Array([137, 80, 78, 71]), { headers: { 'Content-Type': 'image/png' } });
    const withCrop = fakeFetch((url) => (url.endsWith('/annotations') ? json({ format: 1, crop }) : png()));
    const stored = await new SnapshotApi('r1', () => 't', withCrop.fn).still('s1');
    expect(stored.original.size).toBe(4);
    expect(stored.geometry).toEqual({ source: { w: 1920, h: 1080 }, crop: { x: 480, y: 540, w: 960, h: 270 } });
    expect(withCrop.calls.map((c) => c.url).sort()).toEqual(['/api/rooms/r1/snapshots/s1/annotations',
      '/api/rooms/r1/snapshots/s1/original']);
    const unreadable = fakeFetch((url) => (url.endsWith('/annotations') ? new Response('not json') : png()));
    expect((await new SnapshotApi('r1', () => 't', unreadable.fn).still('s1')).geometry).toBeNull();
  });

  it('surfaces a problem document as ApiError in words for the person, its detail kept', async () => {
    const f = fakeFetch(() => json({ title: 'Too large', detail: 'original is larger than 16 MiB',
      type: 'https://coview.dev/problems/too-large' }, 413, 'application/problem+json'));
    const err = await new SnapshotApi('r1', () => 't', f.fn).upload({
      original: new Blob([]), flattened: new Blob([]), annotations: {},
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).status).toBe(413);
    expect((err as ApiError).message).toBe('This is too large to save.');
    expect((err as ApiError).detail).toBe('original is larger than 16 MiB');
  });

  it('says in words when room-service cannot be reached', async () => {
    const fn = (async () => {
      throw new TypeError('network');
    }) as unknown as typeof fetch;
    const err = await new SnapshotApi('r1', () => 't', fn).list().catch((e: unknown) => e);
    expect((err as ApiError).status).toBe(0);
    expect((err as ApiError).message).toMatch(/cannot be reached/);
  });
});

describe('newestFirst', () => {
  it('keeps the later of equal times first', () => {
    const t = '2026-01-01T00:00:00Z';
    expect(newestFirst([view('a', t), view('b', t)]).map((s) => s.snapshotId)).toEqual(['b', 'a']);
  });
});
