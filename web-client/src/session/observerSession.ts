/**
 * The observer page's state: what it is told ({@link reduceObserver}), whether the session is over for it (once:
 * by the room's end, or by a refused link), and the live link to let go of at the end. observe/main.ts shows what
 * each transition answers.
 */
import type { EndReason } from './agentView';
import { observerAgentText, observerCustomerText, observerEnded, OBSERVER_START, type ObserverSignal,
  type ObserverView, reduceObserver } from './observerView';

/** After a signal: the two sentences to show, or the end (`first`: this signal ended it). */
export type ObserverUpdate =
  | { ended: false; customer: string; agent: string }
  | { ended: true; reason: EndReason; first: boolean };

export class ObserverSession<L extends { leave(): void }> {
  private view: ObserverView = OBSERVER_START;
  private over = false;
  private live: L | null = null;

  get isOver(): boolean {
    return this.over;
  }

  tell(signal: ObserverSignal): ObserverUpdate {
    this.view = reduceObserver(this.view, signal);
    const reason = observerEnded(this.view);
    if (reason) return { ended: true, reason, first: this.end() };
    return { ended: false, customer: observerCustomerText(this.view), agent: observerAgentText(this.view) };
  }

  /** Ends once (false when it already was), letting go of the room at once. */
  end(): boolean {
    if (this.over) return false;
    this.over = true;
    this.live?.leave();
    this.live = null;
    return true;
  }

  /** The link is up: kept while the session runs, else left at once (it ended while joining). */
  linkUp(link: L): boolean {
    if (this.over) {
      link.leave();
      return false;
    }
    this.live = link;
    return true;
  }
}
