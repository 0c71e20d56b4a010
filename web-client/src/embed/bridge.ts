// The embedded pages' side of the widget: `notifyHost` posts an event to the host page that embeds this page
// in the CoView widget, and does nothing at all when the page is not embedded (a normal tab, or a frame the
// widget did not create). Pages call it at the moments the host cares about; it never throws.
import {
  EMBED_PARAM, envelope, type HostCommands, type HostCommandType, isEnvelope, normaliseOrigin, PARENT_ORIGIN_PARAM, type WidgetEvents,
  type WidgetEventType, type WidgetMode,
} from './protocol';

/** What the bridge needs from the browser (injected in tests). */
export interface BridgeWindow {
  readonly location: { readonly href: string };
  readonly parent: { postMessage(message: unknown, targetOrigin: string): void } | null;
  /** The window itself: a page whose parent is itself is not framed. */
  readonly self: unknown;
  addEventListener(type: 'message', listener: (e: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (e: MessageEvent) => void): void;
}

export interface Bridge {
  /** Whether this page is embedded by the widget (framed, `embed=1`, a valid `parentOrigin`). */
  readonly embedded: boolean;
  /** The only origin events are posted to, or null when not embedded. */
  readonly parentOrigin: string | null;
  notify<K extends WidgetEventType>(type: K, data: WidgetEvents[K]): void;
  /** Listens to a host command; a command that arrived before is replayed at once (the latest of its type). */
  onCommand<K extends HostCommandType>(type: K, listener: (data: HostCommands[K]) => void): void;
  dispose(): void;
}

/**
 * Creates the bridge of a page. Events go to `parentOrigin` only (postMessage's targetOrigin: the browser drops
 * the message if the parent is on any other origin), never `*`; the host's `ping` is answered only when it comes
 * from the parent window on that origin.
 */
export function createBridge(win: BridgeWindow, mode: WidgetMode): Bridge {
  const url = new URL(win.location.href);
  const parentOrigin = normaliseOrigin(url.searchParams.get(PARENT_ORIGIN_PARAM));
  const parent = win.parent;
  const embedded = url.searchParams.get(EMBED_PARAM) === '1' && parentOrigin !== null
    && parent !== null && parent !== win.self;
  if (!embedded) {
    return notEmbedded();
  }
  const latest = new Map<string, unknown>();
  const listeners = new Map<string, ((data: never) => void)[]>();
  const post = (message: unknown) => {
    try {
      parent.postMessage(message, parentOrigin);
    } catch {
      // A host that navigated away or a cloning failure must never break the page.
    }
  };
  const onMessage = (e: MessageEvent) => {
    if (e.origin !== parentOrigin || e.source !== parent || !isEnvelope(e.data)) return;
    if (e.data.type === 'ping') {
      post(envelope('ready', { mode }));
      return;
    }
    if (!COMMANDS.includes(e.data.type as HostCommandType)) return;
    latest.set(e.data.type, e.data.data);
    for (const listener of listeners.get(e.data.type) ?? []) listener(e.data.data as never);
  };
  win.addEventListener('message', onMessage);
  post(envelope('ready', { mode }));
  return {
    embedded: true,
    parentOrigin,
    notify: (type, data) => post(envelope(type, data)),
    onCommand: (type, listener) => {
      listeners.set(type, [...(listeners.get(type) ?? []), listener as (data: never) => void]);
      if (latest.has(type)) listener(latest.get(type) as HostCommands[typeof type]);
    },
    dispose: () => win.removeEventListener('message', onMessage),
  };
}

const COMMANDS: readonly HostCommandType[] = ['agent-key', 'room-context'];

function notEmbedded(): Bridge {
  return { embedded: false, parentOrigin: null, notify: () => undefined, onCommand: () => undefined,
    dispose: () => undefined };
}

// The page's one bridge: pages are entry points without shared state otherwise, but `notifyHost` is called
// from several of their parts (the entry files, the recording), and one page has one parent.
let pageBridge: Bridge | null = null;

/**
 * Tells the host page that embeds this page about an event; a no-op unless the page runs inside the widget.
 * The first call on a page creates its bridge (agent mode under /agent/, customer mode otherwise).
 */
export function notifyHost<K extends WidgetEventType>(type: K, data: WidgetEvents[K]): void {
  try {
    if (typeof window === 'undefined') return;
    pageBridge ??= createBridge(window as unknown as BridgeWindow,
      window.location.pathname.startsWith('/agent') ? 'agent' : 'customer');
    pageBridge.notify(type, data);
  } catch {
    // Never let the host integration break a support session.
  }
}

/** Creates the page's bridge now (so `ready` reaches the host before the first event). */
export function startBridge(mode: WidgetMode): Bridge {
  if (typeof window === 'undefined') return notEmbedded();
  pageBridge ??= createBridge(window as unknown as BridgeWindow, mode);
  return pageBridge;
}
