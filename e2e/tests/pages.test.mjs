// The agent console shell and the customer's join step in a real Chromium at 1280×800, without services
// (room-service's answers and a minimal annotation-service are given by the test): keyboard access to every
// tool, a stroke drawn on the overlay and undone through the annotation socket, the session panel, join
// errors. Screenshots go to target/screenshots/.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { expectCspViolations, launchChromium, SCREENSHOTS, VIEWPORT } from '../harness/browser.mjs';
import { startStaticServer } from '../harness/staticServer.mjs';
import { FIXTURES, WEB_ROOT } from '../harness/paths.mjs';
import { eventually } from '../harness/eventually.mjs';

/**
 * A minimal annotation-service for one agent: the room's state on connect, then every stroke or shape back as
 * an event with its element, and undo as that element deleted (a new version), as the real service does.
 * The agent's token here is no JWT, so its author id is ''.
 */
function fakeAnnotations(ws) {
  const elements = new Map();
  const history = [];
  let version = 0;
  ws.send(JSON.stringify({ type: 'state', seq: 0, elements: [], masks: [], paused: false, history: [] }));
  ws.onMessage((raw) => {
    const m = JSON.parse(String(raw));
    const changes = [];
    if (m.type === 'stroke' || m.type === 'shape') {
      history.push(m.id);
      changes.push({ id: m.id, authorId: '', version: ++version, deleted: false, drawable: m });
    } else if (m.type === 'undo' && history.length > 0) {
      changes.push({ ...elements.get(history.pop()), version: ++version, deleted: true });
    } else {
      return;
    }
    changes.forEach((c) => elements.set(c.id, c));
    ws.send(JSON.stringify({ type: 'event', eventId: `e${version}`, roomId: 'r-e2e', authorId: '', seq: version,
      ts: Date.now(), event: m, changes }));
  });
}

const TOOLS = ['Laser pointer', 'Pen', 'Highlighter', 'Vanishing ink', 'Arrow', 'Rectangle', 'Ellipse', 'Text'];

let server;
let browser;
let context;

