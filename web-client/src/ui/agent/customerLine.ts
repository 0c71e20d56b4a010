/**
 * The customer's state in words over the agent's video ("Choosing a screen…", empty while the picture speaks for
 * itself). The line itself is silent (it appears and disappears, and an un-hidden live region is often not read);
 * each new sentence is said by the page's one live region instead.
 */
import type { CustomerUpdate } from '../../session/agentConsole';
import { announce } from '../announcer';
import { h } from '../dom';

export interface CustomerLine {
  readonly element: HTMLElement;
  show(update: CustomerUpdate): void;
  /** No session: nothing to say about a customer. */
  hide(): void;
}

export function createCustomerLine(): CustomerLine {
  const element = h('p', { class: 'customer-state', 'data-testid': 'customer-state' });
  return {
    element,
    show: ({ view, label, news }) => {
      element.dataset.phase = view.phase;
      if (news) announce(label);
      element.textContent = label;
      element.hidden = label === '';
    },
    hide: () => {
      element.hidden = true;
    },
  };
}
