import { webcrypto } from 'node:crypto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { AgentSignIn, SignInError, consoleSignIn, displayName, type SignInPorts } from './agentSignIn';
import { challengeFor, type PkceCrypto } from './pkce';

const crypto: PkceCrypto = {
  getRandomValues: (b) => webcrypto.getRandomValues(b),
  digest: (a, d) => webcrypto.subtle.digest(a, d),
};
const config = { issuer: 'http://127.0.0.1:8088/', clientId: 'coview-agent-console', scopes: ['openid', 'profile'] };
const discovery = { authorization_endpoint: 'http://127.0.0.1:8088/authorize', token_endpoint: 'http://127.0.0.1:8088/token' };
const jwt = (claims: object) => `h.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.s`;

function memoryStorage() {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v),
    removeItem: (k: string) => void m.delete(k) };
}

describe('AgentSignIn', () => {
  let ports: SignInPorts & { navigate: ReturnType<typeof vi.fn<(url: string) => void>>;
    replaceUrl: ReturnType<typeof vi.fn<(url: string) => void>> };
  let tokenRequests: URLSearchParams[];
  let now: number;

  beforeEach(() => {
    tokenRequests = [];
    now = 1_000_000;
    ports = {
      storage: memoryStorage(),
      crypto,
      now: () => now,
      navigate: vi.fn<(url: string) => void>(),
      replaceUrl: vi.fn<(url: string) => void>(),
      fetch: vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
        if (String(url).endsWith('/.well-known/openid-configuration')) return Response.json(discovery);
        tokenRequests.push(new URLSearchParams(String(init?.body)));
        return Response.json({ access_token: jwt({ name: 'Ada Lovelace' }), expires_in: 600,
          id_token: jwt({ name: 'Ada Lovelace' }) });
      }) as unknown as typeof fetch,
    };
  });

  async function startAndReturn(signIn: AgentSignIn): Promise<URL> {
    await signIn.start('http://localhost:8080/agent/?pipeline=canvas#x');
    return new URL(ports.navigate.mock.calls[0][0] as string);
  }

  it('sends the browser to the provider with a PKCE S256 challenge and comes back to the console', async () => {
    const signIn = new AgentSignIn(config, ports);
    const authorize = await startAndReturn(signIn);
    expect(authorize.origin + authorize.pathname).toBe(discovery.authorization_endpoint);
    const q = authorize.searchParams;
    expect(q.get('response_type')).toBe('code');
    expect(q.get('client_id')).toBe('coview-agent-console');
    expect(q.get('redirect_uri')).toBe('http://localhost:8080/agent/');
    expect(q.get('scope')).toBe('openid profile');
    expect(q.get('code_challenge_method')).toBe('S256');
    expect(q.get('state')).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const session = await signIn.complete(`http://localhost:8080/agent/?code=c0de&state=${q.get('state')}`);
    expect(session?.name).toBe('Ada Lovelace');
    expect(session?.expiresAt).toBe(now + 600_000);
    const exchange = tokenRequests[0];
    expect(exchange.get('grant_type')).toBe('authorization_code');
    expect(exchange.get('code')).toBe('c0de');
    expect(exchange.get('redirect_uri')).toBe('http://localhost:8080/agent/');
    // The verifier sent is the one whose challenge went to the provider.
    expect(await challengeFor(crypto, exchange.get('code_verifier')!)).toBe(q.get('code_challenge'));
    // The code leaves the address bar; the token is what room creation sends from now on.
    expect(ports.replaceUrl).toHaveBeenCalledWith('http://localhost:8080/agent/');
    expect(signIn.session()?.accessToken).toBe(session?.accessToken);
  });

  it('refuses a redirect whose state it did not issue, without redeeming the code', async () => {
    const signIn = new AgentSignIn(config, ports);
    await startAndReturn(signIn);
    await expect(signIn.complete('http://localhost:8080/agent/?code=stolen&state=other'))
      .rejects.toThrow(SignInError);
    expect(tokenRequests).toHaveLength(0);
    expect(signIn.session()).toBeNull();
  });

  it('reports a sign-in the provider ended with an error', async () => {
    const signIn = new AgentSignIn(config, ports);
    await expect(signIn.complete('http://localhost:8080/agent/?error=access_denied&state=x'))
      .rejects.toThrow('Signing in was not completed. Try again.');
  });

  it('ignores a console URL that is no redirect back', async () => {
    expect(await new AgentSignIn(config, ports).complete('http://localhost:8080/agent/')).toBeNull();
    expect(ports.replaceUrl).not.toHaveBeenCalled();
  });

  it('stops offering a token shortly before it expires, and on sign-out', async () => {
    const signIn = new AgentSignIn(config, ports);
    const q = (await startAndReturn(signIn)).searchParams;
    await signIn.complete(`http://localhost:8080/agent/?code=c&state=${q.get('state')}`);
    now += 569_999;
    expect(signIn.session()).not.toBeNull();
    now += 1;
    expect(signIn.session()).toBeNull();
    signIn.signOut();
    expect(signIn.session()).toBeNull();
  });

  it('says so in words when the provider cannot be reached', async () => {
    ports.fetch = vi.fn(async () => { throw new TypeError('fetch failed'); }) as unknown as typeof fetch;
    await expect(new AgentSignIn(config, ports).start('http://localhost:8080/agent/'))
      .rejects.toThrow('The sign-in service cannot be reached. Check your connection and try again.');
  });

  it('reads a display name from a token without trusting it for anything else', () => {
    expect(displayName(jwt({ email: 'ada@example.test' }))).toBe('ada@example.test');
    expect(displayName('opaque')).toBeNull();
  });
  it('gives the console a sign-in only where room-service names a provider', async () => {
    const here = 'http://localhost:8080/agent/';
    expect(await consoleSignIn(async () => ({}), ports, here)).toEqual({ signIn: null, error: '' });
    // Configuration unreadable: the agent key's way in stays open, nothing is said about a sign-in.
    expect(await consoleSignIn(async () => { throw new TypeError('fetch failed'); }, ports, here))
      .toEqual({ signIn: null, error: '' });
    const named = await consoleSignIn(async () => ({ signIn: config }), ports, here);
    expect(named.signIn).toBeInstanceOf(AgentSignIn);
    expect(named.error).toBe('');
  });

  it('says why a sign-in the browser came back from failed, and keeps the sign-in to try again', async () => {
    const back = await consoleSignIn(async () => ({ signIn: config }), ports,
      'http://localhost:8080/agent/?error=access_denied&state=x');
    expect(back.signIn).toBeInstanceOf(AgentSignIn);
    expect(back.error).not.toBe('');
    expect(ports.replaceUrl).toHaveBeenCalledWith('http://localhost:8080/agent/');
  });
});