before(async () => {
  server = await startStaticServer({ '/fixtures/': FIXTURES, '/': WEB_ROOT });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

describe('the harness', () => {
  it('fails a test file whose pages violate their Content-Security-Policy', async () => {
    const watched = await launchChromium();
    const page = await watched.newPage();
    await page.setContent(`<meta http-equiv="Content-Security-Policy" content="script-src 'none'">
      <script>document.title = 'ran';</script>`);
    await eventually(() => assert.ok(watched.cspViolations.length > 0, 'no violation seen'));
    await assert.rejects(watched.close(), /Content-Security-Policy violations/);
    // And one that a test expects is not held against it.
    const again = await launchChromium();
    await (await again.newPage()).setContent(`<meta http-equiv="Content-Security-Policy" content="script-src 'none'">
      <script>document.title = 'ran';</script>`);
    await eventually(() => assert.ok(again.cspViolations.length > 0, 'no violation seen'));
    assert.ok(expectCspViolations(again, /script-src/) > 0);
    await again.close();
  });
});

describe('agent console', () => {
  before(async () => {
    context = await browser.newContext({ viewport: VIEWPORT });
  });
  after(() => context.close());

  it('creates a session and shows the code and the link with copy buttons; another session shows its own', async () => {
    const page = await context.newPage();
    let agentKey;
    const codes = ['482913', '615204'];
    let created = 0;
    await page.route('**/api/rooms', (route) => {
      agentKey = route.request().headers()['x-coview-agent-key'];
      const n = created++;
      return route.fulfill({ status: 201, contentType: 'application/json', body: JSON.stringify({
        roomId: `r-e2e-${n}`, joinCode: codes[n], inviteUrl: `${server.url}/join/?invite=inv-e2e-${n}`,
        expiresAt: new Date(Date.now() + 20 * 60_000).toISOString(), token: 'e2e' }) });
    });
    const wsBase = server.url.replace(/^http/, 'ws');
    await page.route('**/api/config', (route) => route.fulfill({ status: 200, contentType: 'application/json',
      body: JSON.stringify({ signalingUrl: `${wsBase}/ws/signal`, annotationUrl: `${wsBase}/ws/annotations` }) }));
    await page.route('**/api/ice-servers', (route) => route.fulfill({ status: 200, contentType: 'application/json',
      body: JSON.stringify({ iceServers: [] }) }));
    // Signaling stays silent (nobody else in the room); annotations answer as the service would.
    await page.routeWebSocket(/\/ws\/signal/, () => undefined);
    await page.routeWebSocket(/\/ws\/annotations/, fakeAnnotations);
    await page.goto(`${server.url}/agent/`);
    await page.getByLabel('Agent key').fill('dev-agent-key');
    await page.getByRole('button', { name: 'New session' }).click();
    assert.equal(await page.getByTestId('join-code').textContent(), '482913');
    assert.equal(agentKey, 'dev-agent-key');
    assert.ok(await page.getByRole('button', { name: 'Copy code' }).isVisible());
    assert.ok(await page.getByRole('button', { name: 'Copy link' }).isVisible());
    // Starting another session replaces the first: the panel gives the new code (not "Session ended").
    await page.getByRole('button', { name: 'Start another session' }).click();
    await page.getByTestId('join-code').filter({ hasText: codes[1] }).waitFor({ timeout: 10_000 });
    assert.equal(await page.getByTestId('session-ended').count(), 0);
  });

  it('reaches every tool by keyboard, draws on the overlay, and undoes through the annotation socket', async () => {
    const page = context.pages()[0];
    // Shortcut: P selects the pen.
    await page.locator('body').press('p');
    assert.equal(await page.getByRole('button', { name: /^Pen/ }).getAttribute('aria-pressed'), 'true');
    // Letter shortcuts can be turned off (WCAG 2.1.4): then R leaves the pen picked; Ctrl+Z still works.
    await page.getByLabel('Letter shortcuts').uncheck();
    await page.evaluate(() => document.activeElement.blur()); // the key must reach the page, not the checkbox
    await page.locator('body').press('r');
    assert.equal(await page.getByRole('button', { name: /^Pen/ }).getAttribute('aria-pressed'), 'true');
    await page.getByLabel('Letter shortcuts').check();

    const overlay = await page.getByTestId('overlay').boundingBox();
    await page.mouse.move(overlay.x + overlay.width * 0.3, overlay.y + overlay.height * 0.4);
    await page.mouse.down();
    await page.mouse.move(overlay.x + overlay.width * 0.6, overlay.y + overlay.height * 0.55, { steps: 12 });
    await page.mouse.up();
    // The overlay repaints on the next animation frame: wait for ink on it.
    await page.waitForFunction(() => {
      const c = document.querySelector('[data-testid=overlay]');
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
      return n > 100;
    }, null, { timeout: 5000 });
    // Undo becomes possible once the service has the stroke (its event came back).
    await page.waitForFunction(() => [...document.querySelectorAll('button')]
      .some((b) => b.textContent.trim() === 'Undo' && !b.disabled), null, { timeout: 5000 });
    await page.screenshot({ path: `${SCREENSHOTS}agent-console.png` });

    // Tab through the page: every tool, the colours, the width and undo/redo/clear are in the focus order.
    await page.locator('body').focus();
    const seen = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      seen.push(await page.evaluate(() => {
        const el = document.activeElement;
        return el.getAttribute('aria-label') ?? el.textContent.trim();
      }));
    }
    for (const tool of TOOLS) assert.ok(seen.some((s) => s.startsWith(tool)), `${tool} reachable by Tab: ${seen}`);
    for (const name of ['Colour Red', 'Line width', 'Undo', 'Clear']) assert.ok(seen.includes(name), `${name} reachable`);

    await page.getByRole('button', { name: 'Undo' }).click();
    await page.waitForFunction(() => {
      const c = document.querySelector('[data-testid=overlay]');
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      return d.every((v, i) => i % 4 !== 3 || v === 0);
    });
  });
});

describe('customer join', () => {
  it('asks for the code, and explains a wrong one', async () => {
    const ctx = await browser.newContext({ viewport: VIEWPORT });
    try {
      const page = await ctx.newPage();
      await page.route('**/api/rooms/join', (route) => route.fulfill({
        status: 404, contentType: 'application/problem+json',
        body: JSON.stringify({ type: 'https://coview.dev/problems/join-refused', title: 'Unknown code', status: 404,
          detail: 'join code 123456 matched no room' }) }));
      await page.goto(`${server.url}/join/`);
      await page.getByLabel('Session code').fill('12 34');
      await page.getByRole('button', { name: 'Join' }).click();
      assert.match(await page.getByRole('alert').textContent(), /exactly 6 digits/);
      await page.getByLabel('Session code').fill('123 456');
      await page.getByRole('button', { name: 'Join' }).click();
      // The person reads what happened and what to do, never the problem's developer detail.
      await page.getByText('This code is wrong, already used or expired. Check the digits').waitFor();
      assert.equal(await page.getByText('matched no room').count(), 0);
      await page.screenshot({ path: `${SCREENSHOTS}customer-join.png` });
    } finally {
      await ctx.close();
    }
  });

  it('speaks the link\'s language, else the browser\'s; the refusal in it too', async () => {
    const ctx = await browser.newContext({ viewport: VIEWPORT, locale: 'ja-JP' });
    try {
      const page = await ctx.newPage();
      await page.route('**/api/rooms/join', (route) => route.fulfill({
        status: 404, contentType: 'application/problem+json',
        body: JSON.stringify({ type: 'https://coview.dev/problems/join-refused', status: 404, detail: 'no room' }) }));
      await page.goto(`${server.url}/join/`);
      await page.getByRole('heading', { name: 'サポートセッションに参加' }).waitFor();
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'ja');
      await page.goto(`${server.url}/join/?lang=de`);
      assert.equal(await page.title(), 'CoView – an einer Support-Sitzung teilnehmen');
      await page.getByLabel('Sitzungscode').fill('123456');
      await page.getByRole('button', { name: 'Teilnehmen' }).click();
      await page.getByText('Dieser Code ist falsch, schon benutzt oder abgelaufen.').waitFor();
      await page.screenshot({ path: `${SCREENSHOTS}customer-join-de.png` });
    } finally {
      await ctx.close();
    }
  });

  it('pulses the crop an agent asks to adjust, and holds it still for a reduced-motion user', async () => {
    const ctx = await browser.newContext({ viewport: VIEWPORT });
    try {
      const page = await ctx.newPage();
      await page.goto(`${server.url}/join/`);
      const animation = () => page.evaluate(() => {
        const el = document.createElement('div');
        el.className = 'crop-rect requested';
        document.body.append(el);
        const name = getComputedStyle(el).animationName;
        el.remove();
        return name;
      });
      assert.equal(await animation(), 'crop-requested');
      await page.emulateMedia({ reducedMotion: 'reduce' });
      assert.equal(await animation(), 'none');
    } finally {
      await ctx.close();
    }
  });
});
