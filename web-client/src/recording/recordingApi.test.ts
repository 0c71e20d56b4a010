import { describe, expect, it } from 'vitest';
import { readWithProgress } from './recordingApi';

describe('readWithProgress', () => {
  it('reads the whole body, telling the bytes read against the declared size', async () => {
    const parts = [new Uint8Array([1, 2, 3]), new Uint8Array([4, 5])];
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        parts.forEach((p) => c.enqueue(p));
        c.close();
      },
    });
    const res = new Response(body, { headers: { 'Content-Length': '5', 'Content-Type': 'video/webm' } });
    const seen: [number, number | null][] = [];
    const blob = await readWithProgress(res, (read, total) => seen.push([read, total]));
    expect(seen).toEqual([[0, 5], [3, 5], [5, 5]]);
    expect(blob.type).toBe('video/webm');
    expect([...new Uint8Array(await blob.arrayBuffer())]).toEqual([1, 2, 3, 4, 5]);
  });

  it('says the size is unknown when the answer does not declare it', async () => {
    const seen: (number | null)[] = [];
    await readWithProgress(new Response('abc'), (_read, total) => seen.push(total));
    expect(seen.every((t) => t === null)).toBe(true);
  });
});
