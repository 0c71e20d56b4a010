import { describe, expect, it, vi } from 'vitest';
import { ApiError, credentialFromUrl, normalizeCode, observerCredentialFromUrl, observerLink, RoomApi } from './roomApi';

const respond = (status: number, body: unknown) =>
  vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));

describe('RoomApi', () => {
  it('sends the agent key header when creating a room', async () => {
    const f = respond(201, { roomId: 'r1', joinCode: '123456', inviteUrl: 'u', expiresAt: 'e', token: 't' });
    const room = await new RoomApi(f as unknown as typeof fetch).createRoom('k');
    expect(room.joinCode).toBe('123456');
    expect(f).toHaveBeenCalledWith('/api/rooms', { method: 'POST', headers: { 'X-CoView-Agent-Key': 'k' } });
  });

  it("sends a signed-in agent's access token as a bearer token", async () => {
    const f = respond(201, { roomId: 'r1', joinCode: '123456', inviteUrl: 'u', expiresAt: 'e', token: 't' });
    await new RoomApi(f as unknown as typeof fetch).createRoomSignedIn('at');
    expect(f).toHaveBeenCalledWith('/api/rooms', { method: 'POST', headers: { Authorization: 'Bearer at' } });
  });

  it('creates a room for a CRM record: the external reference and metadata go in the JSON body', async () => {
    const f = respond(201, { roomId: 'r', joinCode: '123456' });
    const externalRef = { system: 'salesforce', type: 'Case', id: '5003000000D8cuIAAR' };
    await new RoomApi(f as unknown as typeof fetch).createRoom('k', { externalRef, metadata: { queue: 'billing' } });
    expect(f).toHaveBeenCalledWith('/api/rooms', { method: 'POST',
      headers: { 'X-CoView-Agent-Key': 'k', 'Content-Type': 'application/json' },
      body: JSON.stringify({ externalRef, metadata: { queue: 'billing' } }) });
  });

  it('turns a problem document into words for the person, keeping its detail for the console', async () => {
    const type = 'https://coview.dev/problems/join-refused';
    const f = respond(404, { type, title: 'Unknown code', detail: 'join code 000000 matched no room' });
    const err = await new RoomApi(f as unknown as typeof fetch).joinRoom({ code: '000000' }).catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 404, problemType: type, detail: 'join code 000000 matched no room',
      message: 'This code is wrong, already used or expired. Check the digits, or ask your agent for a new one.' });
  });

  it("removes a participant with the agent's token, and says so when it cannot", async () => {
    const ok = vi.fn(async () => new Response(null, { status: 204 }));
    await new RoomApi(ok as unknown as typeof fetch).removeParticipant('r/1', 'p1', 'at');
    expect(ok).toHaveBeenCalledWith('/api/rooms/r%2F1/participants/p1',
      { method: 'DELETE', headers: { Authorization: 'Bearer at' } });
    const refused = respond(403, { type: 'https://coview.dev/problems/forbidden', detail: 'needs admin' });
    await expect(new RoomApi(refused as unknown as typeof fetch).removeParticipant('r', 'p', 't'))
      .rejects.toMatchObject({ status: 403, message: 'You are not allowed to do this in this session.',
        detail: 'needs admin' });
  });

  it("asks for an observer with the agent's token", async () => {
    const f = respond(201, { roomId: 'r', participantId: 'o1', role: 'observer', token: 't', rejoinCredential: 'c' });
    const observer = await new RoomApi(f as unknown as typeof fetch).addObserver('r', 'at');
    expect(observer.rejoinCredential).toBe('c');
    expect(f).toHaveBeenCalledWith('/api/rooms/r/observers', { method: 'POST',
      headers: { Authorization: 'Bearer at', 'Content-Type': 'application/json' }, body: '{}' });
  });

  it('says so when the service cannot be reached', async () => {
    const f = vi.fn(async () => Promise.reject(new TypeError('network')));
    await expect(new RoomApi(f as unknown as typeof fetch).config()).rejects.toMatchObject({ status: 0 });
  });
});

describe('join credentials', () => {
  it('reads an invite or a code from the link', () => {
    expect(credentialFromUrl(new URL('https://x/join/?invite=abc'))).toEqual({ invite: 'abc' });
    expect(credentialFromUrl(new URL('https://x/join/#code=123456'))).toEqual({ code: '123456' });
    expect(credentialFromUrl(new URL('https://x/join/?code=12'))).toBeNull();
  });

  it('accepts a typed code with spaces or a dash', () => {
    expect(normalizeCode(' 123 456 ')).toBe('123456');
    expect(normalizeCode('123-456')).toBe('123456');
    expect(normalizeCode('12345a')).toBeNull();
  });
});

describe('observer links', () => {
  const credential = 'A'.repeat(43);

  it('carry the credential in the fragment only, and read back from it', () => {
    const link = observerLink('https://coview.example', credential);
    expect(link).toBe(`https://coview.example/observe/#observe=${credential}`);
    expect(new URL(link).search).toBe('');
    expect(observerCredentialFromUrl(new URL(link))).toBe(credential);
  });

  it('ignore a missing or malformed credential', () => {
    expect(observerCredentialFromUrl(new URL('https://x/observe/'))).toBeNull();
    expect(observerCredentialFromUrl(new URL('https://x/observe/#observe=a%20b'))).toBeNull();
    expect(observerCredentialFromUrl(new URL(`https://x/observe/?observe=${credential}`))).toBeNull();
  });
});
