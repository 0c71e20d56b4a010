// Observers (a supervisor watching, view-only) and the end of a room's lifetime, through the real stack in real
// Chromium. One stack for the observer scenarios: the agent invites an observer from the console, the observer's page
// shows the customer's share (its pixels) with the agent's ink and the session's state in words, a leaked link is
// worth nothing once opened, the agent's end ends the observer's page, the agent revokes an observer. A second stack
// whose rooms live 30 s (coview.room.max-lifetime): a room at the end of its lifetime ends the agent's, the
// customer's and the observer's pages with the reason "expired" (prints how long the customer's capture tracks took
// to end after the page learnt it), and the controls that need a session are disabled with a hint.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { near, sampleVideo, VIEWPORT } from '../harness/browser.mjs';
import { openQuadrants, QUADRANT_COLOURS, TITLE } from '../harness/customer.mjs';
import { eventually } from '../harness/eventually.mjs';
import { newSession, penStroke, recordCaptures } from '../harness/session.mjs';
import { stackMissing } from '../harness/stack.mjs';
import { useStackPages } from '../harness/stackPages.mjs';

const missing = stackMissing();
const skip = missing ? `stack not available: ${missing}` : false;
/** The expiry stack's room lifetime. */
const LIFETIME_S = 30;

async function joinAndShare(customer, base, code) {
  await customer.goto(`${base}/join/`);
  await customer.getByLabel('Session code').fill(code);
  await customer.getByRole('button', { name: 'Join' }).click();
  await customer.getByTestId('share').click();
  await customer.getByTestId('outgoing').waitFor({ state: 'attached' });
}

/** The agent's Observers card makes a link; its participant id is on the field. */
async function inviteObserver(agent) {
  const before = await agent.getByTestId('observer-link').count();
  await agent.getByTestId('invite-observer').click();
  const field = agent.getByTestId('observer-link').nth(before);
  await field.waitFor();
  return { link: await field.inputValue(), participantId: await field.getAttribute('data-participant') };
}

/** The observer's video shows the four quadrants (the customer shares the whole tab: no crop). */
async function observerSeesQuadrants(observer) {
  await eventually(async () => {
    const probe = await sampleVideo(observer, '[data-testid=observed-video]', []);
    assert.ok(probe.w > 0, 'the observer has video');
    const { w, h } = probe;
    const points = [[w / 4, h / 4], [3 * w / 4, h / 4], [w / 4, 3 * h / 4], [3 * w / 4, 3 * h / 4]];
    const { colours } = await sampleVideo(observer, '[data-testid=observed-video]', points);
    colours.forEach((c, i) => assert.ok(near(c, QUADRANT_COLOURS[i]), `quadrant ${i}: ${c}`));
  }, { timeoutMs: 60_000 });
}

const says = (page, testId, text, timeout = 30_000) =>
  page.getByTestId(testId).filter({ hasText: text }).waitFor({ timeout });

/** Painted pixels of the observer's annotation layer, and the drawings it says it shows. */
const inkOf = (observer) => observer.evaluate(() => {
  const c = document.querySelector('[data-testid=observer-overlay]');
  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  let painted = 0;
  for (let i = 3; i < d.length; i += 4) if (d[i] > 0) painted++;
  return { painted, drawables: c.dataset.drawables };
});

