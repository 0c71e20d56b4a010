// Serves the built web client (unpacked from the coview-web-client jar by Maven into target/web) and the test
// fixtures on a free loopback port, the way room-service serves the bundle: /agent/, /join/, /assets/….
import { createServer, request } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
};

/**
 * @param roots URL prefix → folder
 * @param apiTarget when given (room-service's base URL), /api/… is proxied there, like `npm run dev` does
 * @param host the address to listen on (the relay test adds its namespaces' gateways with 0.0.0.0)
 * @returns {Promise<{url: string, proxyApiTo: (url: string) => void, close: () => Promise<void>}>}
 */
export async function startStaticServer(roots, apiTarget = null, { host = '127.0.0.1' } = {}) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (apiTarget && path.startsWith('/api/')) {
      const target = new URL(req.url, apiTarget);
      const upstream = request(target, { method: req.method, headers: { ...req.headers, host: target.host } }, (up) => {
        res.writeHead(up.statusCode, up.headers);
        up.pipe(res);
      });
      upstream.on('error', () => {
        res.writeHead(502);
        res.end();
      });
      req.pipe(upstream);
      return;
    }
    for (const [prefix, dir] of Object.entries(roots)) {
      if (!path.startsWith(prefix)) continue;
      const rel = normalize(path.slice(prefix.length)).replace(/^(\.\.[/\\])+/, '');
      let file = join(dir, rel);
      try {
        if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
        const body = await readFile(file);
        res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
        res.end(body);
        return;
      } catch {
        // Try the next root.
      }
    }
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('not found');
  });
  await new Promise((resolve) => server.listen(0, host, resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    proxyApiTo: (url) => {
      apiTarget = url;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
