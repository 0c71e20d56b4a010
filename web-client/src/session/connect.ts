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
export function browserPeerDeps(api: RoomApi, token: string): PeerDeps {
  let policy: RTCIceTransportPolicy = 'all';
  return {
    createPeerConnection: (config) => new RTCPeerConnection({ ...config, iceTransportPolicy: policy }),
    iceServers: async () => {
      const ice = await api.iceConfig(token);
      if (ice.iceTransportPolicy === 'relay') policy = 'relay';
      return ice.iceServers;
    },
  };
}

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
