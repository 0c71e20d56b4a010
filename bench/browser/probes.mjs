// Init scripts and page functions of the media bench: they run inside the agent's and the customer's pages
// (context.addInitScript / page.evaluate), so each is self-contained. Bench instrumentation only: the product's
// own media figures are web-client/src/media/mediaHealth.ts.

/**
 * Agent page: every pointer and ink message the page sends (epoch ms, the JSON), and every frame the remote video
 * presents (requestVideoFrameCallback: epoch ms and the mean of the centre pixel's RGB, to tell black from content).
 */
export function agentProbe() {
  window.coviewSent = [];
  const send = WebSocket.prototype.send;
  WebSocket.prototype.send = function (data) {
    if (typeof data === 'string' && (data.startsWith('{"type":"pointer"') || data.startsWith('{"type":"ink"'))) {
      window.coviewSent.push({ t: performance.timeOrigin + performance.now(), data });
    }
    return send.call(this, data);
  };
  window.coviewFrames = [];
  const canvas = new OffscreenCanvas(1, 1);
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  const watch = () => {
    const v = document.querySelector('[data-testid=remote-video]');
    if (!v) {
      setTimeout(watch, 20);
      return;
    }
    const onFrame = (now) => {
      ctx.drawImage(v, Math.floor(v.videoWidth / 2), Math.floor(v.videoHeight / 2), 1, 1, 0, 0, 1, 1);
      const d = ctx.getImageData(0, 0, 1, 1).data;
      window.coviewFrames.push({ t: performance.timeOrigin + now, lum: (d[0] + d[1] + d[2]) / 3 });
      if (window.coviewFrames.length > 20000) window.coviewFrames.splice(0, 10000);
      v.requestVideoFrameCallback(onFrame);
    };
    v.requestVideoFrameCallback(onFrame);
  };
  watch();
}

/**
 * Customer page: when its annotation layer's stated pointers and drawables change (epoch ms), as painted; and when
 * the person's clicks reached the page (epoch ms of the event, by data-testid). The bench times Share, Pause and
 * Resume from that event: a Playwright click first scrolls, waits two animation frames for the element to stand
 * still and makes CDP round trips, none of which a person's click waits for.
 */
export function customerProbe() {
  window.coviewClicks = {};
  addEventListener('click', (e) => {
    const id = e.target instanceof Element ? e.target.closest('[data-testid]')?.getAttribute('data-testid') : null;
    if (id) (window.coviewClicks[id] ??= []).push(performance.timeOrigin + e.timeStamp);
  }, { capture: true });
  window.coviewSeen = [];
  let observed = null;
  let last = '';
  const record = (c) => {
    const now = `${c.dataset.pointers}|${c.dataset.drawables}`;
    if (now === last) return;
    last = now;
    window.coviewSeen.push({ t: performance.timeOrigin + performance.now(), pointers: c.dataset.pointers,
      drawables: Number(c.dataset.drawables) });
  };
  const watch = () => {
    const c = document.querySelector('[data-testid=customer-overlay]');
    if (c && c !== observed) {
      observed = c;
      new MutationObserver(() => record(c)).observe(c, { attributes: true,
        attributeFilter: ['data-pointers', 'data-drawables'] });
    }
    setTimeout(watch, 100);
  };
  watch();
}

/**
 * Init script for both sides of the first-frame sessions: once `window.coviewWatchStart()` is called, polls every
 * peer connection's getStats about every 10 ms and keeps when (epoch ms) the sender's source first handed it a frame
 * (media-source frames), when it encoded one (outbound-rtp framesEncoded), and when the receiver first got bytes and
 * decoded a frame (inbound-rtp); `window.coviewFirsts`. A poll is late by up to one getStats call (a few ms on a
 * quiet machine), so the figures are upper bounds of each step.
 */
export function firstMediaProbe() {
  window.coviewFirsts = {};
  const seen = (k, t) => (window.coviewFirsts[k] ??= t);
  window.coviewWatchStart = () => {
    const poll = async () => {
      for (const pc of window.coviewPeerConnections ?? []) {
        if (pc.connectionState === 'closed') continue;
        const stats = await pc.getStats();
        const t = performance.timeOrigin + performance.now();
        stats.forEach((s) => {
          if (s.kind !== 'video') return;
          if (s.type === 'media-source' && s.frames > 0) seen('source', t);
          if (s.type === 'outbound-rtp' && s.framesEncoded > 0) seen('encoded', t);
          if (s.type === 'inbound-rtp' && s.bytesReceived > 0) seen('received', t);
          if (s.type === 'inbound-rtp' && s.framesDecoded > 0) seen('decoded', t);
        });
      }
      if (!('decoded' in window.coviewFirsts) || !('encoded' in window.coviewFirsts)) setTimeout(poll, 10);
    };
    void poll();
  };
}

