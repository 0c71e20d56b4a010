// Entry point of the agent console: session panel, the customer's video with the annotation overlay and
// toolbar, connection status and participants. Each piece lives in ui/agent/; this file only composes them.
import '../ui/theme.css';
import { drawableToWire } from '../annotations/wire';
import { type AgentLink, joinAsAgent } from '../session/agentLink';
import { RoomApi } from '../session/roomApi';
import { h } from '../ui/dom';
import { createOverlay } from '../ui/agent/overlayController';
import { createPresence } from '../ui/agent/participants';
import { createSessionPanel } from '../ui/agent/sessionPanel';
import { createToolbar } from '../ui/agent/toolbar';

const api = new RoomApi();
let link: AgentLink | null = null;
let idCounter = 0;
const newId = () => `${Date.now().toString(36)}-${(idCounter++).toString(36)}`;

const toolbar = createToolbar({
  onChange: () => overlay.repaint(),
  // Applied when annotation-service's event comes back (RoomDrawings), never locally first.
  undo: () => void link?.send({ type: 'undo' }),
  redo: () => void link?.send({ type: 'redo' }),
  clear: () => void link?.send({ type: 'clear', scope: 'all' }),
});
toolbar.setUndoRedo(false, false);

const video = h('video', { autoplay: true, muted: true, playsinline: true, 'data-testid': 'remote-video',
  'aria-label': 'The customer\'s shared screen' });
video.muted = true;
const overlay = createOverlay(video, {
  drawables: (source) => link?.drawings.drawables(source) ?? [],
  has: (id) => link?.drawings.has(id) ?? false,
  // Others' pointers (another agent, an observer); this agent's own is drawn locally without the round trip.
  pointers: () => [...(link?.drawings.pointers() ?? new Map()).entries()]
    .filter(([author]) => author !== link?.drawings.selfId)
    .map(([, position]) => ({ position, colour: '#1f5fd6', label: 'Colleague' })),
}, toolbar.settings, {
  draw: (d, source) => void link?.send(drawableToWire(d, source)),
  pointer: (p) => void link?.send(p ? { type: 'pointer', x: p.x, y: p.y } : { type: 'pointer.hide' }),
}, newId);
const empty = h('div', { class: 'empty' },
  h('p', {}, 'The customer\'s screen appears here once they join and share.', h('br'),
    h('span', { class: 'muted' }, 'Create a session, then give them the code or the link.')));
video.addEventListener('loadeddata', () => (empty.hidden = true));

const presence = createPresence();
const sessionPanel = createSessionPanel(api, sessionStorage, (room) => {
  link?.leave();
  presence.setParticipants([]);
  joinAsAgent(api, room, {
    state: (s) => presence.setState(s === 'closed' ? 'offline' : s),
    participants: (list, selfId) => presence.setParticipants(list, selfId),
    crop: (geometry) => overlay.setGeometry(geometry),
    video: (stream) => {
      video.srcObject = stream;
      empty.hidden = stream !== null;
    },
  }).then((l) => {
    link = l;
    l.drawings.onChange(() => {
      overlay.repaint();
      toolbar.setUndoRedo(l.drawings.canUndo(), l.drawings.canRedo());
    });
  }, () => presence.setState('offline'));
});

document.addEventListener('keydown', (e) => {
  if (toolbar.shortcut(e)) e.preventDefault();
});

document.getElementById('app')!.replaceWith(h('div', { id: 'app' },
  h('header', { class: 'topbar' }, h('span', { class: 'brand' }, 'CoView'), h('h1', {}, 'Agent console'),
    h('span', { class: 'spacer' }), presence.status),
  h('main', { class: 'console' },
    h('section', { class: 'stage', 'aria-label': 'Shared screen and drawing tools' },
      toolbar.element,
      h('div', { class: 'video-area' }, video, overlay.canvas, empty)),
    h('aside', { class: 'side', 'aria-label': 'Session' }, sessionPanel, presence.list))));
