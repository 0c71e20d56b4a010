/**
 * Exhaustive exploration of message orders for negotiation tests: participants' signaling clients as
 * {@link Endpoint}s whose sends go into named channels, and a driver that runs every schedule of taking from
 * those channels (messages within one channel keep their order: one WebSocket, one room channel).
 */
import type { ServerSignal } from '../../generated/signal';

type Handler = (m: ServerSignal) => void;

/** Queued deliveries of a world: messages, or faults to inject (a function). */
export type Item = ServerSignal | (() => void);

/** What the driver needs of a world: the channels that hold something, and taking one item from one. */
export interface Schedulable {
  ready(): string[];
  deliver(channel: string): void;
}

/** One participant's signaling client: handlers by type; what it sends goes into the world's channels. */
export class Endpoint {
  private handlers = new Map<string, Handler[]>();
  constructor(private readonly self: string, private readonly push: (channel: string, item: Item) => void) {}
  on(type: string, h: Handler) {
    this.handlers.set(type, [...(this.handlers.get(type) ?? []), h]);
  }
  send(m: { type: string; to?: string }): boolean {
    if (m.to) this.push(`${this.self}->${m.to}`, { ...m, from: this.self } as unknown as ServerSignal);
    return true;
  }
  deliver(m: ServerSignal) {
    (this.handlers.get(m.type) ?? []).forEach((h) => h(m));
  }
}

/** Named FIFO channels of {@link Item}s. */
export class Channels {
  readonly queues = new Map<string, Item[]>();

  push(channel: string, item: Item) {
    this.queues.set(channel, [...(this.queues.get(channel) ?? []), item]);
  }

  /** Channel names that hold something, in a fixed order. */
  ready(): string[] {
    return [...this.queues.keys()].filter((k) => this.queues.get(k)!.length > 0).sort();
  }

  /** Takes the next item of {@code channel}: a fault runs here, a message is returned. */
  take(channel: string): ServerSignal | null {
    const item = this.queues.get(channel)!.shift()!;
    if (typeof item === 'function') {
      item();
      return null;
    }
    return item;
  }
}

export const settle = () => new Promise<void>((r) => setImmediate(r));

/** Runs the world until nothing is in flight, taking channel {@code schedule[i]} (mod choices) at step i. */
export async function drain(world: Schedulable, schedule: number[], branching: number[]): Promise<void> {
  await settle();
  for (let step = 0; ; step++) {
    const ready = world.ready();
    if (ready.length === 0) return;
    if (step > 400) throw new Error('negotiation does not settle');
    branching.push(ready.length);
    world.deliver(ready[(schedule[step] ?? 0) % ready.length]);
    await settle();
  }
}

/** The next schedule in depth-first order after {@code schedule}, given how many choices each step had. */
function next(schedule: number[], branching: number[]): number[] | null {
  const s = branching.map((_, i) => schedule[i] ?? 0);
  for (let i = s.length - 1; i >= 0; i--) {
    if (s[i] + 1 < branching[i]) return [...s.slice(0, i), s[i] + 1];
  }
  return null;
}

/**
 * Explores every schedule: per schedule a fresh world ({@code fresh}) in which {@code setup} queues the scenario's
 * messages and faults; {@code check} judges the world once nothing is in flight. Returns how many schedules ran.
 */
export async function everySchedule<W extends Schedulable>(fresh: () => W, setup: (w: W) => Promise<void>,
                                                          check: (w: W, label: string) => void): Promise<number> {
  let schedule: number[] | null = [];
  let runs = 0;
  while (schedule) {
    const branching: number[] = [];
    const world = fresh();
    await setup(world);
    await drain(world, schedule, branching);
    check(world, `schedule [${schedule.join(',')}]`);
    runs++;
    schedule = next(schedule, branching);
  }
  return runs;
}
