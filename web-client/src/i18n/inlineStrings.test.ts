// No words for people are written inline: the pages' TypeScript and HTML say everything through t() and the
// catalogues. INLINE_STRINGS_ROOT=<a web-client directory> scans another tree (main before the catalogue: it fails).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inlineStringsInCode, inlineStringsInHtml } from './testing/inlineStrings';

const root = process.env.INLINE_STRINGS_ROOT ?? resolve(import.meta.dirname, '../..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const path = join(dir, f);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** The pages' code: not tests, generated contract types, test doubles, or the catalogues themselves. */
const code = files(join(root, 'src')).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')
  && !/[/\\](generated|testing|catalogues)[/\\]/.test(f));
/** The pages CoView serves (examples/host.html is an integrator's page, not CoView's). */
const pages = ['index.html', 'agent/index.html', 'join/index.html', 'observe/index.html'].map((p) => join(root, p));

describe('no inline words for people', () => {
  it('in the pages\' TypeScript', () => {
    expect(code.length).toBeGreaterThan(50);
    const found = code.flatMap((f) => inlineStringsInCode(relative(root, f), readFileSync(f, 'utf8')));
    expect(found.map((x) => `${x.file}:${x.line} ${x.text}`)).toEqual([]);
  });

  it('in the HTML pages', () => {
    const found = pages.flatMap((f) => inlineStringsInHtml(relative(root, f), readFileSync(f, 'utf8')));
    expect(found.map((x) => `${x.file}:${x.line} ${x.text}`)).toEqual([]);
  });

  it('catches the shapes words took before the catalogue, and lets machine strings pass', () => {
    const before = [
      "feedback.textContent = 'Copied';",
      "const b = h('button', { type: 'button', class: 'danger' }, 'End session');",
      "const u = h('ul', { class: 'participants', 'aria-label': 'Participants' });",
      "const i = h('input', { placeholder: 'https://example.com/help', title: 'Letters pick tools' });",
      "say(`Snapshot saved at ${time}.`);",
      "throw new Error('No session is running.');",
    ].join('\n');
    expect(inlineStringsInCode('before.ts', before).map((f) => f.line)).toEqual([1, 2, 3, 4, 5, 6]);
    const machine = [
      "const s = h('section', { class: 'card center stack', 'aria-describedby': 'join-help join-error' });",
      "console.warn(`CoView refused ${url}: ${status}`);",
      "if (k.key === 'Escape') close();",
      "import { h } from '../dom';",
      "// A comment says why, in words.",
      "const headers = { Authorization: `Bearer ${token}` };",
      "el.textContent = t('common.copied');",
    ].join('\n');
    expect(inlineStringsInCode('machine.ts', machine)).toEqual([]);
    expect(inlineStringsInHtml('page.html', '<title>CoView — agent console</title><p>CoView</p>')).toHaveLength(1);
  });
});
