// What a browser test of a whole session stands on: the real stack (deploy/local's launcher), a static server for
// the fixtures (and this build's pages, when room-service serves another build), and Chromium.
import { readFileSync } from 'node:fs';
import { after, before } from 'node:test';
import { launchChromium } from './browser.mjs';
import { FIXTURES, WEB_ROOT } from './paths.mjs';
import { startStack } from './stack.mjs';
import { startStaticServer } from './staticServer.mjs';

/** Whether room-service serves the same agent page as the web client this module tests. */
export async function servesThisBuild(roomUrl) {
  try {
    const served = await (await fetch(`${roomUrl}/agent/`)).text();
    return served === readFileSync(`${WEB_ROOT}agent/index.html`, 'utf8');
  } catch {
    return false;
  }
}

/**
 * Starts the static server, the stack (which allows the static server's origin on its sockets) and Chromium.
 * @param captureTitle the title of the tab Chromium's fake screen share captures
 * @param env more environment for the stack's services (e.g. `COVIEW_ROOM_MAX_LIFETIME`)
 * @returns {Promise<{stack, server, base: string, browser}>} base: where the pages come from (room-service, or
 *   the static server with the API proxied, when room-service serves another build or COVIEW_E2E_PAGES=static)
 */
export async function openStackPages({ captureTitle, env = {} } = {}) {
  // The static server starts first so that its origin can be allowed on the stack's WebSockets.
  const server = await startStaticServer({ '/fixtures/': FIXTURES, '/': WEB_ROOT });
  let stack;
  try {
    const t0 = Date.now();
    stack = await startStack({ extraOrigins: [server.url], env });
    console.log(`stack up in ${Date.now() - t0} ms`);
    const fromRoomService = process.env.COVIEW_E2E_PAGES !== 'static' && await servesThisBuild(stack.roomUrl);
    server.proxyApiTo(stack.roomUrl);
    const base = fromRoomService ? stack.roomUrl : server.url;
    console.log(`pages from ${fromRoomService ? 'room-service' : 'this build (room-service serves another one)'}`);
    const browser = await launchChromium({ captureTitle });
    return { stack, server, base, browser };
  } catch (e) {
    await stack?.stop();
    await server.close();
    throw e;
  }
}

/** Stops what {@link openStackPages} started (any part may be missing after a failed start). */
export async function closeStackPages({ browser, stack, server } = {}) {
  // browser.close() throws when a page broke the Content-Security-Policy: the stack must stop all the same, or its
  // child processes keep this test file (and the whole run) alive.
  try {
    await browser?.close();
  } finally {
    await stack?.stop();
    await server?.close();
  }
}

/**
 * For a describe block: opens the stack's pages before its tests and closes them after; the returned object holds
 * `{stack, server, base, browser}` once the tests run.
 */
export function useStackPages(options) {
  const pages = {};
  before(async () => Object.assign(pages, await openStackPages(options)));
  after(() => closeStackPages(pages));
  return pages;
}
