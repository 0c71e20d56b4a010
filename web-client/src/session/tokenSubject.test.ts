import { describe, expect, it } from 'vitest';
import { tokenSubject } from './tokenSubject';

const b64url = (o: object) => btoa(JSON.stringify(o)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

describe('tokenSubject', () => {
  it('reads sub from the payload', () => {
    expect(tokenSubject(`${b64url({ alg: 'ES256' })}.${b64url({ sub: 'p-1?>', room: 'r' })}.sig`)).toBe('p-1?>');
  });
  it('is empty for anything else', () => {
    expect(tokenSubject('nope')).toBe('');
    expect(tokenSubject(`a.${b64url({ sub: 3 })}.c`)).toBe('');
  });
});
