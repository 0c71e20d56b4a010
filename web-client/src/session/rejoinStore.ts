/**
 * Where this device keeps its way back into a room: the rejoin credential room-service handed out with the last
 * token, per origin (localStorage, so a reload, a crash or reopening the link finds it), for one participant of one
 * room. Cleared when the session ends, when the credential is refused, or when the customer leaves. Never holds a
 * join code or a token.
 */

/** localStorage key (one entry per page kind: the customer page and the observer page keep their own). */
export const REJOIN_STORAGE_KEY = 'coview.rejoin';
/** localStorage key of the observer page's credential (a supervisor may watch in the browser a customer uses). */
export const OBSERVER_REJOIN_STORAGE_KEY = 'coview.observerRejoin';

export interface StoredRejoin {
  roomId: string;
  participantId: string;
  credential: string;
}

export class RejoinStore {
  constructor(private readonly storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null,
              private readonly key: string = REJOIN_STORAGE_KEY) {}

  /** What the last join or rejoin answered, if it carried a credential. */
  save(room: { roomId: string; participantId?: string; rejoinCredential?: string }): void {
    if (!room.rejoinCredential || !room.participantId) return;
    const entry: StoredRejoin = { roomId: room.roomId, participantId: room.participantId, credential: room.rejoinCredential };
    try {
      this.storage?.setItem(this.key, JSON.stringify(entry));
    } catch {
      // Storage full or blocked (a sandboxed frame): the session works, only a reload cannot come back.
    }
  }

  load(): StoredRejoin | null {
    try {
      const raw = this.storage?.getItem(this.key);
      if (!raw) return null;
      const v = JSON.parse(raw) as Partial<StoredRejoin>;
      return typeof v.roomId === 'string' && typeof v.participantId === 'string' && typeof v.credential === 'string'
        ? { roomId: v.roomId, participantId: v.participantId, credential: v.credential } : null;
    } catch {
      return null;
    }
  }

  clear(): void {
    try {
      this.storage?.removeItem(this.key);
    } catch {
      // Nothing to clear where nothing could be stored.
    }
  }
}

/** The page's localStorage, or null where the browser refuses it (third-party frames with storage blocked). */
export function localStorageOrNull(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
