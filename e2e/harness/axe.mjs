// axe-core (Deque's accessibility engine, an npm devDependency of this module) run in a page: the WCAG 2.1 A and AA
// rules, violations only. The pages' Content-Security-Policy allows no inline script, so axe is evaluated through
// the DevTools protocol (page.evaluate) rather than added as a <script> element, which the policy would block.
// axe's CSSOM preload copies the page's stylesheets into <style> elements, which the policy (style-src 'self') also
// blocks — a violation the harness holds against the test file — so it is off: the one rule that needs it,
// css-orientation-lock (WCAG 1.3.4), is checked here instead by reading the page's own rules through the CSSOM (no
// media query on orientation may exist).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * The WCAG 2.1 AA violations on a page or frame as it is now, one line per rule and element.
 * @param target a playwright Page or Frame
 */
export async function axeViolations(target) {
  if (!await target.evaluate(() => typeof window.axe === 'object')) await target.evaluate(AXE_SOURCE);
  return target.evaluate(async (tags) => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'], preload: false });
    const found = result.violations.flatMap((v) => v.nodes.map((n) =>
      `${v.id} (${v.impact}): ${v.help} — ${n.target.join(' ')} — ${n.failureSummary.replace(/\s+/g, ' ')}`));
    const media = (rules) => [...rules].flatMap((r) => [...(r.media ? [r.media.mediaText] : []),
      ...(r.cssRules ? media(r.cssRules) : [])]);
    const locks = [...document.styleSheets].flatMap((sheet) => media(sheet.cssRules))
      .filter((m) => /orientation/.test(m));
    if (locks.length) found.push(`css-orientation-lock: the layout depends on the orientation (${locks.join('; ')})`);
    return found;
  }, WCAG21_AA);
}
