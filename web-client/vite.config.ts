import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

// room-service serves the bundle from the web-client jar's META-INF/resources (Maven builds it there).
// `npm run dev` serves the pages itself and proxies the APIs to locally running services (./coview up).
const room = process.env.COVIEW_ROOM_URL ?? 'http://localhost:8080';
const signaling = process.env.COVIEW_SIGNALING_URL ?? 'ws://localhost:8081';
const annotation = process.env.COVIEW_ANNOTATION_URL ?? 'ws://localhost:8082';

/**
 * The document every page shares, in one place: each page's HTML file holds only its entry script, and this wraps
 * it (in `npm run dev` too, before Vite adds its own tags). No inline script or style: the pages'
 * Content-Security-Policy allows neither.
 */
function pageShell(): Plugin {
  return {
    name: 'coview-page-shell',
    transformIndexHtml: {
      order: 'pre',
      handler: (page) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <link rel="icon" href="data:," />
    <title>CoView</title>
  </head>
  <body>
    <main id="app" aria-live="polite"></main>
    ${page.trim()}
  </body>
</html>
`,
    },
  };
}

export default defineConfig({
  plugins: [pageShell()],
  build: {
    outDir: 'target/classes/META-INF/resources',
    emptyOutDir: true,
    rollupOptions: {
      input: {
        index: resolve(import.meta.dirname, 'index.html'),
        agent: resolve(import.meta.dirname, 'agent/index.html'),
        join: resolve(import.meta.dirname, 'join/index.html'),
        observe: resolve(import.meta.dirname, 'observe/index.html'),
      },
    },
  },
  server: {
    proxy: {
      '/api': room,
      '/.well-known': room,
      '/ws/signal': { target: signaling, ws: true },
      '/ws/annotations': { target: annotation, ws: true },
    },
  },
  test: {
    include: ['src/**/*.test.ts'],
  },
});
