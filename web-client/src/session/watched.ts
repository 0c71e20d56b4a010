/**
 * A value that changes, and the parts of a page that follow it: each listener gets the value at once when it
 * subscribes (a view made late, after a reconnect, must not miss the state from before it) and then every change,
 * until it unsubscribes. Until the first value there is nothing to tell.
 */
export class Watched<T> {
  private readonly listeners: ((value: T) => void)[] = [];
  private current: T | undefined;
  private known: boolean;

  constructor(...initial: [] | [T]) {
    this.known = initial.length > 0;
    this.current = initial[0];
  }

  /** The value now; undefined before the first. */
  get value(): T | undefined {
    return this.current;
  }

  set(next: T): void {
    this.current = next;
    this.known = true;
    // A copy: a listener may unsubscribe (or subscribe another) while it is told.
    for (const l of [...this.listeners]) l(next);
  }

  /** Tells `listener` the value now (if there is one) and every change; the returned function stops it. */
  subscribe(listener: (value: T) => void): () => void {
    this.listeners.push(listener);
    if (this.known) listener(this.current as T);
    return () => {
      const i = this.listeners.indexOf(listener);
      if (i >= 0) this.listeners.splice(i, 1);
    };
  }
}
