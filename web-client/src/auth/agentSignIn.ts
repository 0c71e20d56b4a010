/**
 * The agent console's sign-in with the company's identity provider: OpenID Connect authorization code flow with
 * PKCE, as a public client (no secret in the page). `start()` sends the browser to the provider's login page;
 * back on the console, `complete()` exchanges the code for an access token, which room creation then sends as
 * `Authorization: Bearer …`. The token lives in sessionStorage (this tab only, gone when it closes), the PKCE
 * verifier and state only until the redirect returns. fetch, storage, crypto and navigation are injected.
 */
import { type PkceCrypto, challengeFor, randomToken, webCrypto } from './pkce';
import { t } from '../i18n';

/** `GET /api/config`'s `signIn`: where and as which client to sign in. */
export interface SignInConfig {
  issuer: string;
  clientId: string;
  scopes: string[];
}

/** The signed-in agent as the console shows it, with the token room creation sends. */
export interface Session {
  accessToken: string;
  /** Epoch ms after which the token is no longer sent. */
  expiresAt: number;
  name: string;
}

/** What the page around the sign-in provides (the browser's, or a test's). */
export interface SignInPorts {
  fetch: typeof fetch;
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  crypto?: PkceCrypto;
  /** Leaves the page for the provider's login. */
  navigate: (url: string) => void;
  /** Replaces the page's URL without loading it (removes `code` and `state` once used). */
  replaceUrl: (url: string) => void;
  now?: () => number;
}

/** Why signing in failed, in words for the agent. */
export class SignInError extends Error {}

const PENDING = 'coview.signIn.pending';
const SESSION = 'coview.signIn.session';
/** A token this close to its expiry is not sent: room creation would be refused on the way. */
const EXPIRY_MARGIN_MS = 30_000;

interface Pending {
  state: string;
  verifier: string;
  redirectUri: string;
}

interface Discovery {
  authorization_endpoint: string;
  token_endpoint: string;
}

export class AgentSignIn {
  private readonly crypto: PkceCrypto;
  private readonly now: () => number;

  constructor(private readonly config: SignInConfig, private readonly ports: SignInPorts) {
    this.crypto = ports.crypto ?? webCrypto;
    this.now = ports.now ?? Date.now;
  }

  /** The signed-in agent, unless there is none or its token (nearly) expired. */
  session(): Session | null {
    const raw = this.ports.storage.getItem(SESSION);
    if (!raw) return null;
    try {
      const s = JSON.parse(raw) as Session;
      if (typeof s.accessToken === 'string' && s.expiresAt - EXPIRY_MARGIN_MS > this.now()) return s;
    } catch {
      // A damaged entry is no session.
    }
    this.ports.storage.removeItem(SESSION);
    return null;
  }

  /** Forgets the token (the provider's own session is not ended). */
  signOut(): void {
    this.ports.storage.removeItem(SESSION);
  }

  /** Sends the browser to the provider's login; it comes back to {@link returnTo} (the console's URL). */
  async start(returnTo: string): Promise<void> {
    const discovery = await this.discovery();
    const redirectUri = withoutQuery(returnTo);
    const pending: Pending = { state: randomToken(this.crypto), verifier: randomToken(this.crypto), redirectUri };
    this.ports.storage.setItem(PENDING, JSON.stringify(pending));
    const url = new URL(discovery.authorization_endpoint);
    url.search = new URLSearchParams({
      response_type: 'code',
      client_id: this.config.clientId,
      redirect_uri: redirectUri,
      scope: this.config.scopes.join(' '),
      state: pending.state,
      code_challenge: await challengeFor(this.crypto, pending.verifier),
      code_challenge_method: 'S256',
    }).toString();
    this.ports.navigate(url.toString());
  }

