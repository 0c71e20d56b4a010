// WCAG 2.1 AA on every page state, through the real stack with a real share: axe-core (harness/axe.mjs, the WCAG 2.1
// A and AA rules, none turned off) finds no violation on the home page, the agent console before and with a session,
// with the share, frozen, after the end; the customer page at the code, the consent, sharing, paused, frozen, with
// each dialog open (a link, a recording consent), with the crop request, ended; the observer page; the widget on a
// host page. And what axe cannot see: the dialogs keep the keyboard (focus moves in, Tab and Shift+Tab stay inside,
// Escape closes and answers no, focus goes back where it was); what the other side does is said in the page's live
// region (the customer's pause to the agent; the freeze, the recording and the crop request to the customer);
// Freeze and Snapshot have shortcuts (Alt+Shift+F/S always, F alone only while letter shortcuts are on); every
// control reached by Tab shows a focus ring; a reduced-motion customer's page runs no animation.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { VIEWPORT } from '../harness/browser.mjs';
import { axeViolations } from '../harness/axe.mjs';
import { openQuadrants, shareAlone, TITLE } from '../harness/customer.mjs';
import { AGENT_KEY, REPO_ROOT, stackMissing } from '../harness/stack.mjs';
import { joinByCode, newSession } from '../harness/session.mjs';
import { useStackPages } from '../harness/stackPages.mjs';
import { startStaticServer } from '../harness/staticServer.mjs';

const missing = stackMissing();

/** Runs axe on each page (or frame) in its named state; every violation is collected and reported at the end. */
function auditor() {
  const found = [];
  return {
    check: async (state, target) => {
      const violations = await axeViolations(target);
      found.push(...violations.map((v) => `${state}: ${v}`));
      console.log(`axe, ${state}: ${violations.length} violations`);
    },
    found,
  };
}

/** What the page's live region (ui/announcer.ts) says, waited for. */
const announced = (page, text) => page.waitForFunction(
  (t) => document.querySelector('[data-testid=announcer]')?.textContent.includes(t), text, { timeout: 30_000 });

/** The test id (or tag) of the focused element, and whether a dialog holds it. */
const focused = (page) => page.evaluate(() => {
  const el = document.activeElement;
  return { id: el?.dataset?.testid ?? el?.tagName.toLowerCase(), inDialog: Boolean(el?.closest('dialog[open]')) };
});

/** Tab and Shift+Tab several times round the open dialog: the focus never leaves it. */
async function focusStaysIn(page, state) {
  for (const key of ['Tab', 'Tab', 'Tab', 'Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab']) {
    await page.keyboard.press(key);
    const at = await focused(page);
    assert.ok(at.inDialog, `${state}: after ${key} the focus is on ${at.id}, outside the dialog`);
  }
}

/**
 * Tabs through the first {@code count} stops of the page from its top: each focused control shows a ring (an outline
 * at least 2 px wide). Returns the controls that show none.
 */
async function withoutFocusRing(page, count) {
  await page.evaluate(() => document.activeElement?.blur());
  const missingRing = [];
  for (let i = 0; i < count; i++) {
    await page.keyboard.press('Tab');
    const ring = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      return { id: el.dataset.testid ?? el.getAttribute('aria-label') ?? el.textContent.trim().slice(0, 30),
        ok: el.matches(':focus-visible') && style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 };
    });
    if (ring && !ring.ok) missingRing.push(ring.id);
  }
  return missingRing;
}

/**
 * A dialog the other side opens on {@code page}: with the focus on {@code openerId} first, {@code open} makes the
 * dialog appear; it must take the focus, pass axe, keep the focus through Tab and Shift+Tab, close on Escape and
 * give the focus back to the opener. Returns the dialog's locator.
 */
async function dialogKeepsKeyboard(page, axe, openerId, name, open) {
  await page.getByTestId(openerId).focus();
  await open();
  const dialog = page.getByRole('dialog', { name });
  await dialog.waitFor();
  assert.ok((await focused(page)).inDialog, `"${name}" took the focus`);
  await axe.check(`customer, dialog "${name}"`, page);
  await focusStaysIn(page, name);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  assert.equal((await focused(page)).id, openerId, `the focus went back to ${openerId}`);
  return dialog;
}

