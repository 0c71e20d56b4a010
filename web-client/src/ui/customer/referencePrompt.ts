/**
 * A link the agent pushed (`reference.push`, or pending in the room's state after a reconnect): a dialog that
 * names who asks and shows where the link really goes, the host largest (anti-phishing: the host decides, not
 * the path or the words around it), the whole link below. *Open link* opens it in a new tab without giving that
 * page a handle on this one (noopener, noreferrer) and answers `reference.answer {accepted: true}`; *Decline*
 * (or Escape) answers false. A link the customer's page cannot read as http(s) is declined without opening.
 */
import type { AnnotationClient } from '../../annotations/annotationClient';
import { receivedHost } from '../../reference/referenceUrl';
import { h } from '../dom';
import { askModal } from '../dialog';
import { t } from '../../i18n';

export type OpenWindow = (url: string, target: string, features: string) => unknown;

export function attachReferencePrompt(room: Pick<AnnotationClient, 'on' | 'onRoomState' | 'send'>,
  open: OpenWindow = (u, t, f) => window.open(u, t, f), host: HTMLElement = document.body): void {
  let closeDialog: (() => void) | null = null;
  let shownFor: string | null = null;

  const close = () => {
    closeDialog?.();
    closeDialog = null;
    shownFor = null;
  };

  const prompt = (eventId: string, url: string) => {
    if (shownFor === eventId) return;
    close();
    const site = receivedHost(url);
    if (!site) {
      room.send({ type: 'reference.answer', accepted: false });
      return;
    }
    const openButton = h('button', { type: 'button', class: 'primary', 'data-testid': 'reference-open' }, t('referencePrompt.open'));
    const decline = h('button', { type: 'button', 'data-testid': 'reference-decline' }, t('referencePrompt.decline'));
    shownFor = eventId;
    closeDialog = askModal({ 'aria-labelledby': 'ref-title', 'data-testid': 'reference-prompt' }, [
      h('h2', { id: 'ref-title' }, t('referencePrompt.title')),
      h('p', { class: 'muted' }, t('referencePrompt.goesTo')),
      h('p', { class: 'ref-site', 'data-testid': 'reference-host' }, site),
      h('p', { class: 'ref-url' }, h('span', { class: 'sr-only' }, t('referencePrompt.fullLink')), url),
      h('p', { class: 'muted' }, t('referencePrompt.warning')),
    ], openButton, decline, (accepted) => {
      if (accepted) open(url, '_blank', 'noopener,noreferrer');
      room.send({ type: 'reference.answer', accepted });
      close();
    }, host);
  };

  room.onRoomState((s) => {
    if (s.reference) prompt(s.reference.eventId, s.reference.url);
    else close();
  });
  room.on('reference.push', (e, envelope) => prompt(envelope.eventId, e.url));
  // Answered elsewhere (another tab of this customer): nothing is pending any more.
  room.on('reference.answer', () => close());
}
