// What the browser tests of a session do on the agent's console and read on the customer's page.
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

/** The customer joins with the session code and waits for the Share button (the consent step). */
export async function joinByCode(customer, base, code) {
  await customer.goto(`${base}/join/`);
  await customer.getByLabel('Session code').fill(code);
  await customer.getByRole('button', { name: 'Join' }).click();
  await customer.getByTestId('share').waitFor();
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
