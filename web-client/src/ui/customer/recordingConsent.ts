/**
 * The customer's say over recording: when the agent asks (`recording.request`), a dialog explains what would be
 * recorded and asks *Allow recording* or *Don't record* (Escape declines); the answer goes back as
 * `recording.consent`. While a recording runs (the room's state and `recording` events), a red "Recording"
 * indicator stays in the page's top bar: the customer always knows. A recording runs in the agent's page: once the
 * agent is gone for good (left, or lost after the resume grace) it runs nowhere, even when that page could not tell
 * the room so (it crashed), and the indicator goes; the agent's next page tells the room when it comes back.
 */
import type { AnnotationClient } from '../../annotations/annotationClient';
import { announce, announcer } from '../announcer';
import { h } from '../dom';
import { askModal } from '../dialog';
import { t } from '../../i18n';

export interface RecordingConsentUi {
  /** The red indicator, for the page's top bar. */
  readonly indicator: HTMLElement;
  /** Whether the agent is gone for good (see the link's status): then nothing records, whatever the room says. */
  agentGone(gone: boolean): void;
}

export function attachRecordingConsent(room: Pick<AnnotationClient, 'on' | 'onRoomState' | 'send'>,
  host: HTMLElement = document.body): RecordingConsentUi {
  const indicator = h('span', { class: 'recording-badge', hidden: true, 'data-testid': 'customer-recording' },
    t('recordingConsent.badge'));
  let closeDialog: (() => void) | null = null;
  announcer();

  const close = () => {
    closeDialog?.();
    closeDialog = null;
  };

  const ask = (requestId: string) => {
    close();
    const allow = h('button', { type: 'button', class: 'primary', 'data-testid': 'recording-allow' }, t('recordingConsent.allow'));
    const deny = h('button', { type: 'button', 'data-testid': 'recording-deny' }, t('recordingConsent.deny'));
    closeDialog = askModal({ 'aria-labelledby': 'rec-consent-title', 'aria-describedby': 'rec-consent-text',
      'data-testid': 'recording-consent' }, [
      h('h2', { id: 'rec-consent-title' }, t('recordingConsent.title')),
      h('p', { id: 'rec-consent-text' }, t('recordingConsent.text')),
      h('p', { class: 'muted' }, t('recordingConsent.sign')),
    ], allow, deny, (granted) => {
      room.send({ type: 'recording.consent', requestId, granted });
      close();
    }, host);
  };

  let recording = false;
  let gone = false;
  const render = () => {
    const on = recording && !gone;
    // Said when it changes (the indicator itself appears silently: see announcer.ts).
    if (on === indicator.hidden) announce(on ? indicator.textContent ?? '' : '');
    indicator.hidden = !on;
  };
  const show = (on: boolean) => {
    recording = on;
    render();
  };
  room.onRoomState((s) => show(Boolean(s.recording)));
  room.on('recording.request', (e) => ask(e.requestId));
  room.on('recording', (e) => show(e.on));
  return {
    indicator,
    agentGone: (g) => {
      gone = g;
      render();
    },
  };
}
