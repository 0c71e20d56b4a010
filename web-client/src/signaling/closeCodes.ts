/**
 * The WebSocket close codes the page acts on, as contracts' `CloseCodes` (Java) defines them; closeCodes.test.ts
 * reads that file, so the two cannot drift apart.
 */
export const CloseCodes = {
  /** The room has ended; the reason after it is {@link ROOM_ENDED_REASON_PREFIX} + room.ended's reason. */
  ROOM_ENDED: 4000,
  /** The token is missing, invalid or expired. */
  UNAUTHORIZED: 4001,
  /** The same participant connected again elsewhere; this older socket is replaced. */
  REPLACED: 4002,
  /** The participant was removed from the room. */
  REMOVED: 4003,
} as const;

/** Signaling closes with 4000 and `room ended: agent` or `room ended: expired` (room.ended's reason). */
export const ROOM_ENDED_REASON_PREFIX = 'room ended: ';
