import { describe, expect, it, vi } from 'vitest';
import { createWorkerPipeline, Spare, type WorkerPipelineDeps } from './workerPipeline';
import type { FromWorker } from './workerProtocol';

function fakes(postThrows = false) {
  const posted: { m: { type: string }; transfer: unknown[] }[] = [];
  const worker = {
    onmessage: null as ((e: MessageEvent<FromWorker>) => void) | null,
    postMessage: vi.fn((m: { type: string }, transfer: unknown[] = []) => {
      if (postThrows) throw new DOMException('not transferable', 'DataCloneError');
      posted.push({ m, transfer });
    }),
    terminate: vi.fn(),
  };
  const generator = { writable: { w: 1 }, contentHint: '', stop: vi.fn() };
  const readable = { r: 1 };
  const deps: WorkerPipelineDeps = {
    readable: () => readable as never,
    generator: () => generator as never,
    worker: () => worker as never,
  };
  const fromWorker = (m: FromWorker) => worker.onmessage!({ data: m } as MessageEvent<FromWorker>);
  return { posted, worker, generator, readable, deps, fromWorker };
}

describe('createWorkerPipeline', () => {
  it('hands the source\'s frames and the output\'s sink to the worker, and the crop changes after them', async () => {
    const f = fakes();
    const p = createWorkerPipeline({} as MediaStreamTrack, f.deps)!;
    expect(p.kind).toBe('insertable-streams');
    expect(p.thread).toBe('worker');
    expect(p.output.contentHint).toBe('detail');
    expect(f.posted[0].m.type).toBe('start');
    expect(f.posted[0].transfer).toEqual([f.readable, f.generator.writable]);
    p.update({ paused: true });
    expect(f.posted[1].m).toEqual({ type: 'update', change: { paused: true } });
    expect(p.settings().paused).toBe(true);

    const sizes: unknown[] = [];
    p.onSourceSize((s) => sizes.push(s));
    f.fromWorker({ type: 'source-size', size: { w: 1280, h: 720 } });
    f.fromWorker({ type: 'first-frame', size: { w: 640, h: 360 } });
    await expect(p.firstFrame).resolves.toEqual({ w: 640, h: 360 });
    expect(sizes).toEqual([{ w: 1280, h: 720 }]);
  });

  it('stops the output when the source ends in the worker', () => {
    const f = fakes();
    createWorkerPipeline({} as MediaStreamTrack, f.deps);
    f.fromWorker({ type: 'ended' });
    expect(f.generator.stop).toHaveBeenCalled();
    expect(f.posted.at(-1)!.m.type).toBe('stop');
  });

  it('gives way (null) where the streams cannot be transferred, so the page runs the pipeline', () => {
    const f = fakes(true);
    expect(createWorkerPipeline({} as MediaStreamTrack, f.deps)).toBeNull();
    expect(f.worker.terminate).toHaveBeenCalled();
    expect(f.generator.stop).toHaveBeenCalled();
  });
});

describe('Spare', () => {
  it('hands out the one made ahead, once, and makes anew when none waits', () => {
    let made = 0;
    const spare = new Spare(() => ++made);
    spare.warm();
    spare.warm();
    expect(made).toBe(1);
    expect(spare.take()).toBe(1);
    expect(spare.take()).toBe(2);
    spare.warm();
    expect(spare.take()).toBe(3);
    expect(made).toBe(3);
  });
});
