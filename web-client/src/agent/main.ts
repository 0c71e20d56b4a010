// Entry point of the agent console: session panel, the customer's video with the annotation overlay and
// toolbar, connection status and participants. Each piece lives in ui/agent/; this file only composes them.
import '../ui/theme.css';
import { Board } from '../annotations/board';
import { type AgentLink, joinAsAgent } from '../session/agentLink';
import { RoomApi } from '../session/roomApi';
import { h } from '../ui/dom';
import { createOverlay } from '../ui/agent/overlayController';
import { createPresence } from '../ui/agent/participants';
import { createSessionPanel } from '../ui/agent/sessionPanel';
import { createToolbar } from '../ui/agent/toolbar';

const api = new RoomApi();
const board = new Board('me');
let idCounter = 0;
const newId = () => `${Date.now().toString(36)}-${(idCounter++).toString(36)}`;

const toolbar = createToolbar({
  onChange: () => overlay.repaint(),
  undo: () => board.undo(),
  redo: () => board.redo(),
  clear: () => board.clear(),
});
board.onChange(() => toolbar.setUndoRedo(board.canUndo(), board.canRedo()));

const video = h('video', { autoplay: true, muted: true, playsinline: true, 'data-testid': 'remote-video',
  'aria-label': 'The customer\'s shared screen' });
video.muted = true;
const overlay = createOverlay(video, board, toolbar.settings, { action: () => undefined, pointer: () => undefined }, newId);
const empty = h('div', { class: 'empty' },
  h('p', {}, 'The customer\'s screen appears here once they join and share.', h('br'),
    h('span', { class: 'muted' }, 'Create a session, then give them the code or the link.')));
video.addEventListener('loadeddata', () => (empty.hidden = true));

const presence = createPresence();
let link: AgentLink | null = null;
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
  }).then((l) => (link = l), () => presence.setState('offline'));
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
