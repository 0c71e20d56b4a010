// What a customer does on the share page, for the browser tests: read the crop, drag its handles, the sample
// points that fall in each colour quadrant of fixtures/quadrants.html inside a crop, and whether a video shows it.
import assert from 'node:assert/strict';
import { near, sampleVideo } from './browser.mjs';
import { eventually } from './eventually.mjs';

export const TITLE = 'CoView quadrants';
export const RED = [255, 0, 0];
export const GREEN = [0, 255, 0];
export const BLUE = [0, 0, 255];
export const YELLOW = [255, 255, 0];
export const BLACK = [0, 0, 0];
export const QUADRANT_COLOURS = [RED, GREEN, BLUE, YELLOW];

/** Opens the quadrants page (the tab the customer will share) in the given context. */
export async function openQuadrants(context, baseUrl) {
  const quadrants = await context.newPage();
  await quadrants.setViewportSize({ width: 1280, height: 720 });
  await quadrants.goto(`${baseUrl}/fixtures/quadrants.html`);
  return quadrants;
}

/** The quadrants tab's title while another session's share is being picked (see {@link shareAlone}). */
const NOT_PICKED = 'Quadrants, not to be picked';
let picking = Promise.resolve();

/**
 * Several sessions in one browser: each customer's quadrants tab is named so that the tab auto-selection cannot
 * pick it (see {@link shareAlone}).
 */
export async function openQuadrantsAside(context, baseUrl) {
  const quadrants = await openQuadrants(context, baseUrl);
  await quadrants.evaluate((t) => (document.title = t), NOT_PICKED);
  return quadrants;
}

/**
 * Clicks Share on {@code customer} with {@code quadrants} the only tab titled {@link TITLE}, one session at a time,
 * and waits until the capture has started (the share view shows). Chromium's auto-selection picks a tab with that
 * title anywhere in the browser: two sessions sharing at once could capture each other's tab, and lose it when the
 * other session closes its context (the capture ends, the share stops: the agent gets nothing).
 * @returns when Share was clicked (epoch ms)
 */
export function shareAlone(quadrants, customer) {
  const turn = picking.then(async () => {
    await quadrants.evaluate((t) => (document.title = t), TITLE);
    try {
      const clicked = Date.now();
      await customer.getByTestId('share').click();
      await customer.getByTestId('outgoing').waitFor({ state: 'attached' });
      return clicked;
    } finally {
      await quadrants.evaluate((t) => (document.title = t), NOT_PICKED).catch(() => undefined);
    }
  });
  picking = turn.catch(() => undefined);
  return turn;
}

/** The crop in source pixels, as the page states it on the crop rectangle. */
export async function cropOf(page) {
  const [x, y, w, h] = (await page.getByTestId('crop-rect').getAttribute('data-crop')).split(',').map(Number);
  return { x, y, w, h };
}

export async function dragHandle(page, name, toX, toY) {
  const box = await page.locator(`.handle[data-h="${name}"]`).boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(toX, toY, { steps: 3 });
  await page.mouse.up();
}

/** Drags the crop to about (25 %, 30 %)–(70 %, 80 %) of the source: all four quadrants stay in it. */
export async function cropToCentre(page) {
  const layer = await page.getByTestId('crop-layer').boundingBox();
  await dragHandle(page, 'nw', layer.x + layer.width * 0.25, layer.y + layer.height * 0.3);
  await dragHandle(page, 'se', layer.x + layer.width * 0.7, layer.y + layer.height * 0.8);
  return layer;
}

/**
 * One point per quadrant (red, green, blue, yellow), halfway between the crop's corner and the source centre,
 * in crop pixels (= pixels of the video that carries the crop).
 */
export function quadrantPoints(crop, source) {
  const cx = source.w / 2;
  const cy = source.h / 2;
  const at = (sx, sy) => [sx - crop.x, sy - crop.y];
  return [
    at((crop.x + cx) / 2, (crop.y + cy) / 2),
    at((crop.x + crop.w + cx) / 2, (crop.y + cy) / 2),
    at((crop.x + cx) / 2, (crop.y + crop.h + cy) / 2),
    at((crop.x + crop.w + cx) / 2, (crop.y + crop.h + cy) / 2),
  ];
}

/** Waits until the video {@code selector} on {@code page} carries {@code crop}'s size: the crop has reached it. */
export async function hasCropSize(page, selector, crop, { timeoutMs = 60_000 } = {}) {
  await eventually(async () => {
    const s = await sampleVideo(page, selector, []);
    assert.deepEqual([s.w, s.h], [crop.w, crop.h], `${selector} has the crop's size`);
  }, { timeoutMs });
}

/**
 * Waits until the video {@code selector} on {@code page} carries {@code crop}'s size and, at each quadrant's sample
 * point, {@code colours} (within {@code tolerance}); answers the last sample.
 */
export async function showsCrop(page, selector, crop, source, colours = QUADRANT_COLOURS,
  { tolerance = 60, timeoutMs = 60_000 } = {}) {
  return eventually(async () => {
    const s = await sampleVideo(page, selector, quadrantPoints(crop, source));
    assert.deepEqual([s.w, s.h], [crop.w, crop.h], `${selector} has the crop's size`);
    s.colours.forEach((c, i) => assert.ok(near(c, colours[i], tolerance),
      `${selector} quadrant ${i}: ${c} ≠ ${colours[i]} (all: ${JSON.stringify(s.colours)})`));
    return s;
  }, { timeoutMs });
}
