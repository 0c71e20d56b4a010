// Freeze and annotated snapshots through the real stack (deploy/local's Redis, Kafka and the three packaged
// services) in real Chromium: the agent creates a room, the customer joins by code and shares the quadrants tab.
// The agent clicks Freeze: the customer's preview shows an image whose bytes have the SHA-256 room-service
// stored for the snapshot's original part (hashed in the page with crypto.subtle), with a "paused" banner, and an
// observer who connects afterwards gets the freeze in the room's state. The agent draws on the still and clicks
// Snapshot: the list shows it, both download links give image/png with a PNG signature, and the flattened image
// differs from the original where the stroke is and nowhere far from it. Unfreeze: both sides are live again; a
// second Freeze shows the customer the new still. Every freeze is clicked on the agent's page.
// Prints Freeze click → the customer's still shown. Pages come from room-service when it serves this build,
// else from a static server proxying /api to the stack (as stack-session.test.mjs).
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { collectConsole, screenshotLastPages, SCREENSHOTS, VIEWPORT } from '../harness/browser.mjs';
import { cropOf, cropToCentre, hasCropSize, openQuadrants, TITLE } from '../harness/customer.mjs';
import { eventually } from '../harness/eventually.mjs';
import { annotationFrames, firstAnnotationMessage, inviteObserver, joinByCode, newSession, shareWhenListed }
  from '../harness/session.mjs';
import { stackMissing } from '../harness/stack.mjs';
import { useStackPages } from '../harness/stackPages.mjs';

const missing = stackMissing();
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const isPng = (bytes) => PNG_SIGNATURE.every((b, i) => bytes[i] === b);

/**
 * In the page: decodes two PNGs (fetched with the token) and counts the pixels that differ by more than a
 * little in two windows: around the given frame point and in the top-left corner.
 */
function comparePngs(page, { urls, token, at }) {
  return page.evaluate(async ({ urls, token, at }) => {
    const decode = async (url) => {
      const blob = await (await fetch(url, { headers: { Authorization: `Bearer ${token}` } })).blob();
      const bitmap = await createImageBitmap(blob);
      const c = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = c.getContext('2d', { willReadFrequently: true });
      ctx.drawImage(bitmap, 0, 0);
      return { w: bitmap.width, h: bitmap.height, ctx };
    };
    const [a, b] = await Promise.all(urls.map(decode));
    const differing = (x, y, size) => {
      const pa = a.ctx.getImageData(x, y, size, size).data;
      const pb = b.ctx.getImageData(x, y, size, size).data;
      let n = 0;
      for (let i = 0; i < pa.length; i += 4) {
        if (Math.abs(pa[i] - pb[i]) + Math.abs(pa[i + 1] - pb[i + 1]) + Math.abs(pa[i + 2] - pb[i + 2]) > 30) n++;
      }
      return n;
    };
    const x = Math.round(at.x * a.w) - 5;
    const y = Math.round(at.y * a.h) - 5;
    return { sizes: [[a.w, a.h], [b.w, b.h]], atStroke: differing(x, y, 11), corner: differing(0, 0, 11) };
  }, { urls, token, at });
}

