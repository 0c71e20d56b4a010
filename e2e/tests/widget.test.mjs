// The embeddable widget through the real stack: an example CRM page (web-client/examples/host.html) on another
// origin loads /widget/coview-widget.iife.js from room-service and embeds the agent console; the agent starts a
// session inside the iframe; a customer, in a second browser context, embeds the customer page the same way with
// the join code and shares their screen. The host pages get session.started and participant.joined through
// postMessage, and reference.answered when the customer declines a link the agent pushed; a message forged by the host page itself is ignored; ending the session inside the iframe brings
// session.ended to both hosts. A page on an origin outside coview.room.embed-origins cannot frame CoView at all.
// The iframes are on room-service's origin, so the sockets' Origin allowlist stays as it is.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { collectConsole, expectCspViolations, launchChromium, SCREENSHOTS, VIEWPORT } from '../harness/browser.mjs';
import { eventually } from '../harness/eventually.mjs';
import { firstRemoteFrame } from '../harness/session.mjs';
import { AGENT_KEY, REPO_ROOT, startStack, stackMissing } from '../harness/stack.mjs';
import { startStaticServer } from '../harness/staticServer.mjs';

const missing = stackMissing();
const EXAMPLES = `${REPO_ROOT}web-client/examples/`;

/** The widget events the host page logged, oldest first: {type, data}. */
async function hostEvents(page) {
  return page.locator('#events li').evaluateAll((items) => items.reverse()
    .map((li) => ({ type: li.dataset.type, data: JSON.parse(li.dataset.json) })));
}

async function waitForEvent(page, type, timeout = 30_000) {
  await page.locator(`#events li[data-type="${type}"]`).first().waitFor({ timeout });
  return (await hostEvents(page)).filter((e) => e.type === type);
}

/** Fills the example page's form and embeds CoView. */
async function embed(page, roomUrl, { mode, apiKey = '', code = '' }) {
  await page.getByLabel('CoView address').fill(roomUrl);
  await page.getByLabel('Show').selectOption(mode);
  await page.getByLabel('Agent key (agent console)').fill(apiKey);
  await page.getByLabel('Join code (customer page)').fill(code);
  await page.getByRole('button', { name: 'Embed CoView' }).click();
}

