/**
 * What a person reads when room-service refuses a request: one sentence per kind of problem (its RFC 9457 `type`,
 * the same slugs as room-service's ProblemType), saying what happened and what to do, in words for the agent or
 * customer (catalogues' `problem.*` keys, in the page's language) — never the problem's `detail`, which is written for developers and goes to the console. Kinds a page
 * does not know yet fall back to words for their HTTP status. Pure: the test checks every slug has words.
 */

import { t } from '../i18n';

/** Base of every CoView problem type URI. */
export const PROBLEM_BASE = 'https://coview.dev/problems/';

/** room-service's problem slugs with words (the keys `problem.<slug>` of the catalogues). */
export const PROBLEM_SLUGS = ['invalid-request', 'malformed-json', 'unauthorized', 'too-many-key-attempts', 'forbidden',
  'wrong-room', 'consent-required', 'not-found', 'room-not-found', 'join-refused', 'rejoin-refused',
  'participant-removed', 'not-your-room', 'room-taken', 'room-ended', 'too-large', 'unsupported-media',
  'chunk-conflict', 'missing-chunks', 'recording-completed', 'storage-full', 'range-not-satisfiable',
  'too-many-attempts', 'join-paused', 'http', 'internal'] as const;
type ProblemSlug = typeof PROBLEM_SLUGS[number];

const isSlug = (slug: string | undefined): slug is ProblemSlug => PROBLEM_SLUGS.includes(slug as ProblemSlug);

/** The words for a refused request: by its problem type when CoView's, else by its status. */
export function problemWords(status: number, type?: string): string {
  const slug = type?.startsWith(PROBLEM_BASE) ? type.slice(PROBLEM_BASE.length) : undefined;
  if (isSlug(slug)) return t(`problem.${slug}`);
  if (status === 0) return t('common.unreachable');
  if (status === 429) return t('problem.too-many-attempts');
  if (status === 401) return t('problem.unauthorized');
  if (status === 403) return t('problem.forbidden');
  if (status === 404) return t('problem.not-found');
  if (status >= 500) return t('problem.unavailable');
  return t('problem.http');
}
