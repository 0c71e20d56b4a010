import { describe, expect, it } from 'vitest';
import { argumentsOf, formatParts, parseMessage } from './format';

const fmt = (message: string, args: Record<string, string | number>, locale = 'en') =>
  formatParts(parseMessage(message), args, locale);

describe('message format', () => {
  it('fills arguments, numbers in the language\'s digits and grouping', () => {
    expect(fmt('Shared area {w} × {h} px', { w: 1280, h: 720 })).toBe('Shared area 1,280 × 720 px');
    expect(fmt('{n} Teile', { n: 1280 }, 'de')).toBe('1.280 Teile');
    expect(fmt('{name} joined.', { name: 'Ada' })).toBe('Ada joined.');
  });

  it('chooses plural forms with Intl.PluralRules, exact matches first, # as the number', () => {
    const m = '{n, plural, =0 {nothing} one {# part} other {# parts}}';
    expect([0, 1, 2, 1000].map((n) => fmt(m, { n }))).toEqual(['nothing', '1 part', '2 parts', '1,000 parts']);
    // French: 0 and 1 are "one"; Japanese has only "other".
    expect(fmt('{n, plural, one {# partie} other {# parties}}', { n: 0 }, 'fr')).toBe('0 partie');
    expect(fmt('{n, plural, other {# 個}}', { n: 1 }, 'ja')).toBe('1 個');
  });

  it('chooses by select, with other as the fallback, and nests', () => {
    const m = '{role, select, agent {Your agent} other {{name}}} drew {n, plural, one {a line} other {# lines}}.';
    expect(fmt(m, { role: 'agent', n: 1, name: 'x' })).toBe('Your agent drew a line.');
    expect(fmt(m, { role: 'observer', n: 3, name: 'Bo' })).toBe('Bo drew 3 lines.');
  });

  it('keeps apostrophes as text and quotes braces', () => {
    expect(fmt('Don\'t record', {})).toBe('Don\'t record');
    expect(fmt('a \'{\'literal\'}\' b', {})).toBe('a {literal} b');
  });

  it('shows a missing argument by its name, never "undefined"', () => {
    expect(fmt('Signed in as {name}', {})).toBe('Signed in as {name}');
  });

  it('names a message\'s arguments and refuses a malformed one', () => {
    expect(argumentsOf('{a} {n, plural, one {# {b}} other {#}}')).toEqual(['a', 'b', 'n:plural']);
    expect(() => parseMessage('{unclosed')).toThrow();
    expect(() => parseMessage('stray }')).toThrow();
    expect(() => parseMessage('{n, plural, one {x}')).toThrow();
  });
});
