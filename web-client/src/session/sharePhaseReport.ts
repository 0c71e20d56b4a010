/**
 * Where the customer is in sharing, as their page tells signaling (`share` with its phase): each change once, and
 * again on every new socket (the service may have missed changes while it was down). Signaling tells the agent at
 * once (`peer-share`): the fast path for the agent's words, ahead of the durable pause in the annotation log. Pure:
 * the sending is injected.
 */
import type { Share } from '../generated/signal';

export type SharePhase = NonNullable<Share['phase']>;

export class SharePhaseReport {
  private phase: SharePhase | null = null;
  /** Where the customer was when the picker opened: back there if it closes without a share. */
  private beforePicker: SharePhase = 'consent';

  constructor(private readonly send: (message: Share) => void) {}

  current(): SharePhase | null {
    return this.phase;
  }

  /** The consent step is shown (nothing shared yet). */
  consent(): void {
    this.say('consent');
  }

  /** The browser's screen picker opens. */
  choosing(): void {
    if (this.phase !== 'choosing') this.beforePicker = this.phase === 'stopped' ? 'stopped' : 'consent';
    this.say('choosing');
  }

  /** The picker closed without a share (cancelled, refused): back to the consent step or to "stopped". */
  pickerClosed(): void {
    if (this.phase === 'choosing') this.say(this.beforePicker);
  }

  /** The share runs, paused or not. */
  running(paused: boolean): void {
    this.say(paused ? 'paused' : 'sharing');
  }

  /** The customer stopped sharing and stays in the room. */
  stopped(): void {
    this.say('stopped');
  }

  /** States the phase again, on a new socket. */
  resend(): void {
    if (this.phase) this.send(message(this.phase));
  }

  private say(next: SharePhase): void {
    if (next === this.phase) return;
    this.phase = next;
    this.send(message(next));
  }
}

function message(phase: SharePhase): Share {
  return { type: 'share', active: phase === 'sharing' || phase === 'paused', phase };
}
