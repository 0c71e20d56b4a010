/**
 * /ws/annotations with the message types generated from contracts: the room's state first (on every connect,
 * so a reconnect never leaves a blank or stale overlay), then live events, dispatched by the event's type.
 * A large room's state arrives in parts (`state.elements` frames, then `state`); handlers see it whole.
 */
import type { ClientMessage } from '../generated/annotation';
import type {
  ServerError,
  ServerEvent,
  ServerState,
  ServerStateElements,
} from '../generated/annotation-server';
import { ReconnectingSocket, type SocketDeps, type SocketState } from '../signaling/socket';

type ServerMessage = ServerState | ServerStateElements | ServerEvent | ServerError;
export type EventOf<T extends ClientMessage['type']> = Extract<ClientMessage, { type: T }>;
type EventHandler<T extends ClientMessage['type']> = (event: EventOf<T>, envelope: ServerEvent) => void;

export class AnnotationClient {
  private readonly stateHandlers: ((s: ServerState) => void)[] = [];
  // Keyed by event type; each list holds handlers of that type only (see on()).
  private readonly eventHandlers = new Map<string, ((event: ClientMessage, envelope: ServerEvent) => void)[]>();
  private readonly errorHandlers: ((e: ServerError) => void)[] = [];
  private readonly socket: ReconnectingSocket<ServerMessage, ClientMessage>;
  /** Elements of the state being received on this connection (`state.elements` parts), in the room's order. */
  private stateParts: ServerState['elements'] = [];

  constructor(url: string, token: () => string, onState: (s: SocketState) => void, deps: SocketDeps) {
    this.socket = new ReconnectingSocket(url, token, {
      message: (m) => this.dispatch(m),
      state: onState,
      // A connection that dropped mid-state leaves parts the next connection's state must not inherit.
      open: () => { this.stateParts = []; },
    }, deps);
  }

  /** The room's state: the first message on every connection. */
  onRoomState(handler: (s: ServerState) => void): void {
    this.stateHandlers.push(handler);
  }

  on<T extends ClientMessage['type']>(type: T, handler: EventHandler<T>): void {
    const list = this.eventHandlers.get(type) ?? [];
    list.push(handler as unknown as (event: ClientMessage, envelope: ServerEvent) => void);
    this.eventHandlers.set(type, list);
  }

  /** A message the service refused (the socket stays open); without a handler the code goes to the console. */
  onError(handler: (e: ServerError) => void): void {
    this.errorHandlers.push(handler);
  }

  send(msg: ClientMessage): boolean {
    return this.socket.send(msg);
  }

  connect(): void {
    this.socket.connect();
  }

  close(): void {
    this.socket.close();
  }

  private dispatch(m: ServerMessage): void {
    if (m.type === 'state.elements') this.stateParts.push(...m.elements);
    else if (m.type === 'state') this.handOverState(m);
    else if (m.type === 'event') this.eventHandlers.get(m.event.type)?.forEach((h) => h(m.event, m));
    else if (this.errorHandlers.length > 0) this.errorHandlers.forEach((h) => h(m));
    else console.warn(`annotations refused a message: ${m.code}`);
  }

  private handOverState(m: ServerState): void {
    const whole = this.stateParts.length === 0 ? m : { ...m, elements: [...this.stateParts, ...m.elements] };
    this.stateParts = [];
    this.stateHandlers.forEach((h) => h(whole));
  }
}
