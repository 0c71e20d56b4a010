/**
 * The agent console's session state, without the DOM: agent/main.ts asks it what changed and shows the answer.
 *
 * ```ts
 * AgentConsole {
 *   roomContext: RoomContext | undefined   // the host page's record for the next room (a Case id)
 *   current: { room, snapshots, ended, endRequested } | null   // the session this console runs; ended once
 *   link: AgentLink | null                 // only while `current` is live and joined
 *   geometry: live (customer's crop), own (the agent's share), frozen per share (a still's crop, while frozen)
 *   customer: CustomerView + the words over the video last said
 *   seen participants (told to the host page once), the reference waiting for its answer
 * }
 * ```
 *
 * A session ends once: by the End button (the service's close may come before its answer, and still counts as
 * the agent's), by the service closing the socket for good, or by starting another session (`replaced`).
 */
import type { CropGeometry } from '../annotations/mapping';
import type { ShareId } from '../annotations/roomDrawings';
import type { Peer } from '../generated/signal';
import { type RoomContext, type SessionEndedReason, sessionEndedReason } from '../embed/protocol';
import type { MessageKey } from '../i18n';
import { SnapshotApi } from '../media/snapshotApi';
import type { SocketClose } from '../signaling/socket';
import { endReasonOf } from './agentView';
import { customerLabel, type CustomerSignal, type CustomerView, NO_CUSTOMER, reduceCustomer,
  waitsForFrame } from './customerView';
import type { AgentAuth, CreatedRoom, RoomApi } from './roomApi';

/** sessionStorage key: the room this tab's console runs, so a reload goes back to it. */
export const CURRENT_ROOM_STORAGE = 'coview.agentRoom';

type RoomStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface ConsoleSession {
  readonly room: CreatedRoom;
  /** The session's snapshots (Freeze and Snapshot upload there, the Snapshots card lists them). */
  readonly snapshots: SnapshotApi;
  ended: boolean;
  /** The agent pressed End and the service has not answered yet: a close meanwhile is still the agent's end. */
  endRequested: boolean;
}

/** What an end hands the page: the link (still open, so what uses it can say goodbye first), and why. */
export interface SessionEnd<L> {
  readonly room: CreatedRoom;
  readonly reason: SessionEndedReason;
  readonly link: L | null;
}

/** The customer after a signal: the words over the video, whether they are news (said aloud), and frame waiting. */
export interface CustomerUpdate {
  readonly view: CustomerView;
  readonly label: string;
  readonly news: boolean;
  readonly waitForFrame: boolean;
}

export interface PendingReference {
  referenceId: string;
  url: string;
}

const ENDED_TEXT: Partial<Record<SessionEndedReason, MessageKey>> = {
  ended: 'agent.endedByYou',
  'ended-elsewhere': 'agent.endedElsewhere',
  expired: 'agent.endedExpired',
};

/**
 * Why the console's session ended, for the session panel; null for `replaced`: the panel already shows the
 * session that replaced it (it shows the new room before the console starts it).
 */
export function endedTextKey(reason: SessionEndedReason): MessageKey | null {
  return reason === 'replaced' ? null : ENDED_TEXT[reason] ?? 'agent.ended';
}

export class AgentConsole<L extends { leave(): void }> {
  roomContext: RoomContext | undefined;
  private session: ConsoleSession | null = null;
  private joined: L | null = null;
  private live: CropGeometry | null = null;
  private own: CropGeometry | null = null;
  private readonly frozen: Record<ShareId, CropGeometry | null> = { customer: null, agent: null };
  private customerView: CustomerView = NO_CUSTOMER;
  private said = '';
  private readonly seen = new Set<string>();
  private pending: PendingReference | null = null;
  private readonly endListeners: ((end: SessionEnd<L>) => void)[] = [];

  constructor(private readonly storage: RoomStorage) {}

  get current(): ConsoleSession | null {
    return this.session;
  }

  /** The live link: null before it is up and after the session ended. */
  get link(): L | null {
    return this.joined;
  }

  /** The latest session's snapshot API (still after its end: Freeze and Snapshot are off then anyway). */
  get snapshotApi(): SnapshotApi | null {
    return this.session?.snapshots ?? null;
  }

  get customer(): CustomerView {
    return this.customerView;
  }

  /** A new session (ending the one running, as `replaced`: the caller ends it first to show that end). */
  start(room: CreatedRoom): ConsoleSession {
    this.joined?.leave();
    this.joined = null;
    const session: ConsoleSession = { room, snapshots: new SnapshotApi(room.roomId, () => room.token), ended: false,
      endRequested: false };
    this.session = session;
    this.storage.setItem(CURRENT_ROOM_STORAGE, room.roomId);
    this.seen.clear();
    this.live = null;
    return session;
  }

