// Two-way sharing through the real stack (deploy/local's Redis, Kafka and the three packaged services) in real
// Chromium, one stack for every scenario: the agent shares a coloured tab from the console with a crop, and the
// customer's page shows it large with the agent's crop (size and pixels); the customer draws on it and the agent
// sees the ink over their own preview; both share at once (the customer switches between their screen and theirs);
// one share stops and the other keeps flowing (a colour changed in the shared tab after the stop reaches the other
// side). Prints the agent's Share → customer's first frame. Pages come from room-service when it serves this build.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { near, sampleVideo, SCREENSHOTS, VIEWPORT } from '../harness/browser.mjs';
import { cropOf, cropToCentre, openQuadrants, QUADRANT_COLOURS, quadrantPoints, TITLE } from '../harness/customer.mjs';
import { eventually } from '../harness/eventually.mjs';
import { stackMissing } from '../harness/stack.mjs';
import { closeStackPages, openStackPages } from '../harness/stackPages.mjs';
import { dragAcross, joinByCode, newSession } from '../harness/session.mjs';

const missing = stackMissing();
const PURPLE = [128, 0, 255];

/** A video on {@code page} carries {@code crop}'s size and, at each quadrant's sample point, {@code colours}. */
async function showsCrop(page, selector, crop, source, colours = QUADRANT_COLOURS, timeoutMs = 60_000) {
  await eventually(async () => {
    const s = await sampleVideo(page, selector, quadrantPoints(crop, source));
    assert.deepEqual([s.w, s.h], [crop.w, crop.h], `${selector} has the crop's size`);
    s.colours.forEach((c, i) => assert.ok(near(c, colours[i]), `${selector} quadrant ${i}: ${c} ≠ ${colours[i]}`));
  }, { timeoutMs });
}

/** Non-transparent pixels of a canvas (an annotation layer): ink shows there. */
const inkedPixels = (page, testId) => page.evaluate((id) => {
  const c = document.querySelector(`[data-testid=${id}]`);
  if (!c || !c.width) return 0;
  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  let n = 0;
  for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
  return n;
}, testId);

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
    for (const [name, ctx] of [['agent', agentContext], ['customer', customerContext]]) {
      ctx.on('console', (m) => lines.push(`${name} ${m.type()}: ${m.text()}`));
      ctx.on('weberror', (e) => lines.push(`${name} error: ${e.error().message}`));
    }
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
    await customer.getByTestId('share').click();
    await customer.getByTestId('outgoing').waitFor({ state: 'attached', timeout: 60_000 });
    const customerCrop = await eventually(async () => {
      const c = await cropOf(customer);
      assert.ok(c.w > 0);
      return c;
    }, { timeoutMs: 60_000 });
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
});
