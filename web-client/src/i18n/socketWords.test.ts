// Each code a socket refuses a message with (contracts' ErrorCodes) and each close code (contracts' CloseCodes)
// has words for the person in every language; the code itself never reaches them.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LANGUAGES, useLanguage } from '.';
import { SOCKET_CLOSE_CODES, SOCKET_ERROR_CODES, socketCloseWords, socketErrorWords } from './socketWords';

const contract = (file: string) => readFileSync(new URL(
  `../../../contracts/src/main/java/dev/coview/contracts/ws/${file}`, import.meta.url), 'utf8');
const errorCodes = [...contract('ErrorCodes.java').matchAll(/String [A-Z_]+ = "([a-z-]+)";/g)].map((m) => m[1]);
const closeCodes = [...contract('CloseCodes.java').matchAll(/int [A-Z_]+ = (\d+);/g)].map((m) => Number(m[1]));

describe('socket words', () => {
  afterEach(() => useLanguage('en'));

  it('know every error and close code contracts defines', () => {
    expect(errorCodes.length).toBeGreaterThan(5);
    expect([...SOCKET_ERROR_CODES].sort()).toEqual([...errorCodes].sort());
    expect([...SOCKET_CLOSE_CODES].sort()).toEqual([...closeCodes].sort());
  });

  it.each(LANGUAGES)('say every code in %s as a sentence of their own, with the detail to the console only', (lang) => {
    useLanguage(lang);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const said = new Map<string, string>();
    for (const code of errorCodes) said.set(code, socketErrorWords(code, 'field x out of range'));
    for (const code of closeCodes) said.set(String(code), socketCloseWords(code));
    for (const [code, words] of said) {
      expect(words, `${lang} ${code}`).not.toContain(code);
      expect(words, `${lang} ${code}`).not.toMatch(/field x|invalid-|rate-limited|\b1\d{3}\b|\b4\d{3}\b/);
      expect(words, `${lang} ${code}`).toMatch(/[.。…]$/);
    }
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('field x out of range'));
    // Codes the page does not know yet still get words.
    expect(socketErrorWords('something-new')).toBeTruthy();
    expect(socketCloseWords(4999)).toBe(socketCloseWords(1006));
    warn.mockRestore();
  });
});
