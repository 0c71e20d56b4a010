/**
 * The customer's live link to the room, from joining on: signaling (so the agent sees them arrive), one
 * send-only peer connection per viewer made ahead of any share, and while sharing the track on them plus the
 * `share` flag (sent again after every reconnect, so the room's state is right after a drop).
 */
import type { AnnotationClient } from '../annotations/annotationClient';
import { RoomDrawings } from '../annotations/roomDrawings';
import { cropToWire, masksToWire } from '../annotations/wire';
import type { Rect, Size } from '../crop/geometry';
import { SharerPeers } from '../signaling/peers';
import type { SocketState } from '../signaling/socket';
import { browserPeerDeps, connectAnnotations, connectSignaling } from './connect';
import type { JoinedRoom, RoomApi } from './roomApi';
import { tokenSubject } from './tokenSubject';

export type LinkStatus = { state: 'connected' | 'connecting' | 'reconnecting' | 'offline'; text: string };

const TEXT: Record<SocketState, LinkStatus> = {
  connecting: { state: 'connecting', text: 'Connecting to your agent…' },
  connected: { state: 'connected', text: 'Connected to your agent' },
  reconnecting: { state: 'reconnecting', text: 'Connection lost, reconnecting…' },
  closed: { state: 'offline', text: 'The session has ended' },
};

export interface CustomerLink {
  /** The agent's drawings and pointer, as annotation-service states them (shown over the preview). */
  readonly drawings: RoomDrawings;
  /** Starts sending the (cropped) track to every viewer, now and as they come. */
  share(track: MediaStreamTrack): void;
  /** Stops sending; the customer stays in the room. */
  unshare(): void;
  /**
   * Tells the room what is shared (annotation-service keeps it as state for late joiners): the crop, so that
   * the agent's drawings stay on the same content; the masks and the pause as flags.
   */
  publish(shared: { source: Size; crop: Rect; masks: readonly Rect[]; paused: boolean }): void;
  /** The room's state, events by type and sending, for features beyond sharing (consent, references, crop requests). */
  readonly room: Pick<AnnotationClient, 'on' | 'onRoomState' | 'send'>;
  /** The latest status, and every change from now on, until the returned function is called. */
  onStatus(listener: (s: LinkStatus) => void): () => void;
}

export async function joinRoomLink(api: RoomApi, room: JoinedRoom): Promise<CustomerLink> {
  const config = await api.config();
  let status: LinkStatus = TEXT.connecting;
  const listeners: ((s: LinkStatus) => void)[] = [];
  const client = connectSignaling(config, room.token, (s) => {
    status = TEXT[s];
    listeners.forEach((l) => l(status));
  });
  const annotations = connectAnnotations(config, room.token);
  // What was last published, so that only changes are sent (a drag produces a crop per animation frame).
  let published = { crop: '', masks: '', paused: false };
  let latest: Parameters<CustomerLink['publish']>[0] | null = null;
  const publish = (shared: Parameters<CustomerLink['publish']>[0], force = false) => {
    latest = shared;
    peers.setCropSize({ w: shared.crop.w, h: shared.crop.h });
    const crop = cropToWire(shared.crop, shared.source);
    const masks = masksToWire(shared.masks, shared.source);
    const next = { crop: JSON.stringify(crop), masks: JSON.stringify(masks), paused: shared.paused };
    if (force || next.crop !== published.crop) annotations.send(crop);
    if (force || next.masks !== published.masks) annotations.send({ type: 'masks', rects: masks });
    if (force || next.paused !== published.paused) annotations.send({ type: 'pause', on: shared.paused });
    published = next;
  };
  // A (re)connected socket gets the room's state first; then the current share is stated again.
  const drawings = new RoomDrawings(tokenSubject(room.token), () => performance.now());
  annotations.onRoomState((st) => {
    drawings.applyState(st);
    if (latest && sharing) publish(latest, true);
  });
  for (const type of ['pointer', 'pointer.hide', 'stroke', 'shape', 'erase', 'undo', 'redo', 'clear'] as const) {
    annotations.on(type, (_e, envelope) => drawings.applyEvent(envelope));
  }
  // The connections to the viewers are made from joining on (pre-warmed), so that a share only puts its track
  // on them: the agent's first frame does not wait for ICE and DTLS.
  const peers = new SharerPeers(client, null, browserPeerDeps(api, room.token));
  let sharing = false;
  client.on('welcome', () => {
    if (sharing) client.send({ type: 'share', active: true });
  });
  client.on('error', (e) => console.warn(`signaling refused a message: ${e.code}`));
  return {
    drawings,
    room: annotations,
    share: (track) => {
      sharing = true;
      void peers.setTrack(track);
      client.send({ type: 'share', active: true });
    },
    unshare: () => {
      sharing = false;
      void peers.setTrack(null);
      latest = null;
      published = { crop: '', masks: '', paused: false };
      client.send({ type: 'share', active: false });
    },
    publish: (shared) => publish(shared),
    onStatus: (l) => {
      listeners.push(l);
      l(status);
      return () => {
        const i = listeners.indexOf(l);
        if (i >= 0) listeners.splice(i, 1);
      };
    },
  };
}
