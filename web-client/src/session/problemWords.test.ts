import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { LANGUAGES, t, useLanguage } from '../i18n';
import { PROBLEM_BASE, PROBLEM_SLUGS, problemWords } from './problemWords';

/** room-service's ProblemType: the slugs it answers with. */
const javaSlugs = [...readFileSync(new URL(
  '../../../room-service/src/main/java/dev/coview/room/problems/ProblemType.java', import.meta.url), 'utf8')
  .matchAll(/^\s+[A-Z_]+\("([a-z-]+)", \d+,/gm)].map((m) => m[1]);

/** Words a person should never read: how the API works rather than what happened. */
const JARGON = /header|token|api\b|json|http|field\(s\)|x-coview|uuid|null|exception|\bjwt\b|status/i;

describe('problemWords', () => {
  afterEach(() => useLanguage('en'));

  it('has words for every problem room-service answers with', () => {
    expect(javaSlugs.length).toBeGreaterThan(20);
    expect(javaSlugs.filter((s) => !(PROBLEM_SLUGS as readonly string[]).includes(s))).toEqual([]);
  });

  it('says what happened and what to do without developer words', () => {
    for (const slug of PROBLEM_SLUGS) {
      const words = t(`problem.${slug}`);
      expect(words, slug).not.toMatch(JARGON);
      expect(words, slug).toMatch(/^[A-Z].*\.$/);
    }
  });

  it.each(LANGUAGES)('has the words of every problem in %s, each its own sentence', (lang) => {
    useLanguage(lang);
    for (const slug of PROBLEM_SLUGS) {
      const words = problemWords(400, `${PROBLEM_BASE}${slug}`);
      expect(words, `${lang} ${slug}`).toMatch(/[.。]$/);
      expect(words, `${lang} ${slug}`).not.toMatch(/x-coview|header|\bjson\b|\bhttp\b|field\(s\)/i);
    }
    expect(problemWords(0)).toBe(t('common.unreachable'));
  });

  it('picks the words by type, then by status', () => {
    expect(problemWords(404, `${PROBLEM_BASE}join-refused`)).toMatch(/^This code is wrong/);
    expect(problemWords(404, 'about:blank')).toBe(t('problem.not-found'));
    expect(problemWords(503)).toMatch(/not available right now/);
    expect(problemWords(0)).toMatch(/cannot be reached/);
    expect(problemWords(429, `${PROBLEM_BASE}something-new`)).toBe(t('problem.too-many-attempts'));
  });
});