describe('CoView widget embedded in another origin', { skip: missing ? `stack not available: ${missing}` : false }, () => {
  let stack;
  let host;
  let stranger;
  let browser;

  before(async () => {
    // The host page's origin must be known before room-service starts: it becomes its frame-ancestors list.
    host = await startStaticServer({ '/': EXAMPLES });
    stranger = await startStaticServer({ '/': EXAMPLES });
    process.env.COVIEW_ROOM_EMBED_ORIGINS = host.url;
    const t0 = Date.now();
    stack = await startStack();
    console.log(`stack up in ${Date.now() - t0} ms; host page on ${host.url}, CoView on ${stack.roomUrl}`);
    browser = await launchChromium();
  });

  after(async () => {
    try {
      await browser?.close(); // throws on a CSP violation: the rest must stop all the same
    } finally {
      await stack?.stop();
      await host?.close();
      await stranger?.close();
    }
  });

  it('room-service serves the widget and lets only the listed origins frame its pages', async () => {
    const script = await fetch(`${stack.roomUrl}/widget/coview-widget.iife.js`);
    assert.equal(script.status, 200);
    assert.match(await script.text(), /var CoView=/);
    assert.equal((await fetch(`${stack.roomUrl}/widget/coview-widget.js`)).status, 200);
    const page = await fetch(`${stack.roomUrl}/agent/`);
    const policy = page.headers.get('content-security-policy');
    assert.ok(policy.endsWith(`; frame-ancestors 'self' ${host.url}`), policy);
    assert.match(policy, /default-src 'self'; script-src 'self';/);

    // A page on an origin that is not listed: the browser refuses to render CoView in its frame.
    const context = await browser.newContext({ viewport: VIEWPORT });
    try {
      const other = await context.newPage();
      await other.goto(`${stranger.url}/host.html`);
      await embed(other, stack.roomUrl, { mode: 'agent' });
      // Chromium replaces a frame refused by frame-ancestors with its error page.
      await eventually(() => assert.ok(other.frames().some((f) => f.url().startsWith('chrome-error://')),
        `frames: ${other.frames().map((f) => f.url()).join(', ')}`));
      assert.equal(await other.getByRole('status').textContent(), 'Loading CoView…');
    } finally {
      await context.close();
      // That refusal was the point: the harness's CSP watch must not count it against the suite.
      expectCspViolations(browser, /frame-ancestors/);
    }
  });

  it('the host page learns about the session through postMessage, and only from its iframe', async () => {
    const agentContext = await browser.newContext({ viewport: VIEWPORT });
    const customerContext = await browser.newContext({ viewport: VIEWPORT });
    const consoleLines = collectConsole({ agent: agentContext, customer: customerContext });
    try {
      const agentHost = await agentContext.newPage();
      await agentHost.goto(`${host.url}/host.html`);
      await embed(agentHost, stack.roomUrl, { mode: 'agent', apiKey: AGENT_KEY });
      const agent = agentHost.frameLocator('iframe[data-coview-widget=agent]');
      await agentHost.getByRole('status').getByText('CoView is ready.').waitFor();
      assert.equal(await agentHost.locator('iframe').getAttribute('allow'),
        'display-capture; camera; microphone; clipboard-write');
      // Sandboxed, and yet the customer's embedded page below can capture the screen.
      assert.match(await agentHost.locator('iframe').getAttribute('sandbox'), /^allow-scripts allow-same-origin /);
      // The host's apiKey option reached the console's key field by postMessage (never in the frame's URL).
      assert.equal(await agent.getByLabel('Agent key').inputValue(), AGENT_KEY);
      assert.doesNotMatch(await agentHost.locator('iframe').getAttribute('src'), new RegExp(AGENT_KEY));
      await agent.getByRole('button', { name: 'New session' }).click();
      const code = (await agent.getByTestId('join-code').textContent()).trim();
      assert.match(code, /^\d{6}$/);

      const [started] = await waitForEvent(agentHost, 'session.started');
      assert.equal(started.data.joinCode, code);
      assert.match(started.data.roomId, /^\S+$/);
      const roomId = started.data.roomId;
      await agent.getByTestId('connection').getByText('Connected').waitFor();

      // The customer embeds the customer page with the code and shares (the iframe may capture the screen).
      const customerHost = await customerContext.newPage();
      await customerHost.goto(`${host.url}/host.html`);
      await embed(customerHost, stack.roomUrl, { mode: 'customer', code });
      const customer = customerHost.frameLocator('iframe[data-coview-widget=customer]');
      const [customerStarted] = await waitForEvent(customerHost, 'session.started');
      assert.deepEqual(customerStarted.data, { roomId });
      await customer.getByTestId('share').click();

      const [joined] = await waitForEvent(agentHost, 'participant.joined');
      assert.equal(joined.data.role, 'customer');
      assert.match(joined.data.participantId, /^\S+$/);
      const agentFrame = agentHost.frames().find((f) => f.url().includes('/agent/'));
      await firstRemoteFrame(agentFrame);
      await agentHost.screenshot({ path: `${SCREENSHOTS}widget-host-agent.png` });
      await customerHost.screenshot({ path: `${SCREENSHOTS}widget-host-customer.png` });

      // The agent pushes a link, the customer declines it: the agent's host hears the answer.
      await agent.getByLabel('Link for the customer').fill('https://help.example.com/printers/e42');
      await agent.getByTestId('reference-send').click();
      await customer.getByTestId('reference-decline').click();
      const [answered] = await waitForEvent(agentHost, 'reference.answered');
      assert.equal(answered.data.roomId, roomId);
      assert.equal(answered.data.url, 'https://help.example.com/printers/e42');
      assert.equal(answered.data.answer, 'declined');
      assert.match(answered.data.referenceId, /^\S+$/);

      // Forged by the host page's own window, with the right shape: must not count as the session's end.
      await agentHost.evaluate((id) => window.postMessage(
        { source: 'coview', version: 1, type: 'session.ended', data: { roomId: id, reason: 'forged' } }, '*'), roomId);
      const clicked = Date.now();
      await agent.getByTestId('end-session').click();
      const ended = await waitForEvent(agentHost, 'session.ended');
      console.log(`End session → session.ended on the host page: ${Date.now() - clicked} ms`);
      // The forged message was posted first: had it been accepted, it would be logged before the real one.
      assert.deepEqual(ended.map((e) => e.data), [{ roomId, reason: 'ended' }]);
      const customerEnded = await waitForEvent(customerHost, 'session.ended');
      // The real reason (the agent ended it), not one word for every end.
      assert.deepEqual(customerEnded.map((e) => e.data), [{ roomId, reason: 'ended' }]);
      await customer.getByText('The session has ended').first().waitFor();

      const types = (await hostEvents(agentHost)).map((e) => e.type);
      assert.deepEqual(types, ['session.started', 'participant.joined', 'reference.answered', 'session.ended']);
      await agentHost.screenshot({ path: `${SCREENSHOTS}widget-host-ended.png` });
    } catch (e) {
      console.log(`--- pages' console ---\n${consoleLines.join('\n')}`);
      throw e;
    } finally {
      await agentContext.close();
      await customerContext.close();
    }
  });
});
