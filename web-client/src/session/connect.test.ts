import { afterEach, describe, expect, it, vi } from 'vitest';
import { browserPeerDeps, EARLY_ICE_SERVERS_FRESH_MS } from './connect';
import { RoomApi } from './roomApi';

/** A RoomApi whose `GET /api/ice-servers` answers each body in turn, then fails. */
function apiAnswering(...bodies: unknown[]): RoomApi {
  const f = vi.fn(async () => {
    const body = bodies.shift();
    if (body === undefined) throw new TypeError('network');
    return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
  });
  return new RoomApi(f as unknown as typeof fetch);
}

describe('browserPeerDeps', () => {
  const configs: RTCConfiguration[] = [];
  vi.stubGlobal('RTCPeerConnection', class {
    constructor(config: RTCConfiguration) {
      configs.push(config);
    }
  });
  afterEach(() => {
    configs.length = 0;
  });

  it('passes a relay-only room\'s policy with the ICE servers, and keeps it when a later fetch fails', async () => {
    const turn = { urls: ['turn:t'], username: 'u', credential: 'c' };
    const deps = browserPeerDeps(apiAnswering({ iceServers: [turn], iceTransportPolicy: 'relay' }), 'tok');
    deps.createPeerConnection({ iceServers: await deps.iceServers() });
    await expect(deps.iceServers()).rejects.toBeDefined();
    deps.createPeerConnection({ iceServers: [] });
    expect(configs).toEqual([{ iceServers: [turn], iceTransportPolicy: 'relay' }, { iceServers: [], iceTransportPolicy: 'relay' }]);
  });

  it('serves the first connection from the fetch made at joining, later ones and stale ones from new fetches', async () => {
    const a = { urls: ['turn:a'], username: 'first', credential: 'c' };
    const b = { urls: ['turn:b'], username: 'second', credential: 'c' };
    const c = { urls: ['turn:c'], username: 'third', credential: 'c' };
    const api = apiAnswering({ iceServers: [a] }, { iceServers: [b] }, { iceServers: [c] });
    const deps = browserPeerDeps(api, 'tok');
    expect(await deps.iceServers()).toEqual([a]);
    expect(await deps.iceServers()).toEqual([b]);
    let clock = 0;
    const late = browserPeerDeps(apiAnswering({ iceServers: [a] }, { iceServers: [b] }), 'tok', () => clock);
    clock = EARLY_ICE_SERVERS_FRESH_MS;
    expect(await late.iceServers()).toEqual([b]);
  });

  it('fetches again when the fetch made at joining failed', async () => {
    const a = { urls: ['turn:a'], username: 'first', credential: 'c' };
    const api = new RoomApi(vi.fn()
      .mockRejectedValueOnce(new TypeError('network'))
      .mockResolvedValueOnce(new Response(JSON.stringify({ iceServers: [a] }), { status: 200,
        headers: { 'Content-Type': 'application/json' } })) as unknown as typeof fetch);
    expect(await browserPeerDeps(api, 'tok').iceServers()).toEqual([a]);
  });

  it('uses every candidate type in a room that is not relay-only', async () => {
    const deps = browserPeerDeps(apiAnswering({ iceServers: [], iceTransportPolicy: 'all' }), 'tok');
    deps.createPeerConnection({ iceServers: await deps.iceServers() });
    expect(configs).toEqual([{ iceServers: [], iceTransportPolicy: 'all' }]);
  });
});