describe('CoView stack: observers', { skip }, () => {
  const pages = useStackPages({ captureTitle: TITLE });

  it('an observer sees the share and the ink, reads the state, and is ended when the agent ends', async () => {
    const contexts = await Promise.all([1, 2, 3, 4].map(() => pages.browser.newContext({ viewport: VIEWPORT })));
    const [agentContext, customerContext, observerContext, strangerContext] = contexts;
    try {
      const agent = await agentContext.newPage();
      await agent.goto(`${pages.base}/agent/`);
      assert.ok(await agent.getByTestId('invite-observer').isDisabled(), 'no observer without a session');
      assert.equal(await agent.getByTestId('observer-hint').textContent(), 'Start a session first.');
      const room = await newSession(agent, pages.base);
      await openQuadrants(customerContext, pages.server.url);
      const customer = await customerContext.newPage();
      await joinAndShare(customer, pages.base, room.joinCode);

      const { link, participantId } = await inviteObserver(agent);
      assert.match(link, /\/observe\/#observe=[A-Za-z0-9_-]{43}$/, 'the credential travels in the fragment only');
      const observer = await observerContext.newPage();
      const t = Date.now();
      await observer.goto(link);
      await observerSeesQuadrants(observer);
      console.log(`observer link opened → the customer's share on the observer's page: ${Date.now() - t} ms`);
      assert.ok(!observer.url().includes('#observe'), 'the spent credential leaves the address bar');
      await says(observer, 'observer-customer', 'The customer is sharing their screen');
      await says(observer, 'observer-agent', 'The agent is here');
      // The agent and the customer both see who watches.
      await agent.getByRole('list', { name: 'Participants' }).locator('[data-role=observer]').waitFor();
      await customer.getByTestId('viewers').locator('li[data-role=observer]').waitFor();
      // Nothing on the observer's page draws, freezes, records or ends.
      for (const id of ['end-session', 'freeze', 'record', 'snapshot']) {
        assert.equal(await observer.getByTestId(id).count(), 0, `no ${id} control`);
      }

      // A copy of the link (leaked, forwarded) is worth nothing once the observer opened it.
      const stranger = await strangerContext.newPage();
      await stranger.goto(link);
      await stranger.getByTestId('session-ended').and(stranger.locator('[data-reason=refused]')).waitFor();
      assert.equal(await stranger.getByTestId('observed-video').count(), 0);

      // The agent's ink, on the observer's page.
      await penStroke(agent);
      await eventually(async () => {
        const ink = await inkOf(observer);
        assert.equal(ink.drawables, '1');
        assert.ok(ink.painted > 50, `ink painted on the observer's layer (${ink.painted} px)`);
      });

      // The customer's pause, in words.
      await customer.getByTestId('pause').click();
      await says(observer, 'observer-customer', 'The customer paused sharing');
      await customer.getByTestId('pause').click();
      await says(observer, 'observer-customer', 'The customer is sharing their screen');
      assert.ok(participantId);

      // The agent ends: the observer's page ends with the reason and forgets the way back in.
      const ended = Date.now();
      await agent.getByTestId('end-session').click();
      await observer.getByTestId('session-ended').and(observer.locator('[data-reason=agent]')).waitFor();
      console.log(`End click → observer's page ended: ${Date.now() - ended} ms`);
      assert.equal(await observer.getByTestId('ended-reason').textContent(), 'The agent ended the session.');
      assert.equal(await observer.evaluate(() => localStorage.getItem('coview.observerRejoin')), null);
      assert.ok(await agent.getByTestId('invite-observer').isDisabled(), 'no observer link after the end');
    } finally {
      await Promise.all(contexts.map((c) => c.close()));
    }
  });

  it('the agent revokes an observer: their page ends, and a link revoked before use opens nothing', async () => {
    const contexts = await Promise.all([1, 2, 3].map(() => pages.browser.newContext({ viewport: VIEWPORT })));
    const [agentContext, observerContext, laterContext] = contexts;
    try {
      const agent = await agentContext.newPage();
      await newSession(agent, pages.base);
      const watching = await inviteObserver(agent);
      const observer = await observerContext.newPage();
      await observer.goto(watching.link);
      await says(observer, 'observer-agent', 'The agent is here');
      await says(observer, 'observer-customer', 'Waiting for the customer to join');
      // A reload brings the observer back (this browser's next credential), still the same observer.
      const rejoined = observer.waitForResponse((r) => r.url().endsWith('/api/rooms/rejoin'));
      await observer.reload();
      assert.equal((await (await rejoined).json()).participantId, watching.participantId);
      await says(observer, 'observer-agent', 'The agent is here');

      const t = Date.now();
      await agent.getByTestId(`revoke-observer-${watching.participantId}`).click();
      await observer.getByTestId('session-ended').and(observer.locator('[data-reason=removed]')).waitFor();
      console.log(`Revoke click → observer's page ended: ${Date.now() - t} ms`);
      assert.match(await observer.getByTestId('ended-reason').textContent(), /removed you/);

      const unused = await inviteObserver(agent);
      await agent.getByTestId(`revoke-observer-${unused.participantId}`).click();
      await agent.getByText('Revoked: this link and its observer are out').nth(1).waitFor();
      const later = await laterContext.newPage();
      await later.goto(unused.link);
      await later.getByTestId('session-ended').and(later.locator('[data-reason=refused]')).waitFor();
      assert.match(await later.getByTestId('ended-reason').textContent(), /removed/);
    } finally {
      await Promise.all(contexts.map((c) => c.close()));
    }
  });
});

describe(`CoView stack: a room at the end of its lifetime (${LIFETIME_S} s)`, { skip }, () => {
  const pages = useStackPages({ captureTitle: TITLE,
    env: { COVIEW_ROOM_MAX_LIFETIME: `${LIFETIME_S}s`, COVIEW_ROOM_EXPIRY_SWEEP_INTERVAL: '1s' } });

  it('ends the agent\'s, the customer\'s and the observer\'s pages with the reason "expired"', async () => {
    const contexts = await Promise.all([1, 2, 3].map(() => pages.browser.newContext({ viewport: VIEWPORT })));
    const [agentContext, customerContext, observerContext] = contexts;
    await customerContext.addInitScript(recordCaptures);
    try {
      const agent = await agentContext.newPage();
      const room = await newSession(agent, pages.base);
      await openQuadrants(customerContext, pages.server.url);
      const customer = await customerContext.newPage();
      await joinAndShare(customer, pages.base, room.joinCode);
      const observer = await observerContext.newPage();
      await observer.goto((await inviteObserver(agent)).link);
      await says(observer, 'observer-agent', 'The agent is here');

      // Nothing to do but wait for the pages to say so: the room's lifetime ends while everybody is connected.
      const timeout = (LIFETIME_S + 60) * 1000;
      await customer.getByTestId('session-ended').and(customer.locator('[data-reason=expired]')).waitFor({ timeout });
      console.log(`end of the room's lifetime → customer's page ended: ${Date.now() - Date.parse(room.expiresAt)} ms `
        + '(sweep every 1 s)');
      const trackEnd = await customer.waitForFunction(() => window.__captures.length > 0
        && window.__captures.every((s) => s.getTracks().every((track) => track.readyState === 'ended'))
        && { ms: performance.now() - window.__signalClosedAt }, null, { polling: 'raf', timeout: 10_000 });
      const { ms } = await trackEnd.jsonValue();
      console.log(`room expired → every customer capture track ended ${Math.round(ms)} ms after the page learnt it `
        + '(signaling closed with 4000 "room ended: expired")');
      assert.equal(await customer.getByTestId('ended-reason').textContent(),
        'The session expired: it reached its time limit.');
      assert.equal(await customer.getByTestId('stop').count(), 0, 'no share controls after the end');

      await observer.getByTestId('session-ended').and(observer.locator('[data-reason=expired]')).waitFor();
      await agent.getByTestId('session-ended').filter({ hasText: 'The session expired' }).waitFor();
      assert.ok(await agent.getByTestId('freeze').isDisabled());
      assert.ok(await agent.getByTestId('record').isDisabled());
      assert.ok(await agent.getByTestId('invite-observer').isDisabled());
      assert.equal(await agent.getByTestId('observer-hint').textContent(), 'Start a session first.');
    } finally {
      await Promise.all(contexts.map((c) => c.close()));
    }
  });
});
