import { webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { base64Url, challengeFor, randomToken, type PkceCrypto } from './pkce';

const crypto: PkceCrypto = {
  getRandomValues: (b) => webcrypto.getRandomValues(b),
  digest: (a, d) => webcrypto.subtle.digest(a, d),
};

describe('PKCE', () => {
  it('computes the S256 challenge of RFC 7636 appendix B', async () => {
    expect(await challengeFor(crypto, 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'))
      .toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('makes 43-character verifiers of the unreserved alphabet, different each time', () => {
    const a = randomToken(crypto);
    const b = randomToken(crypto);
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
  });

  it('encodes base64url without padding', () => {
    expect(base64Url(new Uint8Array([0xfb, 0xff]))).toBe('-_8');
  });
});
