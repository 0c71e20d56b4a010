// Every shipped catalogue says every message of the English one, with the same arguments (a translation that
// drops {name} or turns a plural into plain text would show the wrong words), and parses.
import { afterEach, describe, expect, it } from 'vitest';
import { CATALOGUES, LANGUAGES } from './catalogues';
import { argumentsOf } from './format';
import { formatBytes, formatDuration, pickLanguage, t, useLanguage } from '.';

const keys = Object.keys(CATALOGUES.en).sort();

describe('catalogues', () => {
  afterEach(() => useLanguage('en'));

  it.each(LANGUAGES)('%s has exactly the English keys', (lang) => {
    expect(Object.keys(CATALOGUES[lang]).sort()).toEqual(keys);
  });

  it.each(LANGUAGES)('%s uses the same arguments in every message, and every message parses', (lang) => {
    const differing = keys.filter((k) => {
      const en = argumentsOf(CATALOGUES.en[k as keyof typeof CATALOGUES.en]);
      return JSON.stringify(argumentsOf(CATALOGUES[lang][k as keyof typeof CATALOGUES.en])) !== JSON.stringify(en);
    });
    expect(differing).toEqual([]);
  });

  it.each(LANGUAGES.filter((l) => l !== 'en'))('%s is translated, not copied (names and units aside)', (lang) => {
    const same = keys.filter((k) => CATALOGUES[lang][k as keyof typeof CATALOGUES.en] === CATALOGUES.en[k as keyof typeof CATALOGUES.en]
      && /[a-z]{3} [a-z]{3}/i.test(CATALOGUES.en[k as keyof typeof CATALOGUES.en]));
    expect(same).toEqual([]);
  });

  it('speaks the page\'s language, with numbers and durations in it', () => {
    useLanguage('de');
    expect(t('recording.savedSoFar', { stored: 1 })).toBe('Bisher gespeichert: 1 Teil.');
    expect(t('recording.savedSoFar', { stored: 1500 })).toBe('Bisher gespeichert: 1.500 Teile.');
    expect(formatBytes(1_400_000)).toMatch(/^1,4\sMB$/);
    expect(formatDuration(3_909_000)).toBe('1:05:09');
    useLanguage('ja');
    expect(t('share.maskItem', { n: 2, w: 10, h: 20 })).toBe('マスク 2：10 × 20 px');
  });

  it('picks the first language CoView speaks, by primary subtag, else English', () => {
    expect(pickLanguage(['pt-BR', 'fr-CA', 'de'])).toBe('fr');
    expect(pickLanguage([null, 'JA'])).toBe('ja');
    expect(pickLanguage(['pt', undefined])).toBe('en');
  });
});
