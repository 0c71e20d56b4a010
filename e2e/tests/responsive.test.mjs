// The pages at the widths people use them, through the real stack with a real share flowing: a phone (360 px, the
// customer), a CRM utility panel (400 px, the agent's console embedded in Salesforce), a tablet (768), a laptop
// (1280), a desktop (1920) and 4K (3840, the agent and the observer). One session for all widths: the customer
// shares the quadrants tab, an observer watches, and at every width each page must have no horizontal scroll, every
// control reachable (inside the width, and the topmost element at its centre once scrolled to: not clipped, not
// covered), and the main picture at least half the viewport wide — the agent's and the observer's video, the
// customer's crop preview (the source as shown under the crop rectangle). Screenshots (full page) go to
// target/screenshots/responsive-<page>-<width>.png.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SCREENSHOTS, VIEWPORT } from '../harness/browser.mjs';
import { openQuadrants, shareAlone, TITLE } from '../harness/customer.mjs';
import { eventually } from '../harness/eventually.mjs';
import { layoutProblems, widthOf } from '../harness/layout.mjs';
import { joinByCode, newSession } from '../harness/session.mjs';
import { stackMissing } from '../harness/stack.mjs';
import { useStackPages } from '../harness/stackPages.mjs';

const missing = stackMissing();

/** Width → viewport height (a phone is taller than wide; the others as their screens). */
const SIZES = [[360, 740], [400, 800], [768, 1024], [1280, 800], [1920, 1080], [3840, 2160]];
/** The smallest width each page is made for. */
const FROM = { customer: 360, agent: 400, observer: 400 };
/** The main picture of each page, which must take at least half the width. */
const MAIN = {
  customer: '[data-testid=crop-layer]',
  agent: '[data-testid=remote-video]',
  observer: '[data-testid=observed-video]',
};

/** Whether a <video> on the page plays the share (frames decoded), so the layout is checked with the real picture. */
const playing = (page, selector) => page.waitForFunction(
  (s) => document.querySelector(s)?.videoWidth > 0, selector, { timeout: 30_000 });

describe('CoView stack: the pages from 360 px to 4K', { skip: missing ? `stack not available: ${missing}` : false }, () => {
  const pages = useStackPages({ captureTitle: TITLE });

  it('no horizontal scroll, every control reachable, the main picture at least half the width', async () => {
    const contexts = await Promise.all([1, 2, 3].map(() => pages.browser.newContext({ viewport: VIEWPORT })));
    const [agentContext, customerContext, observerContext] = contexts;
    try {
      const agent = await agentContext.newPage();
      const room = await newSession(agent, pages.base);
      const quadrants = await openQuadrants(customerContext, pages.server.url);
      const customer = await customerContext.newPage();
      await joinByCode(customer, pages.base, room.joinCode);
      await shareAlone(quadrants, customer);
      await agent.getByTestId('invite-observer').click();
      const observer = await observerContext.newPage();
      await observer.goto(await agent.getByTestId('observer-link').inputValue());
      await Promise.all([playing(agent, MAIN.agent), playing(observer, MAIN.observer), playing(customer, '#outgoing')]);

      const all = { customer, agent, observer };
      const failures = [];
      for (const [width, height] of SIZES) {
        for (const [name, page] of Object.entries(all)) {
          if (width < FROM[name]) continue;
          await page.setViewportSize({ width, height });
          // The preview and the overlays lay themselves out on ResizeObserver callbacks: polled, not waited for.
          const main = await eventually(async () => {
            const w = await widthOf(page, MAIN[name]);
            assert.ok(w >= width / 2, `${name} at ${width} px: the main picture is ${Math.round(w)} px wide`);
            return w;
          }, { timeoutMs: 5_000 }).catch((e) => {
            failures.push(e.message);
            return 0;
          });
          // The crop rectangle and its handles are placed by the same ResizeObserver callbacks, one frame after the
          // picture: also polled (a check right after the picture grew read the rectangle at the old width once).
          const problems = await eventually(async () => {
            const found = await layoutProblems(page);
            assert.deepEqual(found, []);
            return found;
          }, { timeoutMs: 5_000 }).catch(() => layoutProblems(page));
          failures.push(...problems.map((p) => `${name} at ${width} px: ${p}`));
          await page.screenshot({ path: `${SCREENSHOTS}responsive-${name}-${width}.png`, fullPage: true });
          const scroll = await page.evaluate(() => document.documentElement.scrollHeight);
          console.log(`${name} at ${width}×${height}: main picture ${Math.round(main)} px wide `
            + `(${Math.round((100 * main) / width)} %), page ${scroll} px tall, ${problems.length} layout problems`);
        }
      }
      assert.deepEqual(failures, []);
      // The share still flows after all the resizing (the layout never stopped the media).
      assert.ok(await agent.evaluate(() => document.querySelector('[data-testid=remote-video]').videoWidth > 0));
    } finally {
      await Promise.all(contexts.map((c) => c.close()));
    }
  });
});
