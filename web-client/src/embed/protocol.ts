// The widget's postMessage protocol, shared by the host side (widget.ts) and the embedded pages (bridge.ts).
// One versioned envelope both ways, so a host can ignore what it does not understand and a later version can
// add fields without breaking version-1 hosts.
import type { EndReason } from '../session/agentView';

/** Marks a message as CoView's among everything else a host page may receive through `message` events. */
export const SOURCE = 'coview';
/** Bumped only for incompatible changes of the envelope or of an event's `data`. */
export const PROTOCOL_VERSION = 1;
/** Query parameter that tells the embedded page which origin it may post to (the host page's origin). */
export const PARENT_ORIGIN_PARAM = 'parentOrigin';
/** Query parameter that marks a page as embedded (the widget sets it to `1`). */
export const EMBED_PARAM = 'embed';

/** Events the embedded page sends to the host, with the `data` of each. */
export interface WidgetEvents {
  /** The agent created a session (agent mode) or the customer joined one (customer mode). */
  'session.started': { roomId: string; joinCode?: string };
  /** Someone (other than this page's own participant) joined the room. */
  'participant.joined': { participantId: string; role: string };
  /** The session ended for this page, and why ({@link SESSION_ENDED_REASONS}). */
  'session.ended': { roomId: string; reason?: SessionEndedReason };
  /** An annotated snapshot was saved. */
  'snapshot.saved': { roomId: string; snapshotId?: string; url?: string };
  /** A recording finished uploading and can be fetched. */
  'recording.ready': { roomId: string; recordingId?: string; url?: string };
  /** The customer answered the reference link the agent pushed: opened it, or declined. */
  'reference.answered': { roomId: string; referenceId?: string; url?: string; answer: 'opened' | 'declined' };
}

export type WidgetEventType = keyof WidgetEvents;

/**
 * Why `session.ended` was sent: `ended` the agent ended the session (on the agent's console: from this console),
 * `ended-elsewhere` (agent console) the room was ended from another console or the API, `expired` the room's
 * lifetime ended (or it sat idle), `removed` the agent removed this page's participant, `opened-elsewhere` the same
 * participant opened the session in another tab or window, `replaced` (agent console) the agent started another
 * session, `left` (customer) the customer left, `closed` anything else (the page's access ran out). Hosts treat a
 * value they do not know like `closed`.
 */
export const SESSION_ENDED_REASONS = ['ended', 'ended-elsewhere', 'expired', 'removed', 'opened-elsewhere', 'replaced',
  'left', 'closed'] as const;

export type SessionEndedReason = (typeof SESSION_ENDED_REASONS)[number];

/** The page's end reason (the close code's) as the host reads it; `here`: this page asked for the end. */
export function sessionEndedReason(reason: EndReason, mode: WidgetMode, here: boolean): SessionEndedReason {
  switch (reason) {
    case 'agent': return mode === 'agent' && !here ? 'ended-elsewhere' : 'ended';
    case 'expired': return 'expired';
    case 'removed': return 'removed';
    case 'elsewhere': return 'opened-elsewhere';
    case 'left': return 'left';
    case 'access':
    case 'unknown': return here && mode === 'agent' ? 'ended' : 'closed';
  }
}

export const WIDGET_EVENT_TYPES: readonly WidgetEventType[] = [
  'session.started', 'participant.joined', 'session.ended', 'snapshot.saved', 'recording.ready',
  'reference.answered',
];

/** Messages the host sends to the embedded page (only accepted from the parent window on `parentOrigin`). */
export interface HostCommands {
  /** Answered with `ready` (a host that missed the first one). */
  ping: Record<string, never>;
  /** Agent mode: fills in the agent key (the host's `apiKey` option). */
  'agent-key': { apiKey: string };
  /** Agent mode: what the next room belongs to (the host's `externalRef` and `metadata` options). */
  'room-context': RoomContext;
}

/**
 * The record in another system a room belongs to, e.g. `{ system: 'salesforce', type: 'Case', id: caseId }`; every
 * session event of the room carries it (room-service's `POST /api/rooms`, contracts' `ExternalRef`).
 */
export interface ExternalRef {
  system: string;
  type: string;
  id: string;
}

/** What a new room is created with besides the agent's name: its external reference and a few strings. */
export interface RoomContext {
  externalRef?: ExternalRef;
  metadata?: Record<string, string>;
}

export type HostCommandType = keyof HostCommands;

/** Control messages of the embedded page: `ready` once its bridge listens (then after every `ping`). */
export interface WidgetControl {
  ready: { mode: WidgetMode };
}

export type WidgetMode = 'agent' | 'customer';

export interface Envelope<T extends string = string, D = unknown> {
  source: typeof SOURCE;
  version: typeof PROTOCOL_VERSION;
  type: T;
  data: D;
}

export type WidgetEvent = { [K in WidgetEventType]: Envelope<K, WidgetEvents[K]> }[WidgetEventType];

export function envelope<T extends string, D>(type: T, data: D): Envelope<T, D> {
  return { source: SOURCE, version: PROTOCOL_VERSION, type, data };
}

/**
 * Whether a received value is a version-1 CoView envelope. Anything else (other libraries' messages, a later
 * incompatible version, a malformed object) is ignored rather than half-understood.
 */
export function isEnvelope(value: unknown): value is Envelope {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return v.source === SOURCE && v.version === PROTOCOL_VERSION && typeof v.type === 'string' && v.type !== ''
    && 'data' in v && typeof v.data === 'object' && v.data !== null;
}

/**
 * The origin (scheme://host[:port]) of a URL, or null when it is not an absolute http(s) URL. Used for the
 * `parentOrigin` parameter and the host's `origin` option: `*` and `null` origins are never accepted, so a
 * message is only ever posted to one exact origin.
 */
export function normaliseOrigin(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    return url.origin;
  } catch {
    return null;
  }
}