describe('CoView stack: freeze and snapshots', { skip: missing ? `stack not available: ${missing}` : false }, () => {
  const pages = useStackPages({ captureTitle: TITLE });

  // Every freeze is driven from the agent's page: a second socket on the agent's token would replace the page's own
  // (one annotation socket per participant, 4002), so the page would never see what it sent.
  it('freeze shows the customer the very snapshot; a snapshot is stored, listed and downloadable', async () => {
    const { stack, server, base, browser } = pages;
    const agentContext = await browser.newContext({ viewport: VIEWPORT, acceptDownloads: true });
    const customerContext = await browser.newContext({ viewport: VIEWPORT });
    const observerContext = await browser.newContext({ viewport: VIEWPORT });
    const consoleLines = collectConsole({ agent: agentContext, customer: customerContext });
    // The agent's annotation traffic: what it sent (freeze, snapshot.saved) and what came back (its stroke).
    const { sent, received } = annotationFrames({ agent: agentContext, customer: customerContext }, consoleLines).agent;
    try {
      const agent = await agentContext.newPage();
      const room = await newSession(agent, base);
      const code = (await agent.getByTestId('join-code').textContent()).trim();
      const auth = { Authorization: `Bearer ${room.token}` };

      await openQuadrants(customerContext, server.url);
      const customer = await customerContext.newPage();
      await joinByCode(customer, base, code);
      await shareWhenListed(agent, customer);
      await eventually(async () => assert.ok((await cropOf(customer)).w > 0, 'the source size is known'),
        { timeoutMs: 60_000 });
      await cropToCentre(customer);
      const crop = await cropOf(customer);
      await hasCropSize(agent, '[data-testid=remote-video]', crop);

      // Freeze: the frame is uploaded as a snapshot, then the room is told which one.
      const freezeButton = agent.getByTestId('freeze');
      assert.equal(await freezeButton.getAttribute('aria-pressed'), 'false');
      const clicked = Date.now();
      await freezeButton.click();
      await customer.waitForFunction(() => {
        const img = document.querySelector('[data-testid=frozen-still]');
        return img?.dataset.snapshotId && img.complete && img.naturalWidth > 0
          && !document.querySelector('[data-testid=frozen-view]').hidden;
      }, null, { polling: 'raf', timeout: 20_000 });
      console.log(`Freeze click → the customer's preview shows the still: ${Date.now() - clicked} ms`);
      const freeze = sent.find((m) => m.type === 'freeze' && m.on);
      assert.ok(freeze?.snapshotId, 'the agent sent freeze with the snapshot id');
      assert.equal(await freezeButton.getAttribute('aria-pressed'), 'true');
      assert.equal((await freezeButton.textContent()).trim(), 'Unfreeze');
      // The banner (the page's live region says the same sentence once, for screen readers).
      await customer.getByTestId('frozen-banner')
        .getByText('Your agent froze this frame to show you something. You are still sharing.').waitFor();

      // The very snapshot: the bytes the customer's page shows hash to what room-service stored.
      const stored = await (await fetch(`${stack.roomUrl}/api/rooms/${room.roomId}/snapshots/${freeze.snapshotId}`,
        { headers: auth })).json();
      const shown = await customer.evaluate(async () => {
        const img = document.querySelector('[data-testid=frozen-still]');
        const bytes = await (await fetch(img.src)).arrayBuffer();
        const digest = await crypto.subtle.digest('SHA-256', bytes);
        return { id: img.dataset.snapshotId, w: img.naturalWidth, h: img.naturalHeight,
          sha256: [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('') };
      });
      assert.equal(shown.id, freeze.snapshotId);
      assert.equal(shown.sha256, stored.sha256.original, 'the customer shows the stored original, byte for byte');
      // Grabbed at the video's own size: the crop's pixels, not the console's CSS size.
      assert.deepEqual([shown.w, shown.h], [crop.w, crop.h]);
      console.log(`customer's still: ${shown.w}×${shown.h}, sha256 ${shown.sha256.slice(0, 16)}… = room-service's`);

      // Someone who connects now gets the freeze in the room's state.
      const observerToken = await inviteObserver(stack.roomUrl, room, 'QA');
      const observer = await observerContext.newPage();
      await observer.goto(`${base}/join/`);
      const state = await firstAnnotationMessage(observer, stack.annotationUrl, observerToken);
      assert.equal(state.type, 'state');
      assert.equal(state.freeze?.snapshotId, freeze.snapshotId, 'a late joiner gets the freeze in the state');

      // A pen stroke on the still, through the centre of the frame; both sides apply the service's copy.
      const box = await agent.getByTestId('overlay').boundingBox();
      await agent.locator('body').press('p');
      await agent.mouse.move(box.x + box.width * 0.4, box.y + box.height * 0.4);
      await agent.mouse.down();
      await agent.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.6, { steps: 10 });
      await agent.mouse.up();
      await eventually(() => assert.ok(received.some((m) => m.type === 'event' && m.event.type === 'stroke'),
        'the stroke came back to the agent'));
      await customer.waitForFunction(() => document.querySelector('[data-testid=frozen-overlay]')
        ?.dataset.drawables === '1', null, { timeout: 10_000 });
      await agent.screenshot({ path: `${SCREENSHOTS}freeze-agent.png` });
      await customer.screenshot({ path: `${SCREENSHOTS}freeze-customer.png` });

      // Snapshot: frame + overlay flattened, and the drawings as JSON; listed newest first.
      await agent.getByTestId('snapshot').click();
      const saved = await eventually(() => {
        const m = sent.find((x) => x.type === 'snapshot.saved');
        assert.ok(m, 'the agent told the room snapshot.saved');
        return m;
      });
      const item = agent.locator(`[data-testid=snapshot-list] li[data-snapshot-id="${saved.snapshotId}"]`);
      await item.waitFor();
      assert.equal(await agent.locator('[data-testid=snapshot-list] li').first().getAttribute('data-snapshot-id'),
        saved.snapshotId, 'the newest snapshot comes first');
      await agent.waitForFunction((id) => document.querySelector(`li[data-snapshot-id="${id}"] img.thumb`)?.naturalWidth > 0,
        saved.snapshotId, { timeout: 10_000 });
      assert.equal(await agent.locator('[data-testid=snapshot-list] li').count(), 2, 'the freeze\'s snapshot and this one');

      const links = {};
      for (const part of ['flattened', 'original']) {
        const link = item.locator(`a[data-part=${part}]`);
        links[part] = await link.getAttribute('href');
        const res = await fetch(new URL(links[part], stack.roomUrl), { headers: auth });
        assert.equal(res.status, 200);
        assert.match(res.headers.get('content-type'), /^image\/png/);
        assert.ok(isPng(new Uint8Array(await res.arrayBuffer())), `${part} starts with the PNG signature`);
        // The link itself hands the browser the file (fetched with the token).
        const download = agent.waitForEvent('download');
        await link.click();
        const file = await (await download).path();
        assert.ok(isPng(await readFile(file)), `the downloaded ${part} file is a PNG`);
      }
      const view = await (await fetch(`${stack.roomUrl}/api/rooms/${room.roomId}/snapshots/${saved.snapshotId}`,
        { headers: auth })).json();
      assert.equal(view.sha256.original, stored.sha256.original, 'a snapshot while frozen is of the frozen frame');
      const doc = await (await fetch(`${stack.roomUrl}${view.urls.annotations}`, { headers: auth })).json();
      assert.equal(doc.elements.length, 1);
      assert.equal(doc.elements[0].type, 'stroke');
      const diff = await comparePngs(agent, { urls: [links.original, links.flattened], token: room.token,
        at: { x: 0.5, y: 0.5 } });
      assert.deepEqual(diff.sizes, [[crop.w, crop.h], [crop.w, crop.h]]);
      assert.ok(diff.atStroke > 10, `the flattened PNG shows the stroke at the frame's centre: ${JSON.stringify(diff)}`);
      assert.equal(diff.corner, 0, `and nothing where nothing was drawn: ${JSON.stringify(diff)}`);
      console.log(`snapshot ${saved.snapshotId}: ${view.size.original} B original, ${view.size.flattened} B flattened, `
        + `${diff.atStroke}/121 pixels differ around the stroke, 0 in the corner`);
      await agent.screenshot({ path: `${SCREENSHOTS}snapshots-agent.png` });

      // Unfreeze: both sides are live again.
      await freezeButton.click();
      await customer.waitForFunction(() => document.querySelector('[data-testid=frozen-view]').hidden, null,
        { timeout: 10_000 });
      const live = await customer.evaluate(() => {
        const v = document.querySelector('[data-testid=preview] video');
        return { w: v.videoWidth, paused: v.paused, still: document.querySelector('[data-testid=frozen-still]').hasAttribute('src') };
      });
      assert.ok(live.w > 0 && !live.paused && !live.still, `the customer's live preview is back: ${JSON.stringify(live)}`);
      assert.equal(await freezeButton.getAttribute('aria-pressed'), 'false');
      assert.ok(await agent.getByTestId('agent-still').isHidden());
      assert.ok(sent.some((m) => m.type === 'freeze' && m.on === false), 'the agent sent freeze off');
      await customer.screenshot({ path: `${SCREENSHOTS}freeze-customer-live-again.png` });

      // Freeze again from the page: a new still, and the customer switches to it.
      await freezeButton.click();
      const again = await eventually(() => {
        const m = sent.filter((x) => x.type === 'freeze' && x.on).at(-1);
        assert.ok(m && m.snapshotId !== freeze.snapshotId, 'the second freeze is of a new snapshot');
        return m;
      });
      await customer.waitForFunction((id) => document.querySelector('[data-testid=frozen-still]')?.dataset.snapshotId === id
        && !document.querySelector('[data-testid=frozen-view]').hidden, again.snapshotId, { timeout: 20_000 });
      assert.equal(await agent.getByTestId('agent-still').getAttribute('data-snapshot-id'), again.snapshotId);
      await freezeButton.click();
      await customer.waitForFunction(() => document.querySelector('[data-testid=frozen-view]').hidden, null,
        { timeout: 10_000 });
    } catch (e) {
      console.log(consoleLines.join('\n'));
      await screenshotLastPages({ agent: agentContext, customer: customerContext }, 'freeze-failed');
      throw e;
    } finally {
      await agentContext.close();
      await customerContext.close();
      await observerContext.close();
    }
  });
});