describe('CoView stack: accessibility on every page state', { skip: missing ? `stack not available: ${missing}` : false },
  () => {
    // The widget's host page: its origin must be allowed to frame CoView before room-service starts.
    const env = {};
    let host;
    before(async () => {
      host = await startStaticServer({ '/': `${REPO_ROOT}web-client/examples/` });
      env.COVIEW_ROOM_EMBED_ORIGINS = host.url;
    });
    after(() => host?.close());
    const pages = useStackPages({ captureTitle: TITLE, env });

    it('a session from start to end: axe, dialogs, live regions, shortcuts, focus rings, reduced motion', async () => {
      const contexts = await Promise.all([
        pages.browser.newContext({ viewport: VIEWPORT }),
        pages.browser.newContext({ viewport: VIEWPORT, reducedMotion: 'reduce' }),
        pages.browser.newContext({ viewport: VIEWPORT }),
      ]);
      const [agentContext, customerContext, observerContext] = contexts;
      const axe = auditor();
      try {
        const agent = await agentContext.newPage();
        await agent.goto(`${pages.base}/`);
        await axe.check('home', agent);
        await agent.goto(`${pages.base}/agent/`);
        await agent.getByTestId('new-session').waitFor();
        await axe.check('agent console, no session', agent);
        const room = await newSession(agent, pages.base);
        await axe.check('agent console, session ready', agent);

        const quadrants = await openQuadrants(customerContext, pages.server.url);
        const customer = await customerContext.newPage();
        await customer.goto(`${pages.base}/join/`);
        await customer.getByLabel('Session code').waitFor();
        await axe.check('customer, code', customer);
        await joinByCode(customer, pages.base, room.joinCode);
        await axe.check('customer, consent', customer);
        await shareAlone(quadrants, customer);
        await agent.waitForFunction(() => document.querySelector('[data-testid=remote-video]')?.videoWidth > 0);
        await agent.getByTestId('customer-state').and(agent.locator('[data-phase=sharing]')).waitFor({ state: 'attached' });
        await axe.check('customer, sharing', customer);
        await axe.check('agent console, with the share', agent);
        assert.deepEqual(await withoutFocusRing(agent, 40), [], 'agent console: controls without a focus ring');
        assert.deepEqual(await withoutFocusRing(customer, 20), [], 'customer page: controls without a focus ring');

        // The customer pauses: the agent's live region says it.
        await customer.getByTestId('pause').click();
        await announced(agent, 'The customer paused sharing');
        await axe.check('customer, paused', customer);
        await axe.check('agent console, customer paused', agent);
        await customer.getByTestId('pause').click();
        await agent.getByTestId('customer-state').and(agent.locator('[data-phase=sharing]')).waitFor({ state: 'attached' });

        // Freeze by its shortcut with a modifier: the customer's live region says it.
        await agent.getByTestId('freeze').waitFor({ state: 'visible' });
        await agent.locator('body').press('Alt+Shift+F');
        await agent.getByTestId('freeze').and(agent.locator('[aria-pressed=true]')).waitFor();
        await announced(customer, 'Your agent froze this frame');
        await customer.getByTestId('frozen-banner').waitFor();
        await axe.check('agent console, frozen', agent);
        await axe.check('customer, frozen', customer);
        // F alone unfreezes while letter shortcuts are on (the default)…
        await agent.locator('body').press('f');
        await agent.getByTestId('freeze').and(agent.locator('[aria-pressed=false]')).waitFor();
        await customer.getByTestId('frozen-view').waitFor({ state: 'hidden' });
        // …and does nothing once they are off, while Alt+Shift+S still takes a snapshot (keys are handled in order:
        // once the snapshot is listed, the F before it has been handled).
        await agent.getByTestId('single-key-shortcuts').uncheck();
        const snapshots = await agent.getByTestId('snapshot-list').locator('li').count();
        await agent.locator('body').press('f');
        await agent.locator('body').press('Alt+Shift+S');
        await agent.getByTestId('snapshot-list').locator('li').nth(snapshots).waitFor();
        assert.equal(await agent.getByTestId('freeze').getAttribute('aria-pressed'), 'false',
          'F alone froze with letter shortcuts off');

        // A link from the agent: the dialog takes the focus, keeps it, Escape declines, the focus comes back.
        await dialogKeepsKeyboard(customer, axe, 'pause', 'Your agent wants to open a link for you', async () => {
          await agent.getByLabel('Link for the customer').fill(`${pages.server.url}/fixtures/reference.html`);
          await agent.getByTestId('reference-send').click();
        });
        await agent.getByTestId('references').getByText('Declined').waitFor();

        // The agent asks to record: the same for the consent dialog, and the live region says when it runs.
        const consent = await dialogKeepsKeyboard(customer, axe, 'paint-mask', 'May your agent record this session?',
          () => agent.getByTestId('record').click());
        await agent.getByTestId('record').click();
        await consent.getByRole('button', { name: 'Allow recording' }).click();
        await announced(customer, 'Recording: your agent is recording this session');
        await axe.check('customer, recording', customer);
        await axe.check('agent console, recording', agent);
        await agent.getByTestId('record-stop').click();

        // The agent asks for a new crop: said in the live region; the reduced-motion customer sees no pulse.
        await agent.getByTestId('crop-request').click();
        await announced(customer, 'Your agent asks you to adjust the area you share');
        await axe.check('customer, crop request', customer);
        await customer.getByTestId('crop-request-adjust').click();
        await customer.locator('[data-testid=crop-rect].requested').waitFor();
        assert.equal(await customer.evaluate(() => document.getAnimations().length), 0,
          'an animation runs for a reduced-motion customer');

        // The observer, with the share.
        await agent.getByTestId('invite-observer').click();
        const observer = await observerContext.newPage();
        await observer.goto(await agent.getByTestId('observer-link').inputValue());
        await observer.waitForFunction(() => document.querySelector('[data-testid=observed-video]')?.videoWidth > 0);
        await axe.check('observer, with the share', observer);

        // The end, on every page.
        await agent.getByTestId('end-session').click();
        await customer.getByTestId('session-ended').waitFor();
        await observer.getByTestId('session-ended').waitFor();
        await agent.getByTestId('session-ended').waitFor();
        await axe.check('customer, ended', customer);
        await axe.check('observer, ended', observer);
        await axe.check('agent console, ended', agent);

        // The widget: the console embedded in a host page on another origin.
        const hostPage = await agentContext.newPage();
        await hostPage.goto(`${host.url}/host.html`);
        await hostPage.getByLabel('CoView address').fill(pages.stack.roomUrl);
        await hostPage.getByLabel('Show').selectOption('agent');
        await hostPage.getByLabel('Agent key (agent console)').fill(AGENT_KEY);
        await hostPage.getByRole('button', { name: 'Embed CoView' }).click();
        await hostPage.getByRole('status').getByText('CoView is ready.').waitFor();
        const frame = hostPage.frames().find((f) => f.url().includes('/agent/'));
        await frame.getByTestId('new-session').waitFor();
        await axe.check('widget host page', hostPage);
        await axe.check('widget, agent console in the frame', frame);

        assert.deepEqual(axe.found, [], 'WCAG 2.1 AA violations');
      } finally {
        await Promise.all(contexts.map((c) => c.close()));
      }
    });
  });