  /**
   * Finishes a sign-in when {@link currentUrl} is the provider's redirect back (`code` and `state`, or `error`);
   * answers the new session, or null when the URL is not such a redirect.
   */
  async complete(currentUrl: string): Promise<Session | null> {
    const url = new URL(currentUrl);
    const code = url.searchParams.get('code');
    const error = url.searchParams.get('error');
    if (!code && !error) return null;
    const raw = this.ports.storage.getItem(PENDING);
    this.ports.storage.removeItem(PENDING);
    for (const k of ['code', 'state', 'error', 'error_description', 'session_state', 'iss']) url.searchParams.delete(k);
    this.ports.replaceUrl(url.toString());
    if (error) throw new SignInError(t('signIn.notCompleted'));
    const pending = raw ? (JSON.parse(raw) as Pending) : null;
    if (!pending || pending.state !== new URL(currentUrl).searchParams.get('state')) {
      // Not the sign-in this tab started (or started twice): never redeem a code we did not ask for.
      throw new SignInError(t('signIn.notStartedHere'));
    }
    const discovery = await this.discovery();
    const answer = await this.call(discovery.token_endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: code!,
        redirect_uri: pending.redirectUri,
        client_id: this.config.clientId,
        code_verifier: pending.verifier,
      }).toString(),
    });
    const tokens = (await answer.json()) as { access_token?: string; expires_in?: number; id_token?: string };
    if (!tokens.access_token) throw new SignInError(t('signIn.noToken'));
    const session: Session = {
      accessToken: tokens.access_token,
      expiresAt: this.now() + (tokens.expires_in ?? 300) * 1000,
      name: displayName(tokens.id_token) ?? displayName(tokens.access_token) ?? t('signIn.signedIn'),
    };
    this.ports.storage.setItem(SESSION, JSON.stringify(session));
    return session;
  }

  private async discovery(): Promise<Discovery> {
    const issuer = this.config.issuer.replace(/\/+$/, '');
    const answer = await this.call(`${issuer}/.well-known/openid-configuration`, {});
    return (await answer.json()) as Discovery;
  }

  private async call(url: string, init: RequestInit): Promise<Response> {
    let res: Response;
    try {
      res = await this.ports.fetch(url, init);
    } catch {
      throw new SignInError(t('signIn.unreachable'));
    }
    if (!res.ok) {
      console.warn(`the sign-in service refused the token request: ${res.status}`);
      throw new SignInError(t('signIn.refused'));
    }
    return res;
  }
}

/** The URL the provider sends the browser back to: the console's own, without query or fragment. */
function withoutQuery(url: string): string {
  const u = new URL(url);
  u.search = '';
  u.hash = '';
  return u.toString();
}

/** `name`, else `email`, else `preferred_username` from a JWT's payload (display only: never trusted). */
export function displayName(jwt: string | undefined): string | null {
  const payload = jwt?.split('.')[1];
  if (!payload) return null;
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const claims = JSON.parse(decodeURIComponent(escape(json))) as Record<string, unknown>;
    for (const k of ['name', 'email', 'preferred_username']) {
      if (typeof claims[k] === 'string' && claims[k]) return claims[k] as string;
    }
  } catch {
    // Not a JWT (an opaque token): no name to show.
  }
  return null;
}

/** The console's sign-in and, when a sign-in the browser just came back from failed, why (for the agent). */
export interface ConsoleSignIn {
  /** null: room-service names no identity provider (agent keys only), or its configuration could not be read. */
  signIn: AgentSignIn | null;
  error: string;
}

/**
 * The console's sign-in, as `GET /api/config` names it, with a sign-in the provider just sent the browser back
 * from ({@link AgentSignIn.complete}) finished; a failure leaves the agent key's way in open.
 */
export async function consoleSignIn(config: () => Promise<{ signIn?: SignInConfig }>, ports: SignInPorts,
                                    currentUrl: string): Promise<ConsoleSignIn> {
  let signIn: AgentSignIn | null = null;
  try {
    const named = (await config()).signIn;
    if (named) {
      signIn = new AgentSignIn(named, ports);
      await signIn.complete(currentUrl);
    }
    return { signIn, error: '' };
  } catch (e) {
    return { signIn, error: e instanceof SignInError ? e.message : '' };
  }
}
