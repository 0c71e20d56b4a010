// Recording with the customer's consent, reference links and crop requests through the real stack (deploy/local's
// Redis, Kafka and the three packaged services) in real Chromium, agent and customer in two browser contexts:
// - a declined consent starts nothing (no recording in room-service, no indicator);
// - after consent the agent records ≥ 3 s (red indicator on both pages), stops; the recording appears in the
//   agent's list and downloads (through the page's Download button) as WebM: EBML magic and Segment/Info/Duration
//   > 3 s (room-service writes the Duration MediaRecorder leaves out), uploaded in several ~2 s chunks; Chromium
//   plays it with a finite duration;
// - an accepted link opens a new page with that URL in the customer's context, the agent sees "Opened"; a
//   declined one opens nothing and the agent sees "Declined";
// - *Ask to adjust the crop* shows the customer a prompt that focuses and highlights the crop rectangle;
// - the agent's tab closing while recording keeps what was uploaded (completed as a ready recording) and turns
//   the customer's indicator off;
// - the agent's browser dying while recording (SIGKILL: nothing tells the room): the customer's indicator stays
//   while the agent may come back, goes once the agent is lost (resume grace), and when the agent's restored tab
//   comes back it tells the room the recording stopped (its recorder died with the browser), so it stays off.
// Screenshots: the consent dialog, both pages while recording, the link prompt, the agent's lists, the crop prompt.
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { collectConsole, launchKillableChromium, SCREENSHOTS, VIEWPORT } from '../harness/browser.mjs';
import { openQuadrants, TITLE } from '../harness/customer.mjs';
import { eventually } from '../harness/eventually.mjs';
import { firstRemoteFrame, joinByCode, newSession } from '../harness/session.mjs';
import { stackMissing } from '../harness/stack.mjs';
import { useStackPages } from '../harness/stackPages.mjs';

const missing = stackMissing();
const EBML_MAGIC = [0x1a, 0x45, 0xdf, 0xa3];
const SEGMENT = 0x18538067;
const INFO = 0x1549a966;
const DURATION = 0x4489;
const TIMECODE_SCALE = 0x2ad7b1;

/** EBML element id (marker bits kept) or size (marker removed; null when "unknown") at `at`. */
function vint(bytes, at, keepMarker) {
  const first = bytes[at];
  let length = 1;
  while (length <= 8 && !(first & (0x80 >> (length - 1)))) length++;
  let value = keepMarker ? first : first & (0xff >> length);
  let allOnes = value === (0xff >> length);
  for (let i = 1; i < length; i++) {
    value = value * 256 + bytes[at + i];
    allOnes &&= bytes[at + i] === 0xff;
  }
  return { value: !keepMarker && allOnes ? null : value, length };
}

/** Info's TimecodeScale and Duration of a WebM file (Duration in seconds; null when Info has none). */
function webmInfo(bytes) {
  let at = 0;
  const element = () => {
    const id = vint(bytes, at, true);
    const size = vint(bytes, at + id.length, false);
    const body = at + id.length + size.length;
    return { id: id.value, size: size.value, body };
  };
  const ebml = element();
  at = ebml.body + ebml.size;
  const segment = element();
  assert.equal(segment.id, SEGMENT, 'a Segment follows the EBML header');
  at = segment.body;
  for (;;) {
    const e = element();
    if (e.id === INFO) {
      let scale = 1_000_000;
      let duration = null;
      for (let p = e.body; p < e.body + e.size;) {
        at = p;
        const c = element();
        const view = new DataView(bytes.buffer, bytes.byteOffset + c.body, c.size);
        if (c.id === TIMECODE_SCALE) scale = Number([...bytes.subarray(c.body, c.body + c.size)].reduce((v, b) => v * 256 + b, 0));
        if (c.id === DURATION) duration = c.size === 8 ? view.getFloat64(0) : view.getFloat32(0);
        p = c.body + c.size;
      }
      return { scale, seconds: duration === null ? null : (duration * scale) / 1e9 };
    }
    assert.notEqual(e.size, null, `element ${e.id.toString(16)} before Info has a known size`);
    at = e.body + e.size;
  }
}

