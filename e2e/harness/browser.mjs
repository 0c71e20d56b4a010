// Launches Debian's chromium (never a downloaded browser) through playwright-core, with fake media devices and
// tab capture that picks the tab with the given title without a picker, so tests get real pixels.
import { chromium } from 'playwright-core';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';

export const CHROMIUM = process.env.COVIEW_CHROMIUM ?? '/usr/bin/chromium';
export const SCREENSHOTS = new URL('../target/screenshots/', import.meta.url).pathname;

/** The UI is checked at this size (screenshots included). */
export const VIEWPORT = { width: 1280, height: 800 };

/**
 * @param captureTitle the title of the tab that tab capture picks
 * @param executablePath another way to start Debian's chromium (a wrapper that runs it in a network namespace)
 */
export async function launchChromium({ captureTitle, executablePath = CHROMIUM } = {}) {
  await mkdir(SCREENSHOTS, { recursive: true });
  return watchContentSecurityPolicy(await chromium.launch({ executablePath, headless: false,
    args: chromiumArgs(captureTitle) }));
}

/**
 * A Chromium of its own, as a browser (or machine) that a test makes die: `kill()` sends SIGKILL to all its processes
 * at once (its process group): the kernel closes its connections, and no page, nor the network service (which
 * outlives the browser process alone long enough to close its WebSockets with "going away"), says goodbye.
 * `close()` stops what is left.
 */
export async function launchKillableChromium() {
  await mkdir(SCREENSHOTS, { recursive: true });
  const server = await chromium.launchServer({ executablePath: CHROMIUM, headless: false, args: chromiumArgs() });
  const browser = watchContentSecurityPolicy(await chromium.connect(server.wsEndpoint()));
  return {
    browser,
    kill: () => process.kill(-server.process().pid, 'SIGKILL'),
    close: async () => {
      await browser.close().catch(() => undefined);
      await server.close().catch(() => undefined);
    },
  };
}

function chromiumArgs(captureTitle) {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium); .ci/run does`);
  }
  const args = [
    // New headless mode: the same renderer as a headed browser (tab capture, WebCodecs, insertable streams).
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--use-fake-device-for-media-stream=fps=30',
  ];
  // With --use-fake-ui-for-media-stream, getDisplayMedia skips the picker and returns Chromium's fake screen (a
  // green test pattern, label "screen:…"); the tab auto-selection only applies when the picker runs, so a test
  // that needs a real tab's pixels leaves the fake UI out (checked with chromium 156).
  if (captureTitle) args.push(`--auto-select-tab-capture-source-by-title=${captureTitle}`);
  else args.push('--use-fake-ui-for-media-stream');
  // Extra flags for a run (space-separated), e.g. while investigating a failure.
  if (process.env.COVIEW_CHROMIUM_ARGS) args.push(...process.env.COVIEW_CHROMIUM_ARGS.split(' ').filter(Boolean));
  return args;
}

/**
 * Collects the pages' console and uncaught errors of each named context into {@code lines} (printed when a scenario
 * fails: the first place to look), e.g. `collectConsole({ agent: agentContext, customer: customerContext })`.
 */
export function collectConsole(contexts, lines = []) {
  for (const [name, ctx] of Object.entries(contexts)) {
    ctx.on('console', (m) => lines.push(`${name} ${m.type()}: ${m.text()}`));
    ctx.on('weberror', (e) => lines.push(`${name} error: ${e.error().message}`));
  }
  return lines;
}

/** A screenshot of each named context's last page, `<prefix>-<name>.png`: what a failed scenario left on screen. */
export async function screenshotLastPages(contexts, prefix) {
  for (const [name, ctx] of Object.entries(contexts)) {
    await ctx.pages().at(-1)?.screenshot({ path: `${SCREENSHOTS}${prefix}-${name}.png` }).catch(() => undefined);
  }
}

/** Takes the violations matching {@code pattern} off the browser's list (a test that provokes one on purpose). */
export function expectCspViolations(browser, pattern) {
  const kept = browser.cspViolations.filter((v) => !pattern.test(v));
  const expected = browser.cspViolations.length - kept.length;
  browser.cspViolations.splice(0, browser.cspViolations.length, ...kept);
  return expected;
}

/**
 * Every page of every test runs under the pages' Content-Security-Policy, and a violation fails the test file: each
 * page reports `securitypolicyviolation` events (and Chromium's own CSP console errors) to the harness, and
 * `browser.close()` — which every test file calls in its `after` hook — throws when any were seen.
 */
function watchContentSecurityPolicy(browser) {
  const violations = [];
  const watchPage = (page) => page.on('console', (msg) => {
    if (msg.type() === 'error' && /Content Security Policy|CSP violation/.test(msg.text())) {
      violations.push(`${page.url()}: ${msg.text()}`);
    }
  });
  const report = () => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} `
        + `(${e.sourceFile}:${e.lineNumber})`);
    });
  };
  const watchContext = async (context) => {
    await context.addInitScript(report);
    context.on('page', watchPage);
    context.pages().forEach(watchPage);
    return context;
  };
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (...options) => watchContext(await newContext(...options));
  const newPage = browser.newPage.bind(browser);
  browser.newPage = async (...options) => {
    const page = await newPage(...options);
    await page.addInitScript(report);
    watchPage(page);
    return page;
  };
  const close = browser.close.bind(browser);
  browser.close = async (...a) => {
    await close(...a);
    if (violations.length > 0) {
      throw new Error(`Content-Security-Policy violations:\n  ${violations.join('\n  ')}`);
    }
  };
  browser.cspViolations = violations;
  return browser;
}

/**
 * Reads pixels of a <video> (what a viewer of that track sees) by drawing its current frame into a canvas at
 * the video's own size: returns the size and the mean colour of a 5×5 block around each point.
 */
export async function sampleVideo(page, selector, points) {
  return page.evaluate(({ selector, points }) => {
    const v = document.querySelector(selector);
    const w = v.videoWidth;
    const h = v.videoHeight;
    if (!w || !h) return { w, h, colours: [] };
    const c = new OffscreenCanvas(w, h);
    const ctx = c.getContext('2d', { willReadFrequently: true });
    ctx.drawImage(v, 0, 0);
    const colours = points.map(([x, y]) => {
      const x0 = Math.max(0, Math.min(w - 5, Math.round(x) - 2));
      const y0 = Math.max(0, Math.min(h - 5, Math.round(y) - 2));
      const d = ctx.getImageData(x0, y0, 5, 5).data;
      const sum = [0, 0, 0];
      for (let i = 0; i < d.length; i += 4) for (let k = 0; k < 3; k++) sum[k] += d[i + k];
      return sum.map((s) => Math.round(s / 25));
    });
    return { w, h, colours };
  }, { selector, points });
}

/** Colour distance tolerant of the RGB → YUV → RGB round trip of video frames. */
export function near(actual, expected, tolerance = 60) {
  return actual.every((v, i) => Math.abs(v - expected[i]) <= tolerance);
}
