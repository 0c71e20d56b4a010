/**
 * A line that says something for a while (a refused message, in words), then goes: a status, so screen readers
 * read it once, without taking the focus.
 */
import { h } from './dom';

/** How long a notice stays, in ms: long enough to read two sentences. */
const NOTICE_MS = 8000;

export interface Notice {
  readonly element: HTMLElement;
  say(words: string): void;
}

export function createNotice(testId: string): Notice {
  const element = h('p', { class: 'notice', role: 'status', 'data-testid': testId, hidden: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    element,
    say: (words) => {
      element.textContent = words;
      element.hidden = false;
      clearTimeout(timer);
      timer = setTimeout(() => (element.hidden = true), NOTICE_MS);
    },
  };
}
