/**
 * The message format of the catalogues: a small subset of ICU MessageFormat, enough for this product's words and
 * no more (a library such as intl-messageformat would add ~15 kB for features no message uses):
 *
 * - `{name}`: an argument, numbers formatted with Intl.NumberFormat for the language;
 * - `{n, plural, =0 {…} one {…} other {…}}`: plural categories from Intl.PluralRules, `=N` exact matches first,
 *   `#` inside a branch is the number;
 * - `{x, select, agent {…} other {…}}`: a choice by a string argument;
 * - `'{'` and `'}'` quote a brace (an apostrophe on its own is text, as in "Don't").
 *
 * Pure: parsed once per message and language and cached by the caller.
 */

export type MessageArgs = Readonly<Record<string, string | number>>;

type Part =
  | { kind: 'text'; text: string }
  | { kind: 'arg'; name: string }
  | { kind: 'hash' }
  | { kind: 'plural' | 'select'; name: string; branches: Map<string, Part[]> };

/** A message broken into parts; throws on a malformed message (the catalogue test parses every one). */
export function parseMessage(message: string): Part[] {
  const [parts, end] = parseParts(message, 0, false);
  if (end !== message.length) throw new Error(`unexpected '}' at ${end} in "${message}"`);
  return parts;
}

function parseParts(src: string, start: number, inBranch: boolean): [Part[], number] {
  const parts: Part[] = [];
  let text = '';
  let i = start;
  const flush = () => {
    if (text) parts.push({ kind: 'text', text });
    text = '';
  };
  while (i < src.length) {
    const c = src[i];
    if (c === '\'' && (src[i + 1] === '{' || src[i + 1] === '}')) {
      const close = src.indexOf('\'', i + 1);
      text += src.slice(i + 1, close < 0 ? src.length : close);
      i = close < 0 ? src.length : close + 1;
    } else if (c === '{') {
      flush();
      const [part, next] = parseArgument(src, i + 1);
      parts.push(part);
      i = next;
    } else if (c === '}') {
      if (!inBranch) throw new Error(`unexpected '}' at ${i} in "${src}"`);
      break;
    } else if (c === '#' && inBranch) {
      flush();
      parts.push({ kind: 'hash' });
      i++;
    } else {
      text += c;
      i++;
    }
  }
  flush();
  return [parts, i];
}

function parseArgument(src: string, start: number): [Part, number] {
  const close = src.indexOf('}', start);
  const comma = src.indexOf(',', start);
  if (close < 0) throw new Error(`unclosed '{' in "${src}"`);
  if (comma < 0 || comma > close) return [{ kind: 'arg', name: src.slice(start, close).trim() }, close + 1];
  const name = src.slice(start, comma).trim();
  const typeEnd = src.indexOf(',', comma + 1);
  const type = src.slice(comma + 1, typeEnd < 0 ? close : typeEnd).trim();
  if (type === 'number' && (typeEnd < 0 || typeEnd > close)) return [{ kind: 'arg', name }, close + 1];
  if ((type !== 'plural' && type !== 'select') || typeEnd < 0) throw new Error(`unknown argument type in "${src}"`);
  const branches = new Map<string, Part[]>();
  let i = typeEnd + 1;
  for (;;) {
    while (/\s/.test(src[i] ?? '')) i++;
    if (src[i] === '}') return [{ kind: type, name, branches }, i + 1];
    const open = src.indexOf('{', i);
    if (open < 0) throw new Error(`unclosed ${type} in "${src}"`);
    const key = src.slice(i, open).trim();
    const [parts, end] = parseParts(src, open + 1, true);
    if (src[end] !== '}') throw new Error(`unclosed branch '${key}' in "${src}"`);
    branches.set(key, parts);
    i = end + 1;
  }
}

/** The argument names a message uses, with their kind: the catalogue test compares them across languages. */
export function argumentsOf(message: string): string[] {
  const found = new Set<string>();
  const walk = (parts: Part[]) => {
    for (const p of parts) {
      if (p.kind === 'arg') found.add(p.name);
      if (p.kind === 'plural' || p.kind === 'select') {
        found.add(`${p.name}:${p.kind}`);
        for (const b of p.branches.values()) walk(b);
      }
    }
  };
  walk(parseMessage(message));
  return [...found].sort();
}

/** Formats parsed parts for a language. A missing argument shows as its name in braces, never as "undefined". */
export function formatParts(parts: Part[], args: MessageArgs, locale: string, hash?: number): string {
  let out = '';
  for (const p of parts) {
    if (p.kind === 'text') out += p.text;
    else if (p.kind === 'hash') out += hash === undefined ? '#' : new Intl.NumberFormat(locale).format(hash);
    else if (p.kind === 'arg') {
      const v = args[p.name];
      out += v === undefined ? `{${p.name}}` : typeof v === 'number' ? new Intl.NumberFormat(locale).format(v) : v;
    } else {
      const v = args[p.name];
      let branch: Part[] | undefined;
      if (p.kind === 'plural') {
        const n = Number(v);
        branch = p.branches.get(`=${n}`) ?? p.branches.get(new Intl.PluralRules(locale).select(n));
        branch ??= p.branches.get('other');
        out += formatParts(branch ?? [], args, locale, n);
      } else {
        branch = p.branches.get(String(v)) ?? p.branches.get('other');
        out += formatParts(branch ?? [], args, locale, hash);
      }
    }
  }
  return out;
}
