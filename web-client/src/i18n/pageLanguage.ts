/**
 * Which language a page speaks, decided once before it builds anything:
 * - the customer's page and the observer page follow the link (`?lang=` an invite, a widget or an observer link
 *   may carry), else the browser's languages;
 * - the agent console follows its own setting (remembered in this browser), else the link, else the browser.
 * Anything CoView does not speak falls back to English. The chosen language also sets `<html lang>` and the title.
 */
import { LANG_PARAM, LANGUAGES, type Language, type MessageKey, pickLanguage, t, useLanguage } from '.';

/** localStorage key: the agent console's language setting (one of {@link LANGUAGES}). */
export const AGENT_LANGUAGE_STORAGE = 'coview.agentLanguage';

/** The parts of `navigator` the choice reads. */
export type BrowserLanguages = Pick<Navigator, 'languages' | 'language'>;

const browser = (nav: BrowserLanguages): readonly string[] => (nav.languages?.length ? nav.languages : [nav.language]);

/** The customer's and the observer's page: the link's language, else the browser's. */
export function linkLanguage(url: URL, nav: BrowserLanguages): Language {
  return pickLanguage([url.searchParams.get(LANG_PARAM), ...browser(nav)]);
}

/** The agent console: its saved setting, else the link's language (a widget's), else the browser's. */
export function agentLanguage(url: URL, saved: string | null, nav: BrowserLanguages): Language {
  const setting = LANGUAGES.find((l) => l === saved);
  return setting ?? linkLanguage(url, nav);
}

/** Uses the language for this page and titles the document with the page's title key. */
export function startPage(lang: Language, title: MessageKey): Language {
  useLanguage(lang);
  document.title = t(title);
  return lang;
}

/** A link with the language it should open in (`lang`), or without one (the person's browser decides). */
export function withLanguage(link: string, lang: Language | null): string {
  try {
    const url = new URL(link);
    if (lang) url.searchParams.set(LANG_PARAM, lang);
    else url.searchParams.delete(LANG_PARAM);
    return url.href;
  } catch {
    return link;
  }
}
