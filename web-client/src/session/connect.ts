/**
 * Browser bindings for the protocol clients: real WebSocket, timers and RTCPeerConnection, ICE servers from
 * room-service. Kept apart so that signaling/ and annotations/ stay testable without a browser.
 */
import { AnnotationClient } from '../annotations/annotationClient';
import type { PeerDeps } from '../signaling/peers';
import { SignalingClient } from '../signaling/signalingClient';
import type { SocketClose, SocketDeps, SocketState } from '../signaling/socket';
import type { ClientConfig, RoomApi } from './roomApi';

export function browserSocketDeps(): SocketDeps {
  return {
    open: (url, protocols) => new WebSocket(url, protocols),
    setTimeout: (fn, ms) => window.setTimeout(fn, ms),
    clearTimeout: (h) => window.clearTimeout(h as number),
  };
}

/**
 * The room's `iceTransportPolicy` comes with the ICE servers (fetched before every peer connection) and is added to
 * the RTCConfiguration here. Once a room has said `relay` it stays so for this page, even if a later fetch fails:
 * a relay-only room must never fall back to host candidates, which carry the device's IP address.
 */
export function browserPeerDeps(api: RoomApi, token: string, now: () => number = Date.now): PeerDeps {
  let policy: RTCIceTransportPolicy = 'all';
  const fetchServers = async () => {
    const ice = await api.iceConfig(token);
    if (ice.iceTransportPolicy === 'relay') policy = 'relay';
    return ice.iceServers;
  };
  // Fetched as the page joins, for its first connection: that one is made the moment the other side is in the room,
  // and a fetch then would sit between the click on Share and the first frame. Used once, while fresh; every later
  // connection and every ICE restart fetches its own (new TURN credentials).
  let early: { at: number; servers: Promise<RTCIceServer[]> } | null = { at: now(), servers: fetchServers() };
  early.servers.catch(() => undefined);
  return {
    createPeerConnection: (config) => new RTCPeerConnection({ ...config, iceTransportPolicy: policy }),
    iceServers: () => {
      const spare = early;
      early = null;
      if (spare && now() - spare.at < EARLY_ICE_SERVERS_FRESH_MS) return spare.servers.catch(fetchServers);
      return fetchServers();
    },
  };
}

/** How long the ICE servers fetched at joining may serve the first connection (ms): far inside a TURN credential's life. */
export const EARLY_ICE_SERVERS_FRESH_MS = 60_000;

/** The signaling client of one participant, connected. */
export function connectSignaling(config: ClientConfig, token: string,
                                 onState: (s: SocketState, close?: SocketClose) => void): SignalingClient {
  const client = new SignalingClient(config.signalingUrl, () => token, onState, browserSocketDeps());
  client.connect();
  return client;
}

/** The annotation client of one participant, connected. */
export function connectAnnotations(config: ClientConfig, token: string, onState: (s: SocketState) => void = () => undefined): AnnotationClient {
  const client = new AnnotationClient(config.annotationUrl, () => token, onState, browserSocketDeps());
  client.connect();
  return client;
}
