import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PROBLEM_BASE, PROBLEM_WORDS, problemWords } from './problemWords';

/** room-service's ProblemType: the slugs it answers with. */
const javaSlugs = [...readFileSync(new URL(
  '../../../room-service/src/main/java/dev/coview/room/problems/ProblemType.java', import.meta.url), 'utf8')
  .matchAll(/^\s+[A-Z_]+\("([a-z-]+)", \d+,/gm)].map((m) => m[1]);

/** Words a person should never read: how the API works rather than what happened. */
const JARGON = /header|token|api\b|json|http|field\(s\)|x-coview|uuid|null|exception|\bjwt\b|status/i;

describe('problemWords', () => {
  it('has words for every problem room-service answers with', () => {
    expect(javaSlugs.length).toBeGreaterThan(20);
    expect(javaSlugs.filter((s) => !(s in PROBLEM_WORDS))).toEqual([]);
  });

  it('says what happened and what to do without developer words', () => {
    for (const [slug, words] of Object.entries(PROBLEM_WORDS)) {
      expect(words, slug).not.toMatch(JARGON);
      expect(words, slug).toMatch(/^[A-Z].*\.$/);
    }
  });

  it('picks the words by type, then by status', () => {
    expect(problemWords(404, `${PROBLEM_BASE}join-refused`)).toMatch(/^This code is wrong/);
    expect(problemWords(404, 'about:blank')).toBe(PROBLEM_WORDS['not-found']);
    expect(problemWords(503)).toMatch(/not available right now/);
    expect(problemWords(0)).toMatch(/cannot be reached/);
    expect(problemWords(429, `${PROBLEM_BASE}something-new`)).toBe(PROBLEM_WORDS['too-many-attempts']);
  });
});
