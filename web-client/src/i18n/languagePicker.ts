/**
 * A language menu: each language in its own words, the current one selected, optionally with a first choice
 * for "none" (`choose` gets null). The agent console saves its choice and reloads (a page is built in one language).
 */
import { h } from '../ui/dom';
import { language, LANGUAGE_NAMES, LANGUAGES, type Language, t } from '.';

export function languagePicker(choose: (lang: Language | null) => void, current: Language | null = language(),
  options: { id: string; label: string; none?: string; hint?: string } = { id: 'language', label: t('common.language') },
): HTMLElement {
  const select = h('select', { id: options.id, 'data-testid': options.id, title: options.hint },
    ...(options.none !== undefined ? [h('option', { value: '' }, options.none)] : []),
    ...LANGUAGES.map((l) => h('option', { value: l, lang: l, selected: l === current }, LANGUAGE_NAMES[l])));
  select.addEventListener('change', () => choose(LANGUAGES.find((l) => l === select.value) ?? null));
  return h('span', { class: 'language' }, h('label', { for: options.id }, options.label), select);
}
