/**
 * Reconnect delays: exponential with "full jitter" (a random delay between 0 and the exponential cap), so that
 * after a service restart thousands of clients do not reconnect in lock-step. The random source is injected
 * so tests are deterministic.
 */
export interface BackoffOptions {
  /** First cap, ms (default 500). */
  baseMs?: number;
  /** Largest cap, ms (default 15 000). */
  maxMs?: number;
  /** Smallest delay, ms (default 100): never hammer a server that refuses at once. */
  minMs?: number;
  random?: () => number;
}

export class Backoff {
  private attempt = 0;
  private readonly baseMs: number;
  private readonly maxMs: number;
  private readonly minMs: number;
  private readonly random: () => number;

  constructor(options: BackoffOptions = {}) {
    this.baseMs = options.baseMs ?? 500;
    this.maxMs = options.maxMs ?? 15_000;
    this.minMs = options.minMs ?? 100;
    this.random = options.random ?? Math.random;
  }

  /** The delay before the next attempt; each call counts one failed attempt. */
  next(): number {
    const cap = Math.min(this.maxMs, this.baseMs * 2 ** Math.min(this.attempt, 30));
    this.attempt++;
    return Math.round(Math.max(this.minMs, this.random() * cap));
  }

  /** Attempts counted since the last success. */
  attempts(): number {
    return this.attempt;
  }

  /** Call after a connection succeeded (and stayed up): the next failure starts small again. */
  reset(): void {
    this.attempt = 0;
  }
}
