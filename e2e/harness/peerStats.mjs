// What a browser test reads of a page's WebRTC when media does not arrive: kept by an init script, read with
// getStats. Test instrumentation only: the product's own stats live in web-client/src/media/mediaHealth.ts.

/**
 * Init script (context.addInitScript): the page's peer connections and screen captures, kept where
 * {@link peerReport} reads them; the first ICE `connected` as `window.coviewIceConnectedAt` (epoch ms).
 */
export function keepPeerConnections() {
  const Native = window.RTCPeerConnection;
  const kept = [];
  window.coviewPeerConnections = kept;
  const captures = [];
  window.coviewCaptures = captures;
  const gdm = navigator.mediaDevices?.getDisplayMedia?.bind(navigator.mediaDevices);
  if (gdm) {
    // The browser's own promise goes back to the page: a wrapper that awaited it would resolve the page's await
    // a few microtasks later, after Chromium's window for CaptureController.setFocusBehavior has closed (the
    // capture would then bring the shared tab forward and throttle the CoView page: checked with chromium 156).
    navigator.mediaDevices.getDisplayMedia = (...a) => {
      const resolved = gdm(...a);
      resolved.then((stream) => {
        for (const t of stream.getVideoTracks()) {
          const c = { label: t.label, at: Date.now(), endedAt: null };
          captures.push(c);
          t.addEventListener('ended', () => (c.endedAt = Date.now()));
        }
      }, () => undefined);
      return resolved;
    };
  }
  window.RTCPeerConnection = class extends Native {
    constructor(...args) {
      super(...args);
      kept.push(this);
      // Read in the page: console messages reach the test in bursts, late.
      this.addEventListener('iceconnectionstatechange', () => {
        if (this.iceConnectionState === 'connected') window.coviewIceConnectedAt ??= Date.now();
      });
    }
  };
}

/**
 * In a page (page.evaluate): every peer connection's states, transceivers and media stats (the sender's outbound,
 * the receiver's inbound), the agent's video element, the captures and when they ended, the page's marks; one
 * JSON text, to tell which side stopped when no frame arrives.
 */
export async function peerReport() {
  const pick = (r, keys) => Object.fromEntries(keys.filter((k) => r[k] !== undefined).map((k) => [k, r[k]]));
  const out = [];
  for (const pc of window.coviewPeerConnections ?? []) {
    const stats = [...(await pc.getStats()).values()];
    out.push({
      signaling: pc.signalingState, ice: pc.iceConnectionState, connection: pc.connectionState,
      transceivers: pc.getTransceivers().map((t) => ({ mid: t.mid, direction: t.direction, current: t.currentDirection,
        sent: t.sender.track && { state: t.sender.track.readyState, muted: t.sender.track.muted },
        received: t.receiver.track && { state: t.receiver.track.readyState, muted: t.receiver.track.muted } })),
      outbound: stats.filter((r) => r.type === 'outbound-rtp').map((r) => pick(r, ['framesEncoded', 'framesSent',
        'bytesSent', 'keyFramesEncoded', 'frameWidth', 'frameHeight', 'pliCount', 'firCount', 'nackCount',
        'qualityLimitationReason', 'active'])),
      source: stats.filter((r) => r.type === 'media-source')
        .map((r) => pick(r, ['frames', 'framesPerSecond', 'width', 'height'])),
      inbound: stats.filter((r) => r.type === 'inbound-rtp').map((r) => pick(r, ['framesReceived', 'framesDecoded',
        'keyFramesDecoded', 'framesDropped', 'bytesReceived', 'packetsReceived', 'packetsLost', 'pliCount', 'firCount',
        'nackCount', 'frameWidth', 'frameHeight'])),
      pair: stats.filter((r) => r.type === 'candidate-pair' && r.nominated)
        .map((r) => pick(r, ['state', 'bytesSent', 'bytesReceived'])),
    });
  }
  const v = document.querySelector('[data-testid=remote-video]');
  const video = v && { readyState: v.readyState, paused: v.paused, width: v.videoWidth,
    tracks: v.srcObject?.getTracks().map((t) => ({ state: t.readyState, muted: t.muted })) ?? null };
  const marks = Object.fromEntries(performance.getEntriesByType('mark')
    .map((m) => [m.name, Math.round(performance.timeOrigin + m.startTime)]));
  return JSON.stringify({ peers: out, ...(v ? { video } : {}), captures: window.coviewCaptures, marks,
    shareButton: document.querySelector('[data-testid=share]') !== null, now: Date.now() });
}
