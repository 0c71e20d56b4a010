/**
 * Browser bindings for the protocol clients: real WebSocket, timers and RTCPeerConnection, ICE servers from
 * room-service. Kept apart so that signaling/ and annotations/ stay testable without a browser.
 */
import { AnnotationClient } from '../annotations/annotationClient';
import type { PeerDeps } from '../signaling/peers';
import { SignalingClient } from '../signaling/signalingClient';
import type { SocketDeps, SocketState } from '../signaling/socket';
import type { ClientConfig, RoomApi } from './roomApi';

export function browserSocketDeps(): SocketDeps {
  return {
    open: (url, protocols) => new WebSocket(url, protocols),
    setTimeout: (fn, ms) => window.setTimeout(fn, ms),
    clearTimeout: (h) => window.clearTimeout(h as number),
  };
}

export function browserPeerDeps(api: RoomApi, token: string): PeerDeps {
  return {
    createPeerConnection: (config) => new RTCPeerConnection(config),
    iceServers: () => api.iceServers(token),
  };
}

/** The signaling client of one participant, connected. */
export function connectSignaling(config: ClientConfig, token: string, onState: (s: SocketState) => void): SignalingClient {
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
