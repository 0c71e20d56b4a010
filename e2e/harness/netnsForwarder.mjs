// Runs inside a test host's network namespace (netns.mjs): listens on localhost:<port> there and forwards each
// connection to <gateway>:<port>, the same port on this machine's side of the host's veth pair. Exits when its
// standard input closes (the test process went away).
import { connect, createServer } from 'node:net';

const [gateway, ...ports] = process.argv.slice(2);
let listening = 0;
const servers = [];
for (const port of ports.map(Number)) {
  for (const host of ['127.0.0.1', '::1']) {
    const server = createServer((client) => {
      const upstream = connect(port, gateway);
      client.pipe(upstream).pipe(client);
      const close = () => {
        client.destroy();
        upstream.destroy();
      };
      client.on('error', close);
      upstream.on('error', close);
    });
    servers.push(server);
    server.on('error', (e) => {
      // No IPv6 loopback in this namespace: IPv4 is enough (Chromium falls back to it).
      if (host !== '::1') throw e;
    });
    server.listen(port, host, () => {
      if (host === '127.0.0.1' && ++listening === ports.length) console.log(`forwarding ${ports.join(', ')} to ${gateway}`);
    });
  }
}
process.stdin.resume();
process.stdin.on('end', () => process.exit(0));
