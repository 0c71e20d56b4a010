// The host page's side of the widget: `CoView.mount(element, options)` puts the agent console or the customer
// page of a CoView deployment into an iframe and relays its events. Everything the iframe posts is checked
// (origin = the CoView origin the host named, source = this very iframe's window, a version-1 envelope) before
// the host's code sees it; anything else is dropped silently.
import {
  EMBED_PARAM, type Envelope, envelope, type ExternalRef, isEnvelope, normaliseOrigin, PARENT_ORIGIN_PARAM, WIDGET_EVENT_TYPES,
  type WidgetEvent, type WidgetEvents, type WidgetEventType, type WidgetMode,
} from './protocol';

export interface MountOptions {
  /** Where CoView (room-service) is served, e.g. `https://coview.example.com`; only its origin is used. */
  origin: string;
  /** `agent`: the agent console (`/agent/`); `customer`: the customer's page (`/join/`). */
  mode: WidgetMode;
  /** Customer mode: the 6-digit join code, so the customer does not type it (sent in the URL fragment). */
  code?: string;
  /** Customer mode: the invite token of an invite link, instead of a code (URL fragment too). */
  invite?: string;
  /**
   * Agent mode: the agent key to fill in, so the agent only presses *New session*. Sent by postMessage to the
   * CoView origin once the console is ready, never in the URL.
   */
  apiKey?: string;
  /**
   * Agent mode: the record the session belongs to, e.g. `{ system: 'salesforce', type: 'Case', id: caseId }`.
   * Every session event of the room carries it (CloudEvents attributes `externalref*`); sent by postMessage.
   */
  externalRef?: ExternalRef;
  /** Agent mode: up to 10 short strings every session event of the room carries (attribute `roommetadata`). */
  metadata?: Record<string, string>;
  /** The iframe's accessible name; default "CoView agent console" / "CoView screen sharing". */
  title?: string;
  /**
   * The embedded page's language (`en`, `de`, `fr`, `es`, `ja`; sent as `lang` in the URL); without it the page
   * follows the browser's language (and the agent console its own saved setting first).
   */
  lang?: string;
  /** Called with every event (after the `on` listeners of its type). */
  onEvent?: (event: WidgetEvent) => void;
}

export interface WidgetHandle {
  /** The iframe (already in the element). */
  readonly iframe: HTMLIFrameElement;
  /** Resolves when the embedded page reports it is ready (its bridge listens). */
  readonly ready: Promise<void>;
  /** Listens to one event type; returns a function that stops listening. */
  on<K extends WidgetEventType>(type: K, listener: (data: WidgetEvents[K]) => void): () => void;
  /** Removes the iframe (which ends the page's live links) and stops listening. Idempotent. */
  destroy(): void;
}

/** The option names of `mount`, for checks at run time (docs/salesforce.md is tested against them). */
export const MOUNT_OPTION_NAMES = ['origin', 'mode', 'code', 'invite', 'apiKey', 'externalRef', 'metadata', 'title',
  'lang', 'onEvent'] as const;

/** What a handle offers (same purpose). */
export const HANDLE_MEMBER_NAMES = ['iframe', 'ready', 'on', 'destroy'] as const;

/** Permissions the embedded pages need: screen capture (customer), camera/microphone (later), copy buttons. */
export const IFRAME_ALLOW = 'display-capture; camera; microphone; clipboard-write';

/**
 * What the frame may do beyond a sandbox's defaults: run its scripts on its own origin (without
 * allow-same-origin the origin is opaque: getDisplayMedia fails with "Invalid security origin" and the sockets'
 * Origin check would refuse it; checked in Chromium), submit its forms, open reference links in a normal tab, and
 * download media. Left out: navigating the host page (allow-top-navigation), modals, pointer lock.
 */
export const IFRAME_SANDBOX =
  'allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox allow-downloads';

/** The iframe's address for a mount: the page, `embed=1`, the host's origin, and a join credential if given. */
export function frameUrl(options: MountOptions, hostOrigin: string): string {
  const origin = normaliseOrigin(options.origin);
  if (!origin) throw new Error(`CoView.mount: origin must be an http(s) URL, got ${String(options.origin)}`);
  if (options.mode !== 'agent' && options.mode !== 'customer') {
    throw new Error(`CoView.mount: mode must be 'agent' or 'customer', got ${String(options.mode)}`);
  }
  const url = new URL(options.mode === 'agent' ? '/agent/' : '/join/', origin);
  url.searchParams.set(EMBED_PARAM, '1');
  url.searchParams.set(PARENT_ORIGIN_PARAM, hostOrigin);
  if (options.lang) url.searchParams.set('lang', options.lang);
  // The fragment never reaches a server or its logs; join/ reads code and invite from it.
  if (options.mode === 'customer' && options.invite) url.hash = `invite=${encodeURIComponent(options.invite)}`;
  else if (options.mode === 'customer' && options.code) url.hash = `code=${encodeURIComponent(options.code)}`;
  return url.href;
}

