/**
 * room-service's REST API as the browser uses it. Errors arrive as RFC 9457 problem details and surface as
 * {@link ApiError} with words for the person (problemWords.ts); the problem's detail goes to the console. fetch is injected (tests, embedding).
 */

// REST bodies mirror contracts' dev.coview.contracts.rooms records (no JSON Schema exists for REST; the
// OpenAPI document of room-service describes them).

import type { RoomContext } from '../embed/protocol';
import { problemWords } from './problemWords';
import { t } from '../i18n';

/** `POST /api/rooms` answer (CreatedRoom): the agent's new room. */
export interface CreatedRoom {
  roomId: string;
  participantId: string;
  joinCode: string;
  inviteUrl: string;
  expiresAt: string;
  token: string;
  tokenExpiresAt?: string;
}

/**
 * `POST /api/rooms/join`, `/rejoin` and `/{id}/agent-token` answer (ParticipantToken): one participant's place in a
 * room, with the rejoin credential that brings this device back as the same participant after a reload.
 */
export interface JoinedRoom {
  roomId: string;
  participantId?: string;
  role?: string;
  token: string;
  tokenExpiresAt?: string;
  rejoinCredential?: string;
}

/** One entry of `GET /api/rooms` (ActiveRoom): a live room the calling agent created. */
export interface ActiveRoom {
  roomId: string;
  agentId: string;
  createdAt: string;
  expiresAt: string;
  customerJoined: boolean;
  joinCode?: string | null;
  inviteUrl?: string | null;
}

/** `GET /api/config`: where the WebSocket services are, and where agents sign in (absent: API keys only). */
export interface ClientConfig {
  signalingUrl: string;
  annotationUrl: string;
  signIn?: { issuer: string; clientId: string; scopes: string[] };
  /** Who may share in the room: both (absent: an older service), one-at-a-time or customer-only (sharePolicy.ts). */
  sharePolicy?: string;
}

/** `GET /api/ice-servers` (IceServers): the RTCConfiguration parts room-service decides. */
export interface IceConfig {
  iceServers: RTCIceServer[];
  /** `relay` in a relay-only room: media only through TURN, so neither browser learns the other's IP address. */
  iceTransportPolicy?: RTCIceTransportPolicy;
  expiresAt?: string | null;
}

/** How a customer proves they were invited: the 6-digit code, or the invite token from the link. */
export type JoinCredential = { code: string } | { invite: string };

/** How an agent proves who they are: signed in (OIDC access token) or with an API key. */
export type AgentAuth = { accessToken: string } | { agentKey: string };

function agentHeaders(auth: AgentAuth): Record<string, string> {
  return 'accessToken' in auth ? { Authorization: `Bearer ${auth.accessToken}` } : { [AGENT_KEY_HEADER]: auth.agentKey };
}

export class ApiError extends Error {
  /** The message is for the person (problemWords.ts); `detail` is room-service's text for developers. */
  constructor(readonly status: number, message: string, readonly problemType?: string, readonly detail?: string) {
    super(message);
  }
}

/**
 * The error of a refused response: the person's words for its problem, the problem's own detail kept for the
 * console (logged here, once).
 */
export async function refusal(res: Response): Promise<ApiError> {
  let type: string | undefined;
  let detail: string | undefined;
  try {
    const problem = (await res.json()) as { title?: string; detail?: string; type?: string };
    type = problem.type;
    detail = problem.detail ?? problem.title;
  } catch {
    // Not a problem document (a proxy's error page): the status decides the words.
  }
  console.warn(`CoView refused ${res.url || 'a request'}: ${res.status} ${type ?? ''} ${detail ?? ''}`.trim());
  return new ApiError(res.status, problemWords(res.status, type), type, detail);
}

/** The header that carries the agent key on `POST /api/rooms`. */
export const AGENT_KEY_HEADER = 'X-CoView-Agent-Key';

export class RoomApi {
  constructor(private readonly fetchFn: typeof fetch = fetch.bind(globalThis), private readonly base = '') {}

  /** `POST /api/rooms`; `context` (from the widget's host page) ties the room to a CRM record. */
  createRoom(agentKey: string, context?: RoomContext): Promise<CreatedRoom> {
    return this.create({ [AGENT_KEY_HEADER]: agentKey }, context);
  }

  /** `POST /api/rooms` as an agent signed in with the identity provider (its access token). */
  createRoomSignedIn(accessToken: string, context?: RoomContext): Promise<CreatedRoom> {
    return this.create({ Authorization: `Bearer ${accessToken}` }, context);
  }

