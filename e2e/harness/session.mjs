// What the browser tests of a session do on the agent's console and read on the customer's page.
import { openQuadrants } from './customer.mjs';
import { AGENT_KEY } from './stack.mjs';

/** Opens the agent console, starts a session with the stack's agent key, and answers room-service's CreatedRoom. */
export async function newSession(agent, base) {
  await agent.goto(`${base}/agent/`);
  await agent.getByLabel('Agent key').fill(AGENT_KEY);
  const created = agent.waitForResponse((r) => r.url().endsWith('/api/rooms') && r.request().method() === 'POST');
  await agent.getByRole('button', { name: 'New session' }).click();
  const room = await (await created).json();
  await agent.getByTestId('connection').getByText('Connected').waitFor();
  return room;
}

/**
 * The customer joins with the session code and waits for the Share button (the consent step); answers
 * room-service's answer to the join (the participant's token and rejoin credential).
 */
export async function joinByCode(customer, base, code) {
  await customer.goto(`${base}/join/`);
  await customer.getByLabel('Session code').fill(code);
  const joined = customer.waitForResponse((r) => r.url().endsWith('/api/rooms/join'));
  await customer.getByRole('button', { name: 'Join' }).click();
  const body = await (await joined).json();
  await customer.getByTestId('share').waitFor();
  return body;
}

/**
 * The agent starts a session in a new page of `agentContext`; the customer, with the quadrants tab open in
 * `customerContext` to share, joins it by code in a new page there (`pages`: the stack's, see useStackPages).
 * Answers both pages, room-service's CreatedRoom and its answer to the join.
 */
export async function customerJoined(agentContext, customerContext, pages) {
  const agent = await agentContext.newPage();
  const room = await newSession(agent, pages.base);
  await openQuadrants(customerContext, pages.server.url);
  const customer = await customerContext.newPage();
  const joined = await joinByCode(customer, pages.base, room.joinCode);
  return { agent, customer, room, joined };
}

/** The customer clicks Share once the agent lists them; answers the click's time (Date.now()). */
export async function shareWhenListed(agent, customer) {
  await agent.getByRole('list', { name: 'Participants' }).getByText('Customer', { exact: true }).waitFor();
  const clicked = Date.now();
  await customer.getByTestId('share').click();
  return clicked;
}

/** Waits until the agent's video of the customer's share has a frame (60 s at most); `agent`: a page or a frame. */
export async function firstRemoteFrame(agent) {
  await agent.waitForFunction(() => {
    const v = document.querySelector('[data-testid=remote-video]');
    return v && v.videoWidth > 0 && v.readyState >= 2;
  }, null, { polling: 'raf', timeout: 60_000 });
}

/** An observer's token for the room, asked of room-service with the agent's token (`room` is its CreatedRoom). */
export async function inviteObserver(roomUrl, room, name) {
  const issued = await fetch(`${roomUrl}/api/rooms/${room.roomId}/observers`, {
    method: 'POST', headers: { Authorization: `Bearer ${room.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ name }) });
  if (issued.status !== 201) throw new Error(`observer invitation refused: ${issued.status}`);
  return (await issued.json()).token;
}

/** The first message a socket opened from {@code page} with {@code token} gets on the annotation socket: the room's state. */
export function firstAnnotationMessage(page, annotationUrl, token) {
  return page.evaluate(({ url, token }) => new Promise((resolve, reject) => {
    const ws = new WebSocket(url, ['bearer-token-carrier',
      encodeURIComponent(`quarkus-http-upgrade#Authorization#Bearer ${token}`)]);
    ws.onmessage = (m) => {
      resolve(JSON.parse(m.data));
      ws.close();
    };
    ws.onclose = (e) => reject(new Error(`closed ${e.code}`));
  }), { url: annotationUrl, token });
}

/**
 * Records the annotation socket's frames of each named context's pages: every frame logged to {@code lines}, and
 * per name the messages sent and received (parsed), e.g. `annotationFrames({ agent: ctx }, lines).agent.sent`.
 */
export function annotationFrames(contexts, lines) {
  const frames = {};
  for (const [name, ctx] of Object.entries(contexts)) {
    const own = (frames[name] = { sent: [], received: [] });
    ctx.on('page', (page) => page.on('websocket', (ws) => {
      if (!ws.url().includes('/ws/annotations')) return;
      ws.on('framesent', (f) => {
        lines.push(`${name} → ${String(f.payload).slice(0, 160)}`);
        own.sent.push(JSON.parse(String(f.payload)));
      });
      ws.on('framereceived', (f) => {
        lines.push(`${name} ← ${String(f.payload).slice(0, 160)}`);
        own.received.push(JSON.parse(String(f.payload)));
      });
    }));
  }
  return frames;
}

/** A pen stroke by the agent across the middle of the customer's video, from 40 % to 60 % of its box. */
export async function penStroke(agent) {
  const box = await agent.getByTestId('remote-video').boundingBox();
  await agent.locator('body').press('p');
  await dragAcross(agent, box);
}

/** Drags the mouse across the middle of {@code box}, from 40 % to 60 % of it (a stroke, with the pen picked). */
export async function dragAcross(page, box) {
  await page.mouse.move(box.x + box.width * 0.4, box.y + box.height * 0.4);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.6, { steps: 8 });
  await page.mouse.up();
}

/**
 * An init script for the customer's context: keeps every stream getDisplayMedia hands the page
 * (`window.__captures`), so the test can read the capture tracks' readyState, and when the signaling socket closed
 * for good (`window.__signalClosedAt`, performance.now(): when the page learnt the session ended).
 */
export function recordCaptures() {
  const original = navigator.mediaDevices.getDisplayMedia.bind(navigator.mediaDevices);
  window.__captures = [];
  // The browser's own promise goes back to the page (see keepPeerConnections: setFocusBehavior's window).
  navigator.mediaDevices.getDisplayMedia = (options) => {
    const resolved = original(options);
    resolved.then((stream) => window.__captures.push(stream), () => undefined);
    return resolved;
  };
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      if (String(args[0]).includes('/ws/signal')) {
        this.addEventListener('close', (e) => {
          if (e.code >= 4000) window.__signalClosedAt ??= performance.now();
        });
      }
    }
  };
}
