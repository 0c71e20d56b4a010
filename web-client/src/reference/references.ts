/**
 * The links the agent pushed in this session and what became of them, from the room's events (never guessed
 * locally: the service's order decides). State shape:
 *
 * ```ts
 * PushedReference {
 *   eventId: string; url: string; host: string
 *   at: number                 // epoch ms, the service's time
 *   status: 'waiting' | 'opened' | 'declined' | 'replaced' | 'answered'  // answered: while this page was offline
 * }
 * ```
 *
 * The room has at most one pending link: pushing another replaces it, and the customer's answer is for the
 * pending one, i.e. the latest waiting.
 */
import { receivedHost } from './referenceUrl';

export type ReferenceStatus = 'waiting' | 'opened' | 'declined' | 'replaced' | 'answered';

export interface PushedReference {
  eventId: string;
  url: string;
  host: string;
  at: number;
  status: ReferenceStatus;
}

export class ReferenceLog {
  private readonly items: PushedReference[] = [];

  /** Newest first. */
  list(): readonly PushedReference[] {
    return [...this.items].reverse();
  }

  pushed(eventId: string, url: string, at: number): void {
    if (this.items.some((r) => r.eventId === eventId)) return;
    this.items.forEach((r) => {
      if (r.status === 'waiting') r.status = 'replaced';
    });
    this.items.push({ eventId, url, host: receivedHost(url) ?? url, at, status: 'waiting' });
  }

  answered(accepted: boolean): PushedReference | null {
    const pending = [...this.items].reverse().find((r) => r.status === 'waiting');
    if (!pending) return null;
    pending.status = accepted ? 'opened' : 'declined';
    return pending;
  }

  /** The room's state after a (re)connect: the pending link still waits; any other waiting one was answered. */
  pendingIs(eventId: string | null): void {
    this.items.forEach((r) => {
      if (r.status === 'waiting' && r.eventId !== eventId) r.status = 'answered';
    });
  }
}