  /** With a context (from the widget's host page), its external reference and metadata go in a JSON body. */
  private create(headers: Record<string, string>, context?: RoomContext): Promise<CreatedRoom> {
    if (!context?.externalRef && !context?.metadata) return this.json('/api/rooms', { method: 'POST', headers });
    return this.json('/api/rooms', {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'application/json' },
      body: JSON.stringify({ externalRef: context.externalRef, metadata: context.metadata }),
    });
  }

  /** Room-service answers `{iceServers, expiresAt}` (TURN credentials expire; fetched per connection). */
  async iceServers(token: string): Promise<RTCIceServer[]> {
    return (await this.iceConfig(token)).iceServers;
  }

  /** The ICE servers with the room's transport policy (`relay` in a relay-only room). */
  iceConfig(token: string): Promise<IceConfig> {
    return this.json<IceConfig>('/api/ice-servers', { headers: { Authorization: `Bearer ${token}` } });
  }

  joinRoom(credential: JoinCredential): Promise<JoinedRoom> {
    return this.json('/api/rooms/join', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(credential),
    });
  }

  /** Back as the same participant: the stored credential is spent, the answer carries the next one. */
  rejoin(credential: string): Promise<JoinedRoom> {
    return this.json('/api/rooms/rejoin', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ credential }),
    });
  }

  /** The agent's live rooms, newest first (the console restores its session after a reload). */
  activeRooms(auth: AgentAuth): Promise<ActiveRoom[]> {
    return this.json('/api/rooms', { headers: agentHeaders(auth) });
  }

  /** A new agent token for a live room this agent created (same participant id). */
  agentToken(auth: AgentAuth, roomId: string): Promise<JoinedRoom> {
    return this.json(`/api/rooms/${encodeURIComponent(roomId)}/agent-token`,
      { method: 'POST', headers: agentHeaders(auth) });
  }

  /**
   * `POST /api/rooms/{id}/observers` with the agent's token: a view-only participant for a supervisor. The agent
   * hands on only its rejoin credential ({@link observerLink}); the token in the answer stays in the console.
   */
  addObserver(roomId: string, token: string): Promise<JoinedRoom> {
    return this.json(`/api/rooms/${encodeURIComponent(roomId)}/observers`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: '{}',
    });
  }

  /** `DELETE /api/rooms/{id}` with the agent's token: ends the room for everybody (204, no body). */
  async endRoom(roomId: string, token: string): Promise<void> {
    let res: Response;
    try {
      res = await this.fetchFn(`${this.base}/api/rooms/${encodeURIComponent(roomId)}`,
        { method: 'DELETE', headers: { Authorization: `Bearer ${token}` } });
    } catch {
      throw new ApiError(0, t('common.unreachable'));
    }
    if (!res.ok) throw await refusal(res);
  }

  /**
   * `DELETE /api/rooms/{id}/participants/{pid}` with the agent's token: the participant's sockets close on every
   * instance and none of their tokens or rejoin credentials works again (204, no body).
   */
  async removeParticipant(roomId: string, participantId: string, token: string): Promise<void> {
    let res: Response;
    try {
      res = await this.fetchFn(`${this.base}/api/rooms/${encodeURIComponent(roomId)}/participants/`
        + encodeURIComponent(participantId), { method: 'DELETE', headers: { Authorization: `Bearer ${token}` } });
    } catch {
      throw new ApiError(0, t('common.unreachable'));
    }
    if (!res.ok) throw await refusal(res);
  }

  config(): Promise<ClientConfig> {
    return this.json('/api/config', {});
  }

  private async json<T>(path: string, init: RequestInit): Promise<T> {
    let res: Response;
    try {
      res = await this.fetchFn(this.base + path, init);
    } catch {
      throw new ApiError(0, t('common.unreachable'));
    }
    if (res.ok) return (await res.json()) as T;
    throw await refusal(res);
  }
}

/** Reads a join credential from an invite link: `?invite=…` / `#invite=…`, or `?code=…` / `#code=…`. */
export function credentialFromUrl(url: URL): JoinCredential | null {
  const params = new URLSearchParams(url.hash.replace(/^#/, ''));
  const get = (k: string) => url.searchParams.get(k) ?? params.get(k);
  const invite = get('invite');
  if (invite) return { invite };
  const code = get('code');
  return code && /^\d{6}$/.test(code) ? { code } : null;
}

/** Strips what a person may type around a code (spaces, dashes); a code is exactly six digits. */
export function normalizeCode(input: string): string | null {
  const digits = input.replace(/[\s-]/g, '');
  return /^\d{6}$/.test(digits) ? digits : null;
}

/** The fragment parameter of an observer link: the observer's single-use rejoin credential. */
export const OBSERVER_LINK_PARAM = 'observe';

/**
 * The link an agent gives a supervisor: the observer page with the observer's rejoin credential in the fragment
 * (never sent to a server, so it stays out of access logs and Referer headers). Spent by its first opening.
 */
export function observerLink(origin: string, credential: string): string {
  return `${origin}/observe/#${OBSERVER_LINK_PARAM}=${encodeURIComponent(credential)}`;
}

/** The observer's rejoin credential from an observer link, or null. */
export function observerCredentialFromUrl(url: URL): string | null {
  const value = new URLSearchParams(url.hash.replace(/^#/, '')).get(OBSERVER_LINK_PARAM);
  return value && /^[A-Za-z0-9_-]{20,128}$/.test(value) ? value : null;
}
