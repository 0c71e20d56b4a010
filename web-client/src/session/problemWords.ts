/**
 * What a person reads when room-service refuses a request: one sentence per kind of problem (its RFC 9457 `type`,
 * the same slugs as room-service's ProblemType), saying what happened and what to do, in words for the agent or
 * customer — never the problem's `detail`, which is written for developers and goes to the console. Kinds a page
 * does not know yet fall back to words for their HTTP status. Pure: the test checks every slug has words.
 */

/** Base of every CoView problem type URI. */
export const PROBLEM_BASE = 'https://coview.dev/problems/';

export const PROBLEM_WORDS: Readonly<Record<string, string>> = {
  'invalid-request': 'Something you entered was not accepted. Check it and try again.',
  'malformed-json': 'This page sent something CoView could not read. Reload the page and try again.',
  unauthorized: 'You are not signed in, or your agent key was not accepted. Sign in again or check the key.',
  'too-many-key-attempts': 'Too many wrong agent keys. Wait a minute, then try again.',
  forbidden: 'You are not allowed to do this in this session.',
  'wrong-room': 'This link belongs to another session.',
  'consent-required': 'The customer has not agreed to this recording.',
  'not-found': 'This could not be found. It may have been removed.',
  'room-not-found': 'This session no longer exists.',
  'join-refused': 'This code is wrong, already used or expired. Check the digits, or ask your agent for a new one.',
  'rejoin-refused': 'It has ended, or it was opened on another device. Ask for a new code or link.',
  'participant-removed': 'You were removed from this session.',
  'not-your-room': 'This session was started by another agent.',
  'room-taken': 'Someone has already joined this session. Ask your agent for a new code or link.',
  'room-ended': 'This session has ended.',
  'too-large': 'This is too large to save.',
  'unsupported-media': 'This is not a kind of file CoView can save.',
  'chunk-conflict': 'Part of the recording arrived twice with different content, so it could not be saved.',
  'missing-chunks': 'Parts of the recording never arrived, so it could not be completed.',
  'recording-completed': 'This recording is already saved.',
  'storage-full': 'There is no space left to save more pictures or recordings in this session.',
  'range-not-satisfiable': 'The download could not go on. Try again.',
  'too-many-attempts': 'Too many tries. Wait a minute, then try again.',
  'join-paused': 'Joining with a code is paused for a moment. Use the link your agent sent, or try again in a minute.',
  http: 'The request could not be handled. Try again.',
  internal: 'Something went wrong on CoView\'s side. Try again in a moment.',
};

/** The words for a refused request: by its problem type when CoView's, else by its status. */
export function problemWords(status: number, type?: string): string {
  const slug = type?.startsWith(PROBLEM_BASE) ? type.slice(PROBLEM_BASE.length) : undefined;
  const known = slug === undefined ? undefined : PROBLEM_WORDS[slug];
  if (known) return known;
  if (status === 0) return 'CoView cannot be reached. Check your connection and try again.';
  if (status === 429) return PROBLEM_WORDS['too-many-attempts'];
  if (status === 401) return PROBLEM_WORDS.unauthorized;
  if (status === 403) return PROBLEM_WORDS.forbidden;
  if (status === 404) return PROBLEM_WORDS['not-found'];
  if (status >= 500) return 'CoView is not available right now. Try again in a moment.';
  return 'The request could not be handled. Try again.';
}