  isCurrent(session: ConsoleSession): boolean {
    return this.session === session;
  }

  /** The link of `session` is up: kept if that is still the console's session, else left at once. */
  linkUp(session: ConsoleSession, link: L): boolean {
    if (this.session !== session || session.ended) {
      link.leave();
      return false;
    }
    this.joined = link;
    this.pending = null;
    return true;
  }

  /** Ends the running session once; null when there is none. The caller leaves the returned link. */
  end(reason: SessionEndedReason): SessionEnd<L> | null {
    const session = this.session;
    if (!session || session.ended) return null;
    session.ended = true;
    this.storage.removeItem(CURRENT_ROOM_STORAGE);
    const link = this.joined;
    this.joined = null;
    this.live = null;
    const end: SessionEnd<L> = { room: session.room, reason, link };
    for (const listener of this.endListeners) listener(end);
    return end;
  }

  /** Told of every end, before {@link end} returns (for a part made later than the page, the session panel). */
  onEnd(listener: (end: SessionEnd<L>) => void): void {
    this.endListeners.push(listener);
  }

  /** The End button: the session it ends, or null when there is nothing to end. */
  requestEnd(): ConsoleSession | null {
    const session = this.session;
    if (!session || session.ended) return null;
    session.endRequested = true;
    return session;
  }

  /** The service refused the end (the session goes on): a later close is not the agent's end. */
  endRefused(session: ConsoleSession): void {
    session.endRequested = false;
  }

  /** Why the service closed `session`'s socket for good, in the host page's words. */
  closedReason(session: ConsoleSession, close: SocketClose | undefined): SessionEndedReason {
    return sessionEndedReason(endReasonOf(close), 'agent', session.endRequested);
  }

  /** The participants of the current session that the host page has not been told about (never the agent). */
  arrived(list: readonly Peer[], selfId: string): Peer[] {
    const fresh = list.filter((p) => p.id !== selfId && !this.seen.has(p.id));
    for (const p of fresh) this.seen.add(p.id);
    return fresh;
  }

  tellCustomer(signal: CustomerSignal): CustomerUpdate {
    this.customerView = reduceCustomer(this.customerView, signal);
    const label = customerLabel(this.customerView);
    const news = label !== this.said;
    this.said = label;
    return { view: this.customerView, label, news, waitForFrame: waitsForFrame(signal) };
  }

  /** What a share's overlay maps through: a frozen still's crop while frozen, else the live one. */
  geometryOf(share: ShareId): CropGeometry | null {
    return share === 'agent' ? this.own : this.live;
  }

  /** The customer's crop; true when the overlay should follow it now (not while their share is frozen). */
  customerCrop(geometry: CropGeometry | null): boolean {
    this.live = geometry;
    return !this.frozen.customer;
  }

  /** What the agent's own share shows (null: it stopped); true when its overlay should follow it now. */
  ownContent(geometry: CropGeometry | null): boolean {
    this.own = geometry;
    return geometry !== null && !this.frozen.agent;
  }

  /** A still of `share` shown (or, null, gone): the geometry its overlay maps through from now on. */
  showFrozen(share: ShareId, still: CropGeometry | null): CropGeometry | null {
    this.frozen[share] = still;
    return still ?? this.geometryOf(share);
  }

  /** The reference the agent pushed last (from the room's state on connect, or a push), so its answer names it. */
  referencePending(pending: PendingReference | null): void {
    this.pending = pending;
  }

  /** The customer answered the pending reference: it, and nothing is pending any more. */
  referenceAnswered(): PendingReference | null {
    const answered = this.pending;
    this.pending = null;
    return answered;
  }
}

/**
 * After a reload: the room this tab ran, if it is still live, as the same agent (a new token from room-service,
 * with the sign-in or agent key this tab keeps); null when there is none to go back to.
 */
export async function restoreRoom(api: Pick<RoomApi, 'activeRooms' | 'agentToken'>, storage: RoomStorage,
                                  auth: AgentAuth | null): Promise<CreatedRoom | null> {
  const roomId = storage.getItem(CURRENT_ROOM_STORAGE);
  if (!roomId || !auth) return null;
  const live = (await api.activeRooms(auth)).find((r) => r.roomId === roomId);
  if (!live) {
    storage.removeItem(CURRENT_ROOM_STORAGE);
    return null;
  }
  const token = await api.agentToken(auth, roomId);
  return { roomId, participantId: live.agentId, joinCode: live.joinCode ?? '', inviteUrl: live.inviteUrl ?? '',
    expiresAt: live.expiresAt, token: token.token };
}