/** page.evaluate: video inbound (agent) or outbound (customer) counters of every peer connection, summed. */
export async function videoCounters() {
  const sum = { framesDecoded: 0, bytesReceived: 0, framesEncoded: 0, bytesSent: 0, frameWidth: 0, frameHeight: 0,
    candidate: null, codec: null, jitterBufferDelay: 0, jitterBufferEmitted: 0, decodeTime: 0, encodeTime: 0, packetSendDelay: 0,
    packetsSent: 0 };
  for (const pc of window.coviewPeerConnections ?? []) {
    const stats = await pc.getStats();
    for (const r of stats.values()) {
      if ((r.type === 'inbound-rtp' || r.type === 'outbound-rtp') && r.kind === 'video' && r.codecId) {
        sum.codec = stats.get(r.codecId)?.mimeType ?? sum.codec;
      }
      if (r.type === 'inbound-rtp' && r.kind === 'video') {
        sum.framesDecoded += r.framesDecoded ?? 0;
        sum.bytesReceived += r.bytesReceived ?? 0;
        // Where a frame waits on the agent's side: the jitter buffer (seconds summed over emitted frames) and decode.
        sum.jitterBufferDelay += r.jitterBufferDelay ?? 0;
        sum.jitterBufferEmitted += r.jitterBufferEmittedCount ?? 0;
        sum.decodeTime += r.totalDecodeTime ?? 0;
        sum.frameWidth = Math.max(sum.frameWidth, r.frameWidth ?? 0);
        sum.frameHeight = Math.max(sum.frameHeight, r.frameHeight ?? 0);
      } else if (r.type === 'outbound-rtp' && r.kind === 'video') {
        sum.framesEncoded += r.framesEncoded ?? 0;
        sum.bytesSent += r.bytesSent ?? 0;
        // And on the customer's: encoding, and packets waiting in the pacer before they leave.
        sum.encodeTime += r.totalEncodeTime ?? 0;
        sum.packetSendDelay += r.totalPacketSendDelay ?? 0;
        sum.packetsSent += r.packetsSent ?? 0;
      }
    }
  }
  return { ...sum, at: performance.timeOrigin + performance.now(), visibility: document.visibilityState };
}

/** page.evaluate: sets (or, with null, reads) the maximum bitrate of every video sender; answers what is set. */
export async function senderCap(cap) {
  const caps = [];
  for (const pc of window.coviewPeerConnections ?? []) {
    for (const s of pc.getSenders()) {
      if (s.track?.kind !== 'video') continue;
      const p = s.getParameters();
      if (cap !== null && p.encodings?.length) {
        p.encodings[0].maxBitrate = cap;
        await s.setParameters(p);
      }
      caps.push(s.getParameters().encodings?.[0]?.maxBitrate ?? null);
    }
  }
  return caps;
}

/**
 * page.evaluate: the luma plane of a video element's current frame at the given size (its own by default), as
 * base64 (BT.601 weights), and the frame's own size.
 */
export function lumaOf({ selector, w, h }) {
  const v = document.querySelector(selector);
  const width = w ?? v.videoWidth;
  const height = h ?? v.videoHeight;
  const c = new OffscreenCanvas(width, height);
  const ctx = c.getContext('2d', { willReadFrequently: true });
  ctx.drawImage(v, 0, 0, width, height);
  const d = ctx.getImageData(0, 0, width, height).data;
  const y = new Uint8Array(width * height);
  for (let i = 0; i < y.length; i++) y[i] = Math.round(0.299 * d[4 * i] + 0.587 * d[4 * i + 1] + 0.114 * d[4 * i + 2]);
  let s = '';
  for (let i = 0; i < y.length; i += 8192) s += String.fromCharCode(...y.subarray(i, i + 8192));
  return { w: width, h: height, own: { w: v.videoWidth, h: v.videoHeight }, luma: btoa(s) };
}
