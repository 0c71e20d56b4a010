/**
 * /ws/signal with the message types generated from contracts (src/generated/signal.ts): handlers per message
 * type, so adding a message adds a handler, not a case to a growing switch.
 */
import type { ClientSignal, ServerSignal } from '../generated/signal';
import { ReconnectingSocket, type SocketClose, type SocketDeps, type SocketState } from './socket';

export type SignalOf<T extends ServerSignal['type']> = Extract<ServerSignal, { type: T }>;
type Handlers = { [T in ServerSignal['type']]?: ((msg: SignalOf<T>) => void)[] };

export class SignalingClient {
  private readonly handlers: Handlers = {};
  private readonly socket: ReconnectingSocket<ServerSignal, ClientSignal>;

  constructor(url: string, token: () => string, onState: (s: SocketState, close?: SocketClose) => void,
              deps: SocketDeps) {
    this.socket = new ReconnectingSocket(url, token, {
      message: (msg) => this.dispatch(msg),
      state: onState,
    }, deps);
  }

  on<T extends ServerSignal['type']>(type: T, handler: (msg: SignalOf<T>) => void): void {
    const list = (this.handlers[type] ??= []) as ((msg: SignalOf<T>) => void)[];
    list.push(handler);
  }

  send(msg: ClientSignal): boolean {
    return this.socket.send(msg);
  }

  connect(): void {
    this.socket.connect();
  }

  /** Says bye (the others learn at once) and closes for good. */
  leave(): void {
    this.socket.finish({ type: 'bye' });
  }

  private dispatch(msg: ServerSignal): void {
    const list = this.handlers[msg.type] as ((m: ServerSignal) => void)[] | undefined;
    list?.forEach((h) => h(msg));
  }
}
