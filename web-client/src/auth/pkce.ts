/**
 * PKCE (RFC 7636) for the agent console's sign-in: a random verifier kept by the page, and its S256 challenge sent
 * with the authorization request. Randomness and hashing are injected (Web Crypto in the browser).
 */

/** What PKCE needs from Web Crypto. */
export interface PkceCrypto {
  getRandomValues(bytes: Uint8Array): Uint8Array;
  digest(algorithm: 'SHA-256', data: Uint8Array<ArrayBuffer>): Promise<ArrayBuffer>;
}

/** The browser's Web Crypto. */
export const webCrypto: PkceCrypto = {
  getRandomValues: (bytes) => globalThis.crypto.getRandomValues(bytes),
  digest: (algorithm, data) => globalThis.crypto.subtle.digest(algorithm, data),
};

/** base64url without padding (RFC 4648 §5). */
export function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A fresh random value of {@link bytes} random bytes, base64url (43 characters for 32 bytes). */
export function randomToken(crypto: PkceCrypto, bytes = 32): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** The S256 challenge of a verifier: BASE64URL(SHA-256(ASCII(verifier))). */
export async function challengeFor(crypto: PkceCrypto, verifier: string): Promise<string> {
  const digest = await crypto.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64Url(new Uint8Array(digest));
}
