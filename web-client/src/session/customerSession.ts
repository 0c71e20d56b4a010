/**
 * The customer page's session, without the DOM: the room it joined, its link once up (read at a click, which must
 * not wait: the screen picker needs the click's activation), the share view while the customer shares, the agent's
 * screen once the link is up, and the end (once: they left, or the socket closed for good), which stops every
 * capture at once. join/main.ts shows what each transition answers.
 */
import type { JoinedRoom } from './roomApi';

interface Disposable {
  dispose(): void;
}

/** The agent's screen on the customer's page (two-way sharing). */
interface TheirScreenPart extends Disposable {
  setOwnSharing(on: boolean): void;
}

export class CustomerSession<L, V extends Disposable = Disposable, T extends TheirScreenPart = TheirScreenPart> {
  private over = false;
  private up: L | null = null;
  private view: V | null = null;
  private theirs: T | null = null;

  constructor(readonly room: JoinedRoom) {}

  get ended(): boolean {
    return this.over;
  }

  /** The link once it is up; null before. */
  get live(): L | null {
    return this.up;
  }

  /** The agent's screen, once shown; null before and after the end. */
  get theirScreen(): T | null {
    return this.theirs;
  }

  /** The link is up: true while the session runs (the page then builds on it). */
  linkUp(link: L): boolean {
    this.up = link;
    return !this.over;
  }

  /** The agent's screen is on the page (it shows whether the customer shares too). */
  showTheirs(theirs: T): void {
    this.theirs = theirs;
  }

  /** The customer shares, through `view`; the agent's screen steps back. */
  sharing(view: V): void {
    this.view = view;
    this.theirs?.setOwnSharing(true);
  }

  /** Their share stopped (Stop, or the browser's own stop): its view goes, the agent's screen comes forward. */
  shareStopped(): void {
    this.view?.dispose();
    this.view = null;
    this.theirs?.setOwnSharing(false);
  }

  /** Ends once (false when it already had): the share view and the agent's screen go at once. */
  end(): boolean {
    if (this.over) return false;
    this.over = true;
    this.view?.dispose();
    this.view = null;
    this.theirs?.dispose();
    this.theirs = null;
    return true;
  }
}
