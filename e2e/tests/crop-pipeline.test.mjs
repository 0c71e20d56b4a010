// The customer's crop pipeline in a real Chromium: share a tab of four known colours, set a crop with the
// mouse and keyboard, paint a mask, pause; each time read the pipeline's *output track* back through a
// <video> and a canvas and check its size and pixels. Runs both implementations (insertable streams, and the
// canvas fallback forced with ?pipeline=canvas). No services: the join call is answered by the test.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { launchChromium, near, sampleVideo, SCREENSHOTS, VIEWPORT } from '../harness/browser.mjs';
import { startStaticServer } from '../harness/staticServer.mjs';
import { WEB_ROOT, FIXTURES } from '../harness/paths.mjs';
import { eventually } from '../harness/eventually.mjs';
import {
  BLACK, BLUE, cropOf, cropToCentre, GREEN, openQuadrants, quadrantPoints, RED, TITLE, YELLOW,
} from '../harness/customer.mjs';

let server;
let browser;

before(async () => {
  server = await startStaticServer({ '/fixtures/': FIXTURES, '/': WEB_ROOT });
  browser = await launchChromium({ captureTitle: TITLE });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

for (const pipeline of ['insertable-streams', 'canvas']) {
  describe(`crop pipeline (${pipeline})`, () => {
    it('sends exactly the crop, at source resolution, with masks and pause blacked out', async () => {
      const context = await browser.newContext({ viewport: VIEWPORT });
      try {
        await runCropScenario(context, pipeline);
      } finally {
        await context.close();
      }
    });
  });
}

async function runCropScenario(context, pipeline) {
  const t0 = Date.now();
  const step = (what) => console.log(`[${pipeline} +${((Date.now() - t0) / 1000).toFixed(1)} s] ${what}`);
  await openQuadrants(context, server.url);

  const page = await context.newPage();
  await page.route('**/api/rooms/join', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ roomId: 'r-e2e', token: 'e2e' }) }));
  const query = pipeline === 'canvas' ? '&pipeline=canvas' : '';
  await page.goto(`${server.url}/join/?code=123456${query}`);
  await page.getByRole('heading', { name: 'Share your screen with your support agent' }).waitFor();
  await page.screenshot({ path: `${SCREENSHOTS}customer-consent.png` });

  // Share → first frame of the pipeline's output, measured inside the page from the click.
  await page.getByTestId('share').click();
  await page.waitForFunction(() => {
    const v = document.querySelector('#outgoing');
    if (!v || v.videoWidth === 0 || v.readyState < 2) return false;
    const share = performance.getEntriesByName('coview:share')[0];
    window.__firstFrameMs ??= performance.now() - share.startTime;
    return true;
  }, null, { polling: 'raf', timeout: 20_000 });
  const firstFrameMs = await page.evaluate(() => window.__firstFrameMs);
  console.log(`[${pipeline}] Share → first cropped frame on the output track: ${Math.round(firstFrameMs)} ms`);

  assert.equal(await page.locator('.share-layout').getAttribute('data-pipeline'), pipeline);
  // Insertable streams run in a dedicated Worker (the page's thread is throttled when the tab is hidden).
  const thread = await page.locator('.share-layout').getAttribute('data-thread');
  console.log(`[${pipeline}] per-frame work on the ${thread} thread`);
  assert.equal(thread, pipeline === 'canvas' ? 'page' : 'worker');
  const source = await cropOf(page);
  assert.equal(source.x, 0);
  assert.equal(source.y, 0);
  assert.ok(source.w >= 640 && source.h >= 360, `captured tab is ${source.w}×${source.h}`);
  const W = source.w;
  const H = source.h;
  console.log(`[${pipeline}] captured source: ${W}×${H}`);

  step('shared');
  // Crop with the mouse: top-left handle to (25 %, 30 %), bottom-right handle to (70 %, 80 %) of the source.
  const layer = await cropToCentre(page);
  // …and with the keyboard: move right once, grow down once.
  await page.getByTestId('crop-rect').focus();
  const beforeKeys = await cropOf(page);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Shift+ArrowDown');
  const crop = await cropOf(page);
  assert.ok(crop.x > beforeKeys.x && crop.y === beforeKeys.y && crop.w === beforeKeys.w && crop.h > beforeKeys.h,
    `keys moved and resized ${JSON.stringify(beforeKeys)} → ${JSON.stringify(crop)}`);
  assert.ok(crop.x < W / 2 && crop.x + crop.w > W / 2 && crop.y < H / 2 && crop.y + crop.h > H / 2,
    `the crop ${JSON.stringify(crop)} spans the source centre`);
  console.log(`[${pipeline}] crop: ${JSON.stringify(crop)}`);

  step('crop set');
  // One point per quadrant, halfway between the crop's corner and the source centre, in crop pixels.
  const inCrop = (sx, sy) => [sx - crop.x, sy - crop.y];
  const points = quadrantPoints(crop, { w: W, h: H });
  const cropped = await eventually(async () => {
    const s = await sampleVideo(page, '#outgoing', points);
    assert.equal(s.w, crop.w, 'output width is the crop width (no downscale)');
    assert.equal(s.h, crop.h, 'output height is the crop height');
    assert.ok(near(s.colours[0], RED) && near(s.colours[1], GREEN) && near(s.colours[2], BLUE)
      && near(s.colours[3], YELLOW), `quadrant colours ${JSON.stringify(s.colours)}`);
    return s;
  });
  console.log(`[${pipeline}] output ${cropped.w}×${cropped.h}, colours ${JSON.stringify(cropped.colours)}`);

  step('crop verified');
  // A privacy mask painted inside the red quadrant part of the crop.
  await page.getByTestId('paint-mask').click();
  const sx0 = crop.x + 10;
  const sy0 = crop.y + 10;
  const sx1 = (crop.x + W / 2) / 2 + 30;
  const sy1 = (crop.y + H / 2) / 2 + 30;
  const scale = layer.width / W;
  await page.mouse.move(layer.x + sx0 * scale, layer.y + sy0 * scale);
  await page.mouse.down();
  await page.mouse.move(layer.x + sx1 * scale, layer.y + sy1 * scale, { steps: 3 });
  await page.mouse.up();
  step('mask painted');
  // One mask per arming: the tool is off again, so the next drag moves the crop.
  assert.equal(await page.getByTestId('paint-mask').getAttribute('aria-pressed'), 'false', 'the mask tool disarmed');
  const mask = (await page.locator('.mask-box[data-rect]').getAttribute('data-rect')).split(',').map(Number);
  const [mx, my, mw, mh] = mask;
  const maskCentre = inCrop(mx + mw / 2, my + mh / 2);
  let attempts = 0;
  await eventually(async () => {
    attempts++;
    const s = await sampleVideo(page, '#outgoing', [maskCentre, points[1], points[3]]);
    assert.ok(near(s.colours[0], BLACK, 30), `mask centre is black: ${JSON.stringify(s.colours[0])}`);
    assert.ok(near(s.colours[1], GREEN) && near(s.colours[2], YELLOW), `outside the mask unchanged: ${JSON.stringify(s.colours)}`);
    assert.equal(s.w, crop.w);
  });
  step(`mask verified after ${attempts} reads`);
  await page.screenshot({ path: `${SCREENSHOTS}customer-share-${pipeline}.png` });

  step('screenshot taken');
  // Pause: black frames of the same size; resume: the crop again.
  await page.getByTestId('pause').click();
  await eventually(async () => {
    const s = await sampleVideo(page, '#outgoing', points);
    assert.equal(s.w, crop.w);
    assert.ok(s.colours.every((c) => near(c, BLACK, 30)), `paused output is black: ${JSON.stringify(s.colours)}`);
  });
  step('pause verified');
  await page.screenshot({ path: `${SCREENSHOTS}customer-paused-${pipeline}.png` });
  await page.getByTestId('pause').click();
  await eventually(async () => {
    const s = await sampleVideo(page, '#outgoing', [points[1]]);
    assert.ok(near(s.colours[0], GREEN), `resumed: ${JSON.stringify(s.colours)}`);
  });
}
