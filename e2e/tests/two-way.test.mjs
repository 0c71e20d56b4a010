// Two-way sharing through the real stack (deploy/local's Redis, Kafka and the three packaged services) in real
// Chromium, one stack for every scenario: the agent shares a coloured tab from the console with a crop, and the
// customer's page shows it large with the agent's crop (size and pixels); the customer draws on it and the agent
// sees the ink over their own preview; both share at once (the customer switches between their screen and theirs);
// one share stops and the other keeps flowing (a colour changed in the shared tab after the stop reaches the other
// side); the agent draws on and freezes their own share (the customer sees the ink in place and the still); an
// observer sees the agent's share; customer and agent reload and both shares and the ink come back; under the
// one-at-a-time policy a second share is refused in words. Prints the agent's Share → customer's first frame,
// Freeze → customer's still and reload timings. Pages come from room-service when it serves this build.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { collectConsole, SCREENSHOTS, VIEWPORT } from '../harness/browser.mjs';
import { cropOf, cropToCentre, openQuadrants, QUADRANT_COLOURS, showsCrop, TITLE } from '../harness/customer.mjs';
import { eventually } from '../harness/eventually.mjs';
import { stackMissing } from '../harness/stack.mjs';
import { closeStackPages, openStackPages } from '../harness/stackPages.mjs';
import { dragAcross, joinByCode, newSession } from '../harness/session.mjs';

const missing = stackMissing();
const PURPLE = [128, 0, 255];

/** Non-transparent pixels of a canvas (an annotation layer): ink shows there. */
const inkedPixels = (page, testId) => page.evaluate((id) => {
  const c = document.querySelector(`[data-testid=${id}]`);
  if (!c || !c.width) return 0;
  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  let n = 0;
  for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
  return n;
}, testId);

/**
 * Whether {@code canvasTestId}'s layer has ink at ({@code fx}, {@code fy}) of the picture it lies over (fractions of
 * the picture's letterboxed content box, the picture's size from {@code pictureSelector}: a video or the still):
 * the highest alpha in a 9×9 backing-store pixel square there.
 */
const inkAt = (page, canvasTestId, pictureSelector, fx, fy) => page.evaluate(({ id, sel, fx, fy }) => {
  const c = document.querySelector(`[data-testid=${id}]`);
  const p = document.querySelector(sel);
  const pw = p.videoWidth ?? p.naturalWidth;
  const ph = p.videoHeight ?? p.naturalHeight;
  if (!c || !c.width || !pw) return 0;
  const scale = Math.min(c.clientWidth / pw, c.clientHeight / ph);
  const x = ((c.clientWidth - pw * scale) / 2 + fx * pw * scale) * (c.width / c.clientWidth);
  const y = ((c.clientHeight - ph * scale) / 2 + fy * ph * scale) * (c.height / c.clientHeight);
  const d = c.getContext('2d').getImageData(Math.round(x) - 4, Math.round(y) - 4, 9, 9).data;
  let max = 0;
  for (let i = 3; i < d.length; i += 4) max = Math.max(max, d[i]);
  return max;
}, { id: canvasTestId, sel: pictureSelector, fx, fy });

/** A pen stroke on {@code page}'s layer from (fx0, fy0) to (fx1, fy1) of its picture's content box. */
async function strokeOnPicture(page, canvasTestId, pictureSelector, [fx0, fy0], [fx1, fy1]) {
  const box = await page.getByTestId(canvasTestId).boundingBox();
  const size = await page.locator(pictureSelector).evaluate((v) => ({ w: v.videoWidth, h: v.videoHeight }));
  const scale = Math.min(box.width / size.w, box.height / size.h);
  const at = (fx, fy) => [box.x + (box.width - size.w * scale) / 2 + fx * size.w * scale,
    box.y + (box.height - size.h * scale) / 2 + fy * size.h * scale];
  await page.mouse.move(...at(fx0, fy0));
  await page.mouse.down();
  await page.mouse.move(...at(fx1, fy1), { steps: 8 });
  await page.mouse.up();
}

