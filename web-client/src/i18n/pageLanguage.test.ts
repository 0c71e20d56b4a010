import { describe, expect, it } from 'vitest';
import { agentLanguage, linkLanguage, withLanguage } from './pageLanguage';

const nav = (...languages: string[]) => ({ languages, language: languages[0] ?? '' });

describe('the page\'s language', () => {
  it('follows the link\'s lang on the customer\'s page, else the browser\'s languages in order', () => {
    expect(linkLanguage(new URL('https://c.example/join/?lang=de#invite=x'), nav('ja'))).toBe('de');
    expect(linkLanguage(new URL('https://c.example/join/#invite=x'), nav('it-IT', 'es-MX', 'en'))).toBe('es');
    expect(linkLanguage(new URL('https://c.example/join/?lang=xx'), nav('it'))).toBe('en');
  });

  it('follows the agent\'s own setting first, then the link, then the browser', () => {
    const url = new URL('https://c.example/agent/?lang=fr');
    expect(agentLanguage(url, 'ja', nav('de'))).toBe('ja');
    expect(agentLanguage(url, null, nav('de'))).toBe('fr');
    expect(agentLanguage(new URL('https://c.example/agent/'), 'klingon', nav('de-AT'))).toBe('de');
  });

  it('adds the language to an invite link without touching its fragment, and removes it', () => {
    const invite = 'https://c.example/join/#invite=abc';
    expect(withLanguage(invite, 'ja')).toBe('https://c.example/join/?lang=ja#invite=abc');
    expect(withLanguage(withLanguage(invite, 'ja'), null)).toBe(invite);
  });
});
