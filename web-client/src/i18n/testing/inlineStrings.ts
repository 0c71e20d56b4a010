/**
 * Finds words written for people that do not go through the catalogue: string literals in the pages' TypeScript
 * that read as English (two words, or one capitalised word such as "Copied") and text in the HTML pages. Strings
 * for machines are recognised by where they stand (a class list, an id reference, a comparison, a console line,
 * an import) or are listed in {@link MACHINE_WORDS} with the reason. Pure; ../inlineStrings.test.ts runs it over
 * src/ (this folder is left out of the scan: its strings are reasons, for developers).
 */

/** Reads as words: two words of letters, or a lone capitalised word ("Copied", "Remove"). */
const PROSE = /[A-Za-z]{2,}[,.:;!?…]?\s+[A-Za-z]{2,}|^\s*[A-Z][a-z]{2,}[.!?…]?\s*$/;

/** What stands right before a literal that is for machines, not people. */
const MACHINE_CONTEXT = /(?:\bclass|'aria-(?:describedby|labelledby|controls)'|\bfont)\s*[:=]\s*$|[!=]==?\s*$|\bcase\s+$/;

/** Lines whose strings are for developers or modules. */
const MACHINE_LINE = /^\s*(?:import\b|export\s.*\sfrom\s)|\bconsole\.(?:log|info|warn|error|debug)\(/;

/** Literals that read as words but are for machines or developers, each with its reason. */
export const MACHINE_WORDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^Bearer\s*$/, 'the HTTP authentication scheme'],
  [/px system-ui, sans-serif$/, 'a canvas font'],
  [/^(?:display-capture; |allow-scripts )/, 'iframe permission and sandbox tokens'],
  [/^CoView\.mount: /, 'errors for the integrator\'s developer console (the host page\'s code called mount wrongly)'],
  [/^(?:unexpected '\}'|unknown argument type|unclosed )/, 'a malformed catalogue message (the catalogue test)'],
  [/^room ended: $/, 'signaling\'s close reason prefix (wire protocol)'],
  [/^2D canvas unavailable$|^This browser has no insertable streams/, 'diagnostics of a forced pipeline (?pipeline=)'],
  [/^(?:English|Deutsch)$/, 'languages named in their own words (LANGUAGE_NAMES)'],
  [/^CoView (?:agent console|screen sharing)$/, 'the widget\'s default iframe name on the host page (the integrator sets `title`; the widget bundle carries no catalogue)'],
];

export interface Finding {
  file: string;
  line: number;
  text: string;
}

/** Blanks comments (keeping line numbers), leaving `//` inside URLs alone. */
function withoutComments(code: string): string {
  return code.replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' '))
    .replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

/** Words for people written inline in a TypeScript file. */
export function inlineStringsInCode(file: string, source: string): Finding[] {
  const code = withoutComments(source);
  const lines = code.split('\n');
  const found: Finding[] = [];
  const literal = /'((?:\\.|[^'\\\n])*)'|"((?:\\.|[^"\\\n])*)"|`((?:\\.|[^`\\])*)`/g;
  for (let m = literal.exec(code); m; m = literal.exec(code)) {
    const text = (m[1] ?? m[2] ?? m[3]).replace(/\$\{[^}]*\}/g, ' ');
    if (!PROSE.test(text)) continue;
    const line = code.slice(0, m.index).split('\n').length;
    const before = lines[line - 1].slice(0, m.index - code.lastIndexOf('\n', m.index - 1) - 1);
    if (MACHINE_LINE.test(lines[line - 1]) || MACHINE_CONTEXT.test(before)) continue;
    if (MACHINE_WORDS.some(([pattern]) => pattern.test(text))) continue;
    found.push({ file, line, text: m[0] });
  }
  return found;
}

/** Words for people in an HTML page's text (its title included) rather than set by the page's script. */
export function inlineStringsInHtml(file: string, html: string): Finding[] {
  const found: Finding[] = [];
  const body = html.replace(/<!--[\s\S]*?-->/g, '').replace(/<(script|style)\b[\s\S]*?<\/\1>/g, '');
  for (const m of body.matchAll(/>([^<]+)</g)) {
    if (!PROSE.test(m[1].trim())) continue;
    found.push({ file, line: body.slice(0, m.index).split('\n').length, text: m[1].trim() });
  }
  for (const m of body.matchAll(/\b(?:title|alt|placeholder|aria-label)="([^"]*)"/g)) {
    if (PROSE.test(m[1])) found.push({ file, line: body.slice(0, m.index).split('\n').length, text: m[1] });
  }
  return found;
}