describe('CoView stack: two-way sharing', { skip: missing ? `stack not available: ${missing}` : false }, () => {
  let stack;
  let server;
  let browser;
  let base;
  let agentContext;
  let customerContext;
  let agent;
  let customer;
  let quadrants;
  const lines = [];
  /** The whole captured tab, and the agent's crop of it. */
  let source;
  let agentCrop;

  before(async () => {
    ({ stack, server, base, browser } = await openStackPages({ captureTitle: TITLE }));
    agentContext = await browser.newContext({ viewport: VIEWPORT });
    customerContext = await browser.newContext({ viewport: VIEWPORT });
    collectConsole({ agent: agentContext, customer: customerContext }, lines);
    agent = await agentContext.newPage();
    const room = await newSession(agent, base);
    // One coloured tab, captured by both sides (the auto-selection picks it by title for either).
    quadrants = await openQuadrants(agentContext, server.url);
    customer = await customerContext.newPage();
    await joinByCode(customer, base, room.joinCode);
  });

  after(async () => {
    await agent?.screenshot({ path: `${SCREENSHOTS}two-way-agent.png` }).catch(() => undefined);
    await customer?.screenshot({ path: `${SCREENSHOTS}two-way-customer.png` }).catch(() => undefined);
    await closeStackPages({ browser, stack, server });
  });

  /**
   * The customer shares the quadrants tab (the whole of it); its crop once known. A new capture of an unchanged tab
   * has no first frame: the tab's top left changes (back) to red.
   */
  async function customerSharesTab() {
    await customer.getByTestId('share').click();
    await customer.getByTestId('outgoing').waitFor({ state: 'attached', timeout: 60_000 });
    await quadrants.evaluate(() => (document.getElementById('tl').style.background = '#ff0000'));
    return eventually(async () => {
      const c = await cropOf(customer);
      assert.ok(c.w > 0);
      return c;
    }, { timeoutMs: 60_000 });
  }

  /** Prints both pages' console when a scenario fails. */
  const traced = (fn) => async () => {
    try {
      await fn();
    } catch (e) {
      console.log(lines.join('\n'));
      throw e;
    }
  };

  it('the agent shares a coloured tab with a crop; the customer sees it large, cropped as the agent chose', traced(async () => {
    const clicked = Date.now();
    await agent.getByTestId('own-share-start').click();
    source = await eventually(async () => {
      const whole = await cropOf(agent);
      assert.ok(whole.w > 0, 'the source size is known');
      return whole;
    }, { timeoutMs: 60_000 });
    await customer.getByTestId('agent-video').waitFor({ state: 'visible', timeout: 60_000 });
    await customer.waitForFunction(() => document.querySelector('[data-testid=agent-video]').videoWidth > 0,
      null, { timeout: 60_000 });
    console.log(`agent's Share → customer's first frame: ${Date.now() - clicked} ms`);
    await cropToCentre(agent);
    agentCrop = await cropOf(agent);
    assert.ok(agentCrop.w < source.w && agentCrop.h < source.h, 'a real crop');
    await showsCrop(customer, '[data-testid=agent-video]', agentCrop, source);
    // Large: the agent's screen takes the page's width, above the customer's own consent step.
    const box = await customer.getByTestId('agent-video').boundingBox();
    assert.ok(box.width > VIEWPORT.width * 0.8, `the agent's screen is ${box.width} px wide`);
    assert.equal(await customer.getByTestId('their-screen').getAttribute('data-view'), 'theirs');
    assert.ok(await customer.getByTestId('share').isVisible(), 'the customer can still share their own screen');
  }));

  it('the customer draws on the agent\'s share and the agent sees the ink over their preview', traced(async () => {
    const before = await inkedPixels(agent, 'own-share-overlay');
    await customer.locator('[data-testid=their-screen] [data-tool=pen]').click();
    await dragAcross(customer, await customer.locator('[data-testid=their-screen] [data-testid=overlay]').boundingBox());
    await eventually(async () => {
      assert.equal(await agent.getByTestId('own-share-overlay').getAttribute('data-drawables'), '1');
      assert.ok(await inkedPixels(agent, 'own-share-overlay') > before + 50, 'ink painted on the agent\'s preview');
    });
    // Drawn on the agent's share only: nothing on the customer's (where the agent's drawings of it would show).
    assert.equal(await agent.getByTestId('overlay').evaluate((c) => c.dataset.drawables ?? '0'), '0');
  }));

  it('both share at once: each sees the other, and the customer switches between the two screens', traced(async () => {
    const customerCrop = await customerSharesTab();
    // The customer shares the whole tab; the agent's share keeps its crop.
    await showsCrop(agent, '[data-testid=remote-video]', customerCrop, customerCrop);
    await showsCrop(customer, '[data-testid=agent-video]', agentCrop, source);
    assert.ok(await customer.getByTestId('view-theirs').isVisible());
    await customer.getByTestId('view-yours').click();
    assert.ok(await customer.getByTestId('outgoing').isVisible(), 'your screen shown');
    assert.ok(await customer.getByTestId('their-screen').isHidden(), 'their screen hidden');
    await customer.getByTestId('view-theirs').click();
    assert.ok(await customer.getByTestId('their-screen').isVisible());
    assert.ok(await customer.getByTestId('outgoing').isHidden());
  }));

  it('one stops, the other keeps flowing: the agent stops, then the customer', traced(async () => {
    const customerCrop = await cropOf(customer);
    await agent.getByTestId('stop').click();
    await customer.getByTestId('their-screen').waitFor({ state: 'hidden' });
    assert.ok(await customer.getByTestId('outgoing').isVisible(), 'the customer\'s own view is back');
    // The tab changes colour after the stop: the customer's share still brings the change to the agent.
    await quadrants.evaluate(() => (document.getElementById('tl').style.background = '#8000ff'));
    await showsCrop(agent, '[data-testid=remote-video]', customerCrop, customerCrop, [PURPLE, ...QUADRANT_COLOURS.slice(1)]);

    // The agent shares again (same connection, no new offer needed) and the customer stops this time. A tab that
    // does not change gives a new capture no first frame: the colour goes back to red once the capture runs.
    await agent.getByTestId('own-share-start').click();
    await agent.getByTestId('crop-rect').waitFor({ state: 'attached', timeout: 60_000 });
    await quadrants.evaluate(() => (document.getElementById('tl').style.background = '#ff0000'));
    await eventually(async () => assert.ok((await cropOf(agent)).w > 0), { timeoutMs: 60_000 });
    await customer.getByTestId('agent-video').waitFor({ state: 'visible', timeout: 60_000 });
    // The agent's share came back to the front; the customer's Stop is on their own screen.
    await customer.getByTestId('view-yours').click();
    await customer.getByTestId('stop').click();
    await customer.getByTestId('share').waitFor();
    // Changed after the customer's stop: the agent's share still brings it to the customer.
    await quadrants.evaluate(() => (document.getElementById('tl').style.background = '#8000ff'));
    const again = await cropOf(agent);
    await showsCrop(customer, '[data-testid=agent-video]', again, source, [PURPLE, ...QUADRANT_COLOURS.slice(1)]);
    assert.equal(await customer.getByTestId('their-screen').getAttribute('data-view'), 'theirs');
  }));
  it('the agent draws on their own share and freezes it: the customer sees the ink where the agent drew it, and the frozen still with it', traced(async () => {
    // The console's main view shows the agent's own share (as the customer receives it).
    await agent.getByTestId('console-view-own').click();
    await agent.getByTestId('own-video').waitFor({ state: 'visible' });
    await agent.waitForFunction(() => document.querySelector('[data-testid=own-video]').videoWidth > 0, null,
      { timeout: 60_000 });
    assert.ok(await agent.getByTestId('overlay').isHidden(), 'the customer\'s layer is not the one drawn on');
    await agent.locator('[data-tool=pen]').click();
    // Off-centre (a stroke mapped through the wrong crop or the whole source would land elsewhere).
    await strokeOnPicture(agent, 'own-overlay', '[data-testid=own-video]', [0.2, 0.25], [0.3, 0.35]);
    const agentVideo = '[data-testid=agent-video]';
    await eventually(async () => {
      assert.ok(await inkAt(customer, 'overlay', agentVideo, 0.25, 0.3) > 0, 'the ink at the customer, where drawn');
    });
    assert.equal(await inkAt(customer, 'overlay', agentVideo, 0.75, 0.7), 0, 'and not elsewhere');
    // Drawn on the agent's share: the customer's share (in the agent's drawings of it) holds none of it.
    await eventually(async () => assert.equal(await agent.getByTestId('own-share-overlay').getAttribute('data-drawables'),
      '2', 'the customer\'s stroke and the agent\'s, both on the agent\'s share'));

    // Freeze takes the share in view: the customer sees the very still over the agent's screen, the ink on it.
    const clicked = Date.now();
    await agent.getByTestId('freeze').click();
    const snapshotId = await eventually(async () => {
      const id = await agent.getByTestId('agent-still').getAttribute('data-snapshot-id');
      assert.ok(id, 'the still is stored');
      return id;
    }, { timeoutMs: 30_000 });
    assert.equal(await agent.getByTestId('agent-still').getAttribute('data-share-id'), 'agent');
    await customer.getByTestId('their-frozen-view').waitFor({ state: 'visible', timeout: 30_000 });
    await eventually(async () => assert.equal(
      await customer.getByTestId('their-frozen-still').getAttribute('data-snapshot-id'), snapshotId), { timeoutMs: 30_000 });
    console.log(`Freeze of the agent's share → customer's still: ${Date.now() - clicked} ms`);
    assert.match(await customer.getByTestId('their-frozen-banner').textContent(), /froze this frame of their screen/);
    const still = '[data-testid=their-frozen-still]';
    await eventually(async () => {
      assert.ok(await inkAt(customer, 'their-frozen-overlay', still, 0.25, 0.3) > 0, 'the ink stays on the still');
    });
    // Snapshot while frozen: of the agent's share, listed.
    await agent.locator(`[data-testid=snapshot-list] li[data-snapshot-id="${snapshotId}"]`).waitFor({ timeout: 30_000 });
    const listed = await agent.locator('[data-testid=snapshot-list] li').count();
    await agent.getByTestId('snapshot').click();
    await eventually(async () => assert.equal(await agent.locator('[data-testid=snapshot-list] li').count(), listed + 1),
      { timeoutMs: 30_000 });
    await agent.getByTestId('freeze').click();
    await customer.getByTestId('their-frozen-view').waitFor({ state: 'hidden' });
    assert.ok(await agent.getByTestId('agent-still').isHidden());
  }));

  it('an observer sees the agent\'s share with the ink on it', traced(async () => {
    const invite = agent.getByTestId('observer-link');
    await agent.getByTestId('invite-observer').click();
    await invite.first().waitFor();
    const observerContext = await browser.newContext({ viewport: VIEWPORT });
    try {
      const observer = await observerContext.newPage();
      await observer.goto((await invite.first().inputValue()).replace(/^https?:\/\/[^/]+/, base));
      await observer.getByTestId('observer-agent-share').waitFor({ state: 'visible', timeout: 60_000 });
      // The tab's top left is purple since the scenario before last.
      await showsCrop(observer, '[data-testid=observed-agent-video]', await cropOf(agent), source,
        [PURPLE, ...QUADRANT_COLOURS.slice(1)]);
      await eventually(async () => assert.ok(
        await inkAt(observer, 'observer-agent-overlay', '[data-testid=observed-agent-video]', 0.25, 0.3) > 0));
    } finally {
      await observerContext.close();
    }
  }));

  it('the customer reloads, then the agent: both shares and the ink on the agent\'s come back', traced(async () => {
    const customerCrop = await customerSharesTab();
    const agentVideo = '[data-testid=agent-video]';

    let t0 = Date.now();
    await customer.reload();
    // Back as the same participant: the agent's share and the ink on it, then one click to share again.
    await customer.waitForFunction(() => document.querySelector('[data-testid=agent-video]')?.videoWidth > 0, null,
      { timeout: 60_000 });
    console.log(`customer's reload → agent's share back: ${Date.now() - t0} ms`);
    await showsCrop(customer, agentVideo, await cropOf(agent), source);
    await eventually(async () => assert.ok(await inkAt(customer, 'overlay', agentVideo, 0.25, 0.3) > 0, 'the ink is back'));
    await customer.getByTestId('share').click();
    // Repainted once the capture runs, as customerSharesTab does: a repaint before it starts is no change to the
    // capture, whose first frame of a still tab then hangs on Chromium's refresh request (every-share.test.mjs has
    // that case; here the picture must change after the share so that the agent's frame is the new share's).
    await customer.getByTestId('outgoing').waitFor({ state: 'attached', timeout: 60_000 });
    await quadrants.evaluate(() => (document.getElementById('tl').style.background = '#8000ff'));
    const purple = [PURPLE, ...QUADRANT_COLOURS.slice(1)];
    await showsCrop(agent, '[data-testid=remote-video]', customerCrop, customerCrop, purple);

    t0 = Date.now();
    await agent.reload();
    // The customer's share comes back to the reloaded console; the agent shares again and their ink is there.
    await showsCrop(agent, '[data-testid=remote-video]', customerCrop, customerCrop, purple);
    console.log(`agent's reload → customer's share back: ${Date.now() - t0} ms`);
    await agent.getByTestId('own-share-start').click();
    await agent.getByTestId('crop-rect').waitFor({ state: 'attached', timeout: 60_000 });
    await quadrants.evaluate(() => (document.getElementById('tl').style.background = '#ff0000'));
    await eventually(async () => assert.ok((await cropOf(agent)).w > 0), { timeoutMs: 60_000 });
    await customer.waitForFunction(() => document.querySelector('[data-testid=agent-video]')?.videoWidth > 0, null,
      { timeout: 60_000 });
    await agent.getByTestId('console-view-own').click();
    await agent.waitForFunction(() => document.querySelector('[data-testid=own-video]').videoWidth > 0, null,
      { timeout: 60_000 });
    await eventually(async () => assert.equal(await agent.getByTestId('own-share-overlay').getAttribute('data-drawables'), '2',
      'the drawings on the agent\'s share come back in the room\'s state'));
    await eventually(async () => assert.ok(await inkedPixels(agent, 'own-overlay') > 50, 'the agent\'s ink over their share'));
  }));

  it('one share at a time: under that policy a second share is refused, in words', traced(async () => {
    // The room's policy as GET /api/config states it (COVIEW_ROOM_SHARE_POLICY=one-at-a-time): this stack runs
    // `both` for the scenarios above, so the config answer is amended on its way to these two pages.
    const contexts = [];
    try {
      const pages = [];
      for (let i = 0; i < 2; i++) {
        const ctx = await browser.newContext({ viewport: VIEWPORT });
        contexts.push(ctx);
        await ctx.route('**/api/config', async (route) => {
          const real = await route.fetch();
          await route.fulfill({ response: real, json: { ...(await real.json()), sharePolicy: 'one-at-a-time' } });
        });
        collectConsole({ [`policy-${i}`]: ctx }, lines);
        pages.push(await ctx.newPage());
      }
      const [agent2, customer2] = pages;
      const room = await newSession(agent2, base);
      await joinByCode(customer2, base, room.joinCode);
      const repaint = (colour) => quadrants.evaluate((c) => (document.getElementById('tl').style.background = c), colour);
      await customer2.getByTestId('share').click();
      await customer2.getByTestId('crop-rect').waitFor({ state: 'attached', timeout: 60_000 });
      await repaint('#8000ff'); // a new capture of an unchanged tab has no first frame
      await eventually(async () => assert.ok((await cropOf(customer2)).w > 0), { timeoutMs: 60_000 });
      await agent2.waitForFunction(() => document.querySelector('[data-testid=customer-state]')?.dataset.phase === 'sharing',
        null, { timeout: 60_000 });
      await agent2.getByTestId('own-share-start').click();
      await eventually(async () => assert.match(await agent2.getByTestId('own-share-error').textContent(),
        /only one screen can be shared at a time/));
      assert.ok(await agent2.getByTestId('own-share').isHidden(), 'nothing was captured');
      // The customer stops; now the agent may share, and the customer's Share is refused while it runs.
      await customer2.getByTestId('stop').click();
      await agent2.waitForFunction(() => document.querySelector('[data-testid=customer-state]')?.dataset.phase !== 'sharing',
        null, { timeout: 60_000 });
      await agent2.getByTestId('own-share-start').click();
      await agent2.getByTestId('own-share').waitFor({ state: 'visible', timeout: 60_000 });
      await repaint('#ff0000');
      await customer2.waitForFunction(() => document.querySelector('[data-testid=agent-video]')?.videoWidth > 0, null,
        { timeout: 60_000 });
      await customer2.getByTestId('share').click();
      await eventually(async () => assert.match(await customer2.locator('main p.error[role=alert]').textContent(),
        /only one screen can be shared at a time/));
      assert.equal(await customer2.getByTestId('outgoing').count(), 0, 'the customer shares nothing');
    } finally {
      for (const ctx of contexts) await ctx.close();
    }
  }));
});
