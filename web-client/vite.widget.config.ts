import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// The embeddable widget (src/embed/): a library build next to the pages, so room-service serves it at
// /widget/coview-widget.iife.js (a <script> tag: global `CoView`) and /widget/coview-widget.js (ES module for
// bundlers). Runs after the pages' build (whose emptyOutDir clears the whole folder first).
export default defineConfig({
  build: {
    outDir: 'target/classes/META-INF/resources/widget',
    emptyOutDir: true,
    // Host pages are arbitrary CRM pages: no modern-only syntax surprises beyond what the pages need anyway.
    target: 'es2020',
    lib: {
      entry: resolve(import.meta.dirname, 'src/embed/index.ts'),
      name: 'CoView',
      formats: ['iife', 'es'],
      fileName: (format) => (format === 'iife' ? 'coview-widget.iife.js' : 'coview-widget.js'),
    },
  },
});
