/**
 * What a person reads when a socket refuses a message (`{type:"error",code}`, contracts' ErrorCodes) or closes
 * (contracts' CloseCodes): one sentence per code in the page's language, saying what happened and what to do.
 * The code and the service's own message are for developers: they go to the console (socketWords.test.ts checks
 * that every code contracts defines has words in every catalogue).
 */
import { CloseCodes } from '../signaling/closeCodes';
import { t } from '.';

/** The `code`s of a socket's error message (contracts' ErrorCodes). */
export const SOCKET_ERROR_CODES = ['unknown-type', 'invalid-message', 'forbidden', 'unknown-peer', 'rate-limited',
  'room-full', 'service-full', 'unavailable'] as const;
type SocketErrorCode = typeof SOCKET_ERROR_CODES[number];

/** The close codes of CoView's sockets (contracts' CloseCodes: RFC 6455's it uses and its own 4xxx). */
export const SOCKET_CLOSE_CODES = [1001, 1007, 1008, 1009, 1011, 1013, CloseCodes.ROOM_ENDED, CloseCodes.UNAUTHORIZED,
  CloseCodes.REPLACED, CloseCodes.REMOVED] as const;
type SocketCloseCode = typeof SOCKET_CLOSE_CODES[number];

/** A refused message in words; the code and the service's message go to the console. */
export function socketErrorWords(code: string, message?: string): string {
  console.warn(`CoView refused a message: ${code}${message ? ` (${message})` : ''}`);
  return SOCKET_ERROR_CODES.includes(code as SocketErrorCode)
    ? t(`socketError.${code as SocketErrorCode}`) : t('socketError.other');
}

/** A socket's close in words (reconnecting for 1xxx, final for CoView's 4xxx). */
export function socketCloseWords(code: number): string {
  return SOCKET_CLOSE_CODES.includes(code as SocketCloseCode)
    ? t(`socketClose.${code as SocketCloseCode}`) : t('socketClose.other');
}