describe('CoView stack: recording with consent, reference links, crop requests',
  { skip: missing ? `stack not available: ${missing}` : false }, () => {
    const pages = useStackPages({ captureTitle: TITLE });

    it('records only with consent, downloads valid WebM, opens accepted links only, and asks to adjust the crop',
      async () => {
        const { stack, server, base, browser } = pages;
        const agentContext = await browser.newContext({ viewport: VIEWPORT, acceptDownloads: true });
        const customerContext = await browser.newContext({ viewport: VIEWPORT });
        const consoleLines = collectConsole({ agent: agentContext, customer: customerContext });
        try {
          const agent = await agentContext.newPage();
          const room = await newSession(agent, base);
          const recordingsUrl = `${stack.roomUrl}/api/rooms/${room.roomId}/recordings`;
          const auth = { Authorization: `Bearer ${room.token}` };
          const code = (await agent.getByTestId('join-code').textContent()).trim();
          // Nothing to record before the customer shares.
          assert.ok(await agent.getByTestId('record').isDisabled(), 'Record is disabled without a video');

          await openQuadrants(customerContext, server.url);
          const customer = await customerContext.newPage();
          await joinByCode(customer, base, code);
          await customer.getByTestId('share').click();
          await firstRemoteFrame(agent);
          // A stroke, so that the recording holds the overlay too.
          await agent.getByRole('button', { name: 'Pen', exact: true }).click();
          const area = await agent.getByTestId('overlay').boundingBox();
          await agent.mouse.move(area.x + area.width * 0.4, area.y + area.height * 0.4);
          await agent.mouse.down();
          await agent.mouse.move(area.x + area.width * 0.6, area.y + area.height * 0.6, { steps: 5 });
          await agent.mouse.up();

          // 1. Declined: no recording starts.
          await agent.getByTestId('record').click();
          await agent.getByTestId('recording-status').getByText('Waiting for the customer to agree').waitFor();
          const consent = customer.getByRole('dialog', { name: 'May your agent record this session?' });
          await consent.waitFor();
          await customer.screenshot({ path: `${SCREENSHOTS}recording-consent.png` });
          await consent.getByRole('button', { name: 'Don\'t record' }).click();
          await agent.getByTestId('recording-status').getByText('The customer declined the recording.').waitFor();
          assert.deepEqual(await (await fetch(recordingsUrl, { headers: auth })).json(), [],
            'a declined consent creates no recording');
          assert.ok(await customer.getByTestId('customer-recording').isHidden(), 'no indicator after a decline');
          assert.ok(await agent.getByTestId('recording-badge').isHidden());

          // 2. Consent: the agent records ≥ 3 s, both pages show the indicator, then stop → ready → download.
          // The second part's upload fails three times (a network drop): the agent is told while it lasts, and the
          // part is retried until it is stored (nothing is lost).
          let refused = 0;
          await agent.route(/\/chunks\/1$/, (route) => (refused < 3 && route.request().method() === 'PUT'
            ? (refused++, route.fulfill({ status: 503, contentType: 'application/problem+json',
              body: JSON.stringify({ status: 503, title: 'Service Unavailable' }) }))
            : route.continue()));
          await agent.getByTestId('record').click();
          await customer.getByRole('button', { name: 'Allow recording' }).click();
          const consented = Date.now();
          await agent.getByTestId('recording-badge').waitFor();
          await customer.getByTestId('customer-recording').waitFor();
          console.log(`consent → recording shown on the agent's page: ${Date.now() - consented} ms`);
          await agent.locator('[data-testid=recording-upload][data-retrying=true]').getByText('Upload trouble').waitFor();
          await agent.locator('[data-testid=recording-upload][data-retrying=false]').waitFor();
          assert.equal(refused, 3, 'the part was refused three times, then stored');
          // The badge counts seconds from the start: wait until it has shown 4 s.
          await agent.waitForFunction(() => /Recording 0:0[4-9]/.test(
            document.querySelector('[data-testid=recording-badge]').textContent), null, { timeout: 20_000 });
          await agent.screenshot({ path: `${SCREENSHOTS}recording-agent.png` });
          await customer.screenshot({ path: `${SCREENSHOTS}recording-customer.png` });
          await agent.getByTestId('record-stop').click();
          const ready = agent.locator('[data-testid=recordings] li[data-state=ready]');
          await ready.waitFor({ timeout: 30_000 });
          await customer.getByTestId('customer-recording').waitFor({ state: 'hidden' });
          const listed = await (await fetch(recordingsUrl, { headers: auth })).json();
          assert.equal(listed.length, 1);
          assert.equal(listed[0].state, 'ready');
          assert.ok(listed[0].chunks >= 2, `uploaded in ~2 s chunks while recording (${listed[0].chunks})`);
          const downloading = agent.waitForEvent('download');
          await ready.getByTestId('recording-download').click();
          const file = await readFile(await (await downloading).path());
          assert.deepEqual([...file.subarray(0, 4)], EBML_MAGIC, 'the download starts with the EBML magic');
          assert.equal(file.length, listed[0].size, 'the download is the whole recording');
          const info = webmInfo(file);
          assert.ok(info.seconds > 3, `Segment/Info/Duration is over 3 s (${info.seconds})`);
          // And it plays: Chromium reads a finite duration (a WebM without Duration gives Infinity) and decodes frames.
          const played = await agent.evaluate(async ({ url, token }) => {
            const blob = await (await fetch(url, { headers: { Authorization: `Bearer ${token}` } })).blob();
            const v = document.createElement('video');
            v.muted = true;
            v.src = URL.createObjectURL(blob);
            await new Promise((resolve, reject) => {
              v.onloadeddata = resolve;
              v.onerror = () => reject(new Error(`cannot play: ${v.error?.message}`));
            });
            return { duration: v.duration, w: v.videoWidth, h: v.videoHeight };
          }, { url: `/api/rooms/${room.roomId}/recordings/${listed[0].recordingId}`, token: room.token });
          assert.ok(Number.isFinite(played.duration) && played.duration > 3, `plays for ${played.duration} s`);
          assert.ok(played.w > 0 && played.h > 0);
          console.log(`recording: ${listed[0].chunks} chunks, ${file.length} bytes, Duration ${info.seconds.toFixed(2)} s, `
            + `plays ${played.w}×${played.h} for ${played.duration.toFixed(2)} s`);

          // 3. A link the customer opens: a new page in their context with that URL.
          const opened = [];
          customerContext.on('page', (p) => opened.push(p));
          const link = `${server.url}/fixtures/reference.html?article=42`;
          await agent.getByLabel('Link for the customer').fill(link);
          await agent.getByTestId('reference-send').click();
          const prompt = customer.getByRole('dialog', { name: 'Your agent wants to open a link for you' });
          await prompt.waitFor();
          assert.equal(await prompt.getByTestId('reference-host').textContent(), new URL(link).host);
          assert.ok((await prompt.textContent()).includes(link), 'the prompt shows the whole link');
          await customer.screenshot({ path: `${SCREENSHOTS}reference-prompt.png` });
          const newPage = customerContext.waitForEvent('page');
          await prompt.getByRole('button', { name: 'Open link' }).click();
          const page = await newPage;
          await page.waitForLoadState();
          assert.equal(page.url(), link);
          assert.equal(await page.title(), 'CoView reference page');
          await agent.locator('[data-testid=references] li[data-status=opened]').getByText('Opened').waitFor();

          // 4. A declined link opens nothing; the agent sees "Declined".
          await agent.getByLabel('Link for the customer').fill(`${server.url}/fixtures/reference.html?article=43`);
          await agent.getByTestId('reference-send').click();
          await prompt.waitFor();
          await prompt.getByRole('button', { name: 'Decline' }).click();
          await agent.locator('[data-testid=references] li[data-status=declined]').getByText('Declined').waitFor();
          assert.equal(opened.length, 1, 'only the accepted link opened a page');
          // A link the service refuses never leaves the agent's page.
          await agent.getByLabel('Link for the customer').fill('javascript:alert(1)');
          await agent.getByTestId('reference-send').click();
          await agent.locator('#reference-error').getByText('Only links starting with http or https can be sent.').waitFor();

          // 5. Ask to adjust the crop: a non-blocking prompt; "Adjust now" focuses and highlights the rectangle.
          await customer.bringToFront();
          await agent.getByTestId('crop-request').click();
          const cropPrompt = customer.getByTestId('crop-request-prompt');
          await cropPrompt.waitFor();
          await customer.screenshot({ path: `${SCREENSHOTS}crop-request-prompt.png` });
          await cropPrompt.getByRole('button', { name: 'Adjust now' }).click();
          await eventually(async () => {
            const state = await customer.evaluate(() => ({
              focused: document.activeElement?.getAttribute('data-testid'),
              requested: document.querySelector('[data-testid=crop-rect]').classList.contains('requested'),
            }));
            assert.deepEqual(state, { focused: 'crop-rect', requested: true });
          });
          assert.ok(await cropPrompt.isHidden());
          await agent.getByTestId('references').scrollIntoViewIfNeeded();
          await agent.screenshot({ path: `${SCREENSHOTS}recording-reference-agent-lists.png` });

          // 6. The agent's tab closes while recording: what was uploaded becomes a ready recording, and the
          // customer's indicator goes off.
          await agent.getByTestId('record').click();
          await customer.getByRole('button', { name: 'Allow recording' }).click();
          await customer.getByTestId('customer-recording').waitFor();
          await agent.waitForFunction(() => /Recording 0:0[3-9]/.test(
            document.querySelector('[data-testid=recording-badge]').textContent), null, { timeout: 20_000 });
          // What the closing tab can complete is what room-service already stored: at least one part.
          await agent.waitForFunction(() => Number(document.querySelector('[data-testid=recording-upload]')
            ?.dataset.stored ?? 0) > 0, null, { timeout: 20_000 });
          await agent.close({ runBeforeUnload: true });
          const kept = await eventually(async () => {
            const all = await (await fetch(recordingsUrl, { headers: auth })).json();
            assert.equal(all.length, 2);
            assert.equal(all[1].state, 'ready', 'the closed tab\'s recording is completed');
            return all[1];
          }, { timeoutMs: 15_000 });
          await customer.getByTestId('customer-recording').waitFor({ state: 'hidden' });
          console.log(`tab closed while recording: ${kept.chunks} chunk(s) kept, ${kept.size} bytes`);
        } catch (e) {
          console.log(consoleLines.slice(-60).join('\n'));
          for (const p of agentContext.pages()) {
            await p.screenshot({ path: `${SCREENSHOTS}recording-reference-failed-agent.png` }).catch(() => undefined);
            console.log(`agent recording status: ${await p.getByTestId('recording-status').textContent().catch(() => '?')}`);
          }
          throw e;
        } finally {
          await agentContext.close();
          await customerContext.close();
        }
      });

    it('the agent\'s browser dies while recording: the customer\'s indicator goes when the agent is lost, and the '
      + 'agent\'s restored tab ends the orphaned recording', async () => {
      const { server, base, browser } = pages;
      // The agent in a browser of their own, killed with SIGKILL: the kernel closes its connections, and no close
      // frame, pagehide or last "recording off" leaves it (a renderer crash alone still sends "going away").
      let agentBrowser = await launchKillableChromium();
      const customerContext = await browser.newContext({ viewport: VIEWPORT });
      const consoleLines = collectConsole({ customer: customerContext });
      try {
        const agent = await (await agentBrowser.browser.newContext({ viewport: VIEWPORT })).newPage();
        await newSession(agent, base);
        const code = (await agent.getByTestId('join-code').textContent()).trim();
        await openQuadrants(customerContext, server.url);
        const customer = await customerContext.newPage();
        await joinByCode(customer, base, code);
        await customer.getByTestId('share').click();
        await firstRemoteFrame(agent);
        await agent.getByTestId('record').click();
        await customer.getByRole('button', { name: 'Allow recording' }).click();
        const indicator = customer.getByTestId('customer-recording');
        await indicator.waitFor();
        await agent.waitForFunction(() => /Recording 0:0[2-9]/.test(
          document.querySelector('[data-testid=recording-badge]').textContent), null, { timeout: 20_000 });
        // What the browser restores of the tab when it starts again (the console's room and agent key).
        const tabStorage = await agent.evaluate(() =>
          JSON.stringify(Object.fromEntries(Object.entries(sessionStorage))));

        agentBrowser.kill();
        const t = Date.now();
        const agentState = customer.getByTestId('agent-state');
        await agentState.filter({ hasText: 'Your agent\'s connection dropped' }).waitFor({ timeout: 30_000 });
        assert.ok(await indicator.isVisible(), 'within the resume grace the agent may come back still recording');
        await agentState.filter({ hasText: 'Your agent\'s connection was lost' }).waitFor({ timeout: 60_000 });
        await indicator.waitFor({ state: 'hidden', timeout: 5_000 });
        console.log(`agent's browser killed while recording → customer's indicator off: ${Date.now() - t} ms`);

        // The agent starts the browser again and it restores the tab: the console takes the room back and tells
        // the room that the recording (the dead page's) stopped, so the customer's indicator does not come back.
        await agentBrowser.close();
        agentBrowser = await launchKillableChromium();
        const again = await (await agentBrowser.browser.newContext({ viewport: VIEWPORT })).newPage();
        await again.addInitScript((saved) => {
          if (sessionStorage.length === 0) {
            for (const [k, v] of Object.entries(JSON.parse(saved))) sessionStorage.setItem(k, v);
          }
        }, tabStorage);
        await again.goto(`${base}/agent/`);
        await again.getByTestId('connection').getByText('Connected').waitFor();
        await agentState.filter({ hasText: 'Your agent is here' }).waitFor({ timeout: 30_000 });
        await eventually(async () => assert.ok(await indicator.isHidden(), 'the indicator after the agent is back'));
        assert.ok(await again.getByTestId('recording-badge').isHidden(), 'the restored console records nothing');
      } catch (e) {
        console.log(consoleLines.slice(-60).join('\n'));
        throw e;
      } finally {
        await customerContext.close();
        await agentBrowser.close();
      }
    });
  });
