/**
 * A JSON WebSocket that reconnects: jittered exponential backoff (backoff.ts) after a drop or a 1001/1011
 * close, never after CoView's final 4xxx codes (room ended, token refused, replaced, removed) — see contracts'
 * CloseCodes. The token travels the websockets-next way, as a subprotocol (browsers cannot set headers on a
 * WebSocket), and is never logged. WebSocket and timers are injected, so tests drive it by hand.
 */
import { Backoff } from './backoff';

export type SocketState = 'connecting' | 'connected' | 'reconnecting' | 'closed';

/** How the service closed a socket: the code (contracts' CloseCodes) and its reason. */
export interface SocketClose {
  code: number;
  reason: string;
}

/** The subset of the browser WebSocket this class uses. */
export interface WebSocketLike {
  readonly readyState: number;
  onopen: ((ev: Event) => void) | null;
  onmessage: ((ev: MessageEvent) => void) | null;
  onclose: ((ev: CloseEvent) => void) | null;
  onerror: ((ev: Event) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

export interface SocketDeps {
  open(url: string, protocols: string[]): WebSocketLike;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  backoff?: Backoff;
}

/** Close codes after which a reconnect cannot help (CoView's 4xxx range). */
export function isFinalClose(code: number): boolean {
  return code >= 4000 && code <= 4999;
}

/** The subprotocols that carry a bearer token to a Quarkus websockets-next endpoint. */
export function bearerProtocols(token: string): string[] {
  return ['bearer-token-carrier', encodeURIComponent(`quarkus-http-upgrade#Authorization#Bearer ${token}`)];
}

/** A socket stays up this long before a later drop starts the backoff from the beginning again, ms. */
const STABLE_MS = 10_000;

export interface SocketListeners<In> {
  message(msg: In): void;
  state(state: SocketState, detail?: SocketClose): void;
  /** Every (re)connect; the first message from the service follows (welcome / state). */
  open?(resumed: boolean): void;
}

export class ReconnectingSocket<In, Out> {
  private ws: WebSocketLike | null = null;
  private timer: unknown = null;
  private stableTimer: unknown = null;
  private stopped = false;
  private opens = 0;
  private readonly backoff: Backoff;

  constructor(
    private readonly url: string,
    private readonly token: () => string,
    private readonly listeners: SocketListeners<In>,
    private readonly deps: SocketDeps,
  ) {
    this.backoff = deps.backoff ?? new Backoff();
  }

  connect(): void {
    this.stopped = false;
    this.listeners.state(this.opens === 0 ? 'connecting' : 'reconnecting');
    const ws = this.deps.open(this.url, bearerProtocols(this.token()));
    this.ws = ws;
    ws.onopen = () => {
      this.opens++;
      this.listeners.state('connected');
      this.listeners.open?.(this.opens > 1);
      this.stableTimer = this.deps.setTimeout(() => this.backoff.reset(), STABLE_MS);
    };
    ws.onmessage = (ev) => {
      let msg: In;
      try {
        msg = JSON.parse(String(ev.data)) as In;
      } catch {
        return; // The service only sends JSON; a broken frame is not worth dropping the connection for.
      }
      this.listeners.message(msg);
    };
    ws.onerror = () => undefined; // A close event always follows; it decides.
    ws.onclose = (ev) => this.closed(ws, ev.code, ev.reason);
  }

  /** Sends now, or returns false when not connected (callers resynchronize after the next open). */
  send(msg: Out): boolean {
    if (!this.ws || this.ws.readyState !== 1) return false;
    this.ws.send(JSON.stringify(msg));
    return true;
  }

  /**
   * Sends a last message (bye) and is done: the service closes the socket when it has read it. Closing here at
   * once raced the message: the service could see the close first and take the participant for dropped (held for
   * the resume grace, then "lost") instead of gone. Closed from this side only if the service has not after
   * {@code graceMs}.
   */
  finish(last: Out, graceMs = 3000): void {
    const ws = this.ws;
    const sent = this.send(last);
    this.stopped = true;
    this.deps.clearTimeout(this.timer);
    this.deps.clearTimeout(this.stableTimer);
    this.ws = null;
    this.listeners.state('closed');
    if (ws && sent) this.deps.setTimeout(() => ws.close(1000, 'bye'), graceMs);
    else ws?.close(1000, 'bye');
  }

  /** Closes for good (the page leaves). */
  close(): void {
    this.stopped = true;
    this.deps.clearTimeout(this.timer);
    this.deps.clearTimeout(this.stableTimer);
    this.ws?.close(1000, 'bye');
    this.ws = null;
    this.listeners.state('closed');
  }

  private closed(ws: WebSocketLike, code: number, reason: string): void {
    if (ws !== this.ws || this.stopped) return;
    this.ws = null;
    this.deps.clearTimeout(this.stableTimer);
    if (isFinalClose(code)) {
      this.stopped = true;
      this.listeners.state('closed', { code, reason });
      return;
    }
    this.listeners.state('reconnecting', { code, reason });
    this.timer = this.deps.setTimeout(() => this.connect(), this.backoff.next());
  }
}
