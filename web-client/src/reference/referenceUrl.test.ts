import { describe, expect, it } from 'vitest';
import { checkReferenceUrl, MAX_URL_LENGTH, receivedHost } from './referenceUrl';

describe('checkReferenceUrl', () => {
  it('accepts http and https links and names their host', () => {
    expect(checkReferenceUrl(' https://Help.Example.com/a?b=1 ')).toEqual({ ok: true, url: 'https://Help.Example.com/a?b=1',
      host: 'help.example.com' });
    expect(checkReferenceUrl('http://localhost:8080/x')).toMatchObject({ ok: true, host: 'localhost:8080' });
  });

  it('reads a bare host as https', () => {
    expect(checkReferenceUrl('example.com/help')).toMatchObject({ ok: true, url: 'https://example.com/help' });
  });

  it('refuses other schemes, user info, empty and overlong input', () => {
    expect(checkReferenceUrl('javascript:alert(1)')).toMatchObject({ ok: false });
    expect(checkReferenceUrl('ftp://example.com')).toMatchObject({ ok: false });
    expect(checkReferenceUrl('https://bank.com@evil.example/')).toMatchObject({ ok: false });
    expect(checkReferenceUrl('   ')).toMatchObject({ ok: false, problem: 'Type or paste a link.' });
    expect(checkReferenceUrl(`https://example.com/${'a'.repeat(MAX_URL_LENGTH)}`)).toMatchObject({ ok: false });
  });

  it('shows a look-alike host in punycode', () => {
    // "exаmple.com" with a Cyrillic а.
    expect(receivedHost('https://ex\u0430mple.com/login')).toMatch(/^xn--/);
  });

  it('receivedHost refuses what the customer should not open', () => {
    expect(receivedHost('javascript:alert(1)')).toBeNull();
    expect(receivedHost('example.com')).toBeNull();
  });
});