/** A received `message` event, as far as the checks need it. */
export interface ReceivedMessage {
  readonly origin: string;
  readonly source: unknown;
  readonly data: unknown;
}

/**
 * The envelope of a message from the widget's own iframe, or null for anything else: another origin (a third
 * frame, the host page itself), another window on the CoView origin (a second widget, a popup), or not a
 * version-1 CoView envelope.
 */
export function acceptFromFrame(e: ReceivedMessage, coviewOrigin: string, frameWindow: unknown): Envelope | null {
  if (frameWindow == null || e.source !== frameWindow) return null;
  if (e.origin !== coviewOrigin) return null;
  return isEnvelope(e.data) ? e.data : null;
}

/** What the channel needs from the browser (injected in tests). */
export interface HostWindow {
  addEventListener(type: 'message', listener: (e: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (e: MessageEvent) => void): void;
}

export interface FramePort {
  /** The iframe's window, or null before it exists / after it was removed. */
  window(): { postMessage(message: unknown, targetOrigin: string): void } | null;
}

/**
 * The host's message channel to one embedded page: checks every message, dispatches events, answers `ready`
 * by sending what the page waits for (the agent key). Independent of the DOM, so it is unit-tested.
 */
export class HostChannel {
  private readonly listeners = new Map<string, Set<(data: never) => void>>();
  private readonly onMessage = (e: MessageEvent) => this.receive(e);
  private resolveReady: () => void = () => undefined;
  readonly ready = new Promise<void>((resolve) => (this.resolveReady = resolve));
  private closed = false;

  constructor(private readonly host: HostWindow, private readonly frame: FramePort,
              private readonly coviewOrigin: string,
              private readonly options: Pick<MountOptions, 'apiKey' | 'externalRef' | 'metadata' | 'onEvent'>) {
    host.addEventListener('message', this.onMessage);
  }

  on<K extends WidgetEventType>(type: K, listener: (data: WidgetEvents[K]) => void): () => void {
    let set = this.listeners.get(type);
    if (!set) this.listeners.set(type, (set = new Set()));
    set.add(listener as (data: never) => void);
    return () => set.delete(listener as (data: never) => void);
  }

  receive(e: ReceivedMessage): void {
    if (this.closed) return;
    const message = acceptFromFrame(e, this.coviewOrigin, this.frame.window());
    if (!message) return;
    if (message.type === 'ready') {
      if (this.options.apiKey) this.send(envelope('agent-key', { apiKey: this.options.apiKey }));
      const { externalRef, metadata } = this.options;
      if (externalRef || metadata) this.send(envelope('room-context', { externalRef, metadata }));
      this.resolveReady();
      return;
    }
    if (!(WIDGET_EVENT_TYPES as readonly string[]).includes(message.type)) return;
    for (const listener of this.listeners.get(message.type) ?? []) this.call(() => listener(message.data as never));
    const onEvent = this.options.onEvent;
    if (onEvent) this.call(() => onEvent(message as WidgetEvent));
  }

  close(): void {
    this.closed = true;
    this.listeners.clear();
    this.host.removeEventListener('message', this.onMessage);
  }

  private send(message: unknown): void {
    this.frame.window()?.postMessage(message, this.coviewOrigin);
  }

  /** One host listener throwing must not keep the others (or later events) from running. */
  private call(fn: () => void): void {
    try {
      fn();
    } catch (err) {
      console.error('CoView widget: an event listener failed', err);
    }
  }
}

/** Renders CoView into `element` (appended as the element's only iframe) and returns its handle. */
export function mount(element: HTMLElement, options: MountOptions): WidgetHandle {
  if (!element || typeof element.appendChild !== 'function') throw new Error('CoView.mount: element is required');
  const src = frameUrl(options, window.location.origin);
  const coviewOrigin = new URL(src).origin;
  const iframe = document.createElement('iframe');
  iframe.src = src;
  iframe.allow = IFRAME_ALLOW;
  iframe.setAttribute('sandbox', IFRAME_SANDBOX);
  iframe.title = options.title ?? (options.mode === 'agent' ? 'CoView agent console' : 'CoView screen sharing');
  iframe.setAttribute('data-coview-widget', options.mode);
  iframe.style.cssText = 'width:100%;height:100%;border:0;display:block;';
  // The channel listens before the iframe loads, so its first `ready` is not missed.
  const channel = new HostChannel(window, { window: () => iframe.contentWindow }, coviewOrigin, options);
  element.appendChild(iframe);
  let destroyed = false;
  return {
    iframe,
    ready: channel.ready,
    on: (type, listener) => channel.on(type, listener),
    destroy: () => {
      if (destroyed) return;
      destroyed = true;
      channel.close();
      iframe.remove();
    },
  };
}

export { PROTOCOL_VERSION, WIDGET_EVENT_TYPES } from './protocol';
export type { ExternalRef, RoomContext, WidgetEvent, WidgetEvents, WidgetEventType, WidgetMode } from './protocol';
