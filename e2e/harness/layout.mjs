// Layout checks for the responsive tests, run inside a page: no horizontal scroll, and every control reachable —
// inside the viewport's width, and, once scrolled to (vertically, or inside its own scrolling list), the topmost
// element at its centre (not clipped by a parent, not covered by another element).

/** Controls a person uses: buttons, fields, links and anything else in the tab order. */
const CONTROLS = 'button, input, select, textarea, a[href], [tabindex]:not([tabindex="-1"])';

/**
 * What is wrong with the page's layout now, one sentence per problem (empty when nothing is).
 * @param page a playwright Page (or Frame)
 */
export function layoutProblems(page) {
  return page.evaluate((selector) => {
    const problems = [];
    const root = document.documentElement;
    const width = root.clientWidth;
    if (root.scrollWidth > width) problems.push(`horizontal scroll: ${root.scrollWidth} px of content in ${width} px`);
    const name = (el) => `${el.tagName.toLowerCase()}${el.dataset.testid ? `[data-testid=${el.dataset.testid}]` : ''}`
      + ` "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}"`;
    const scrollY = window.scrollY;
    for (const el of document.querySelectorAll(selector)) {
      if (!el.checkVisibility({ visibilityProperty: true }) || el.closest('[inert]')) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (r.left < -0.5 || r.right > width + 0.5) {
        problems.push(`${name(el)} sticks out sideways (${Math.round(r.left)}–${Math.round(r.right)} of ${width} px)`);
        continue;
      }
      el.scrollIntoView({ block: 'center', inline: 'nearest' });
      const s = el.getBoundingClientRect();
      const x = Math.min(Math.max(s.left + s.width / 2, 0), width - 1);
      const y = Math.min(Math.max(s.top + s.height / 2, 0), root.clientHeight - 1);
      const hit = document.elementFromPoint(x, y);
      const reached = hit && (hit === el || el.contains(hit) || (hit instanceof HTMLLabelElement && hit.control === el));
      if (!reached) problems.push(`${name(el)} is covered or clipped at its centre by ${hit ? name(hit) : 'nothing'}`);
    }
    window.scrollTo(0, scrollY);
    return problems;
  }, CONTROLS);
}

/** The width in CSS pixels of the first element matching {@code selector} (0 when there is none). */
export function widthOf(page, selector) {
  return page.evaluate((s) => document.querySelector(s)?.getBoundingClientRect().width ?? 0, selector);
}
