/**
 * The pages' words: `t('key', args)` looks the key up in the page's language (catalogues/*.ts, English the
 * reference) and formats it (format.ts). A page chooses its language once, first thing, with {@link useLanguage};
 * the customer's page from the invite's `lang` or the browser, the agent console from its own saved setting.
 * Numbers, dates and durations go through Intl in the same language.
 *
 * The language is page state (one per document), so it lives here rather than being threaded through every
 * builder; builders call t() when they build, never at module load (the language is not chosen yet then).
 */
import { CATALOGUES, type Language, LANGUAGES, type MessageKey } from './catalogues';
import { formatParts, type MessageArgs, parseMessage } from './format';

export { LANGUAGES, type Language, type MessageKey };
export type { MessageArgs };

/** Each language in its own words (not translated: a person looks for their own language's name). */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = {
  en: 'English', de: 'Deutsch', fr: 'Français', es: 'Español', ja: '日本語',
};

/** The URL parameter an invite, a widget or an observer link may carry to choose the page's language. */
export const LANG_PARAM = 'lang';

let current: Language = 'en';
const parsed = new Map<string, ReturnType<typeof parseMessage>>();

/** The first candidate (BCP 47 tags, best first) CoView speaks, by its primary language; else English. */
export function pickLanguage(candidates: readonly (string | null | undefined)[]): Language {
  for (const c of candidates) {
    const primary = c?.trim().toLowerCase().split(/[-_]/)[0];
    const hit = LANGUAGES.find((l) => l === primary);
    if (hit) return hit;
  }
  return 'en';
}

/** Sets the page's language and `<html lang>`; returns it. */
export function useLanguage(lang: Language): Language {
  current = lang;
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
  return lang;
}

/** The page's language. */
export function language(): Language {
  return current;
}

/** The words for a key in the page's language, with its arguments. */
export function t(key: MessageKey, args: MessageArgs = {}): string {
  const message = CATALOGUES[current][key] ?? CATALOGUES.en[key];
  const cacheKey = `${current}\u0000${key}`;
  let parts = parsed.get(cacheKey);
  if (!parts) {
    parts = parseMessage(message);
    parsed.set(cacheKey, parts);
  }
  return formatParts(parts, args, current);
}

/** A number in the page's language (grouping, decimal sign). */
export function formatNumber(n: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(current, options).format(n);
}

/** A byte count as a person reads it: "1.4 MB", "820 kB". */
export function formatBytes(bytes: number): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let i = 0;
  let v = bytes;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return formatNumber(v, { style: 'unit', unit: units[i], unitDisplay: 'short', maximumFractionDigits: i === 0 ? 0 : 1 });
}

/** A duration in whole seconds as "1:05:09" / "4:07" (digits in the page's language). */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const two = (n: number) => formatNumber(n, { minimumIntegerDigits: 2 });
  const [hours, minutes, seconds] = [Math.floor(total / 3600), Math.floor(total / 60) % 60, total % 60];
  return hours > 0 ? `${formatNumber(hours)}:${two(minutes)}:${two(seconds)}` : `${formatNumber(minutes)}:${two(seconds)}`;
}

/** A time of day (hours and minutes) in the page's language. */
export function formatTime(at: Date | number): string {
  return new Intl.DateTimeFormat(current, { hour: 'numeric', minute: '2-digit' }).format(at);
}

/** A date and time in the page's language. */
export function formatDateTime(at: Date | number): string {
  return new Intl.DateTimeFormat(current, { dateStyle: 'medium', timeStyle: 'short' }).format(at);
}
