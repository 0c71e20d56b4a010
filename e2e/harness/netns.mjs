// Test hosts in network namespaces that this test makes itself (root only): each browser runs in its own
// namespace, joined to this machine by a veth pair on a /30 of its own, with no default route — so the two
// browsers have no route to each other, and each reaches only its gateway address on this machine (where the
// stack's services and coturn listen). A forwarder inside each namespace makes `localhost:<port>` there reach the
// gateway's port, so the pages keep their secure `http://localhost` origin, as in the direct tests.
// Names carry the creating process's pid: a run first removes the leftovers of runs whose process is gone.
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The prefix of every namespace (`cvrelay-<pid>-<host>`) and root-side link (`cvr<pid><host>`) made here. */
export const NS_PREFIX = 'cvrelay-';
const LINK_PREFIX = 'cvr';
const FORWARDER = fileURLToPath(new URL('./netnsForwarder.mjs', import.meta.url));
const WRAPPERS = fileURLToPath(new URL('../target/netns/', import.meta.url));

function ip(...args) {
  return execFileSync('ip', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Why namespaces cannot be made here, or null. */
export function netnsMissing() {
  if (process.getuid?.() !== 0) return 'needs root (ip netns add)';
  try {
    ip('netns', 'list');
  } catch (e) {
    return `ip netns does not work here: ${e.message}`;
  }
  return null;
}

const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
};

/** Removes namespaces and links of this test whose creating process no longer runs. */
export function removeLeftovers() {
  for (const line of ip('netns', 'list').split('\n')) {
    const m = /^(cvrelay-(\d+)-[a-z]+)/.exec(line.trim());
    if (m && !alive(Number(m[2]))) ip('netns', 'delete', m[1]);
  }
  for (const line of ip('-o', 'link', 'show').split('\n')) {
    const m = /^\d+: (cvr(\d+)[a-z])[@:]/.exec(line);
    if (m && !alive(Number(m[2]))) ip('link', 'delete', m[1]);
  }
}

/**
 * Makes one namespace per host name, host i on 10.213.<n>.(4i)/30 with n from this pid: the gateway (this
 * machine's side) is .(4i+1), the host .(4i+2). Returns the hosts and a cleanup that removes all of it (idempotent;
 * also run on exit).
 */
export function makeHosts(names) {
  removeLeftovers();
  const n = (process.pid % 250) + 1;
  const hosts = [];
  const cleanup = () => {
    for (const h of hosts.splice(0)) {
      h.forwarder?.kill('SIGTERM');
      try {
        ip('netns', 'delete', h.ns);
      } catch {
        // Already gone.
      }
      try {
        ip('link', 'delete', h.link);
      } catch {
        // Deleting the namespace took its end of the pair, and with it this one.
      }
    }
  };
  process.once('exit', cleanup);
  try {
    names.forEach((name, i) => {
      const h = {
        name,
        ns: `${NS_PREFIX}${process.pid}-${name}`,
        link: `${LINK_PREFIX}${process.pid}${name[0]}`,
        gateway: `10.213.${n}.${4 * i + 1}`,
        address: `10.213.${n}.${4 * i + 2}`,
      };
      hosts.push(h);
      ip('netns', 'add', h.ns);
      ip('link', 'add', h.link, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', h.ns);
      ip('addr', 'add', `${h.gateway}/30`, 'dev', h.link);
      ip('link', 'set', h.link, 'up');
      ip('-n', h.ns, 'link', 'set', 'lo', 'up');
      ip('-n', h.ns, 'addr', 'add', `${h.address}/30`, 'dev', 'eth0');
      ip('-n', h.ns, 'link', 'set', 'eth0', 'up');
    });
  } catch (e) {
    cleanup();
    throw e;
  }
  return { hosts, cleanup };
}

/** The routes inside a host's namespace (`ip route`), for the test to show that none leads to the other host. */
export function routesOf(host) {
  return ip('-n', host.ns, 'route', 'show').trim();
}

/** Whether a TCP connection from inside `host` to `address:port` succeeds (a no-route check). */
export function canConnect(host, address, port) {
  try {
    execFileSync('ip', ['netns', 'exec', host.ns, process.execPath, '-e',
      `const s=require('net').connect(${port},'${address}');s.setTimeout(1500);`
      + 's.on("connect",()=>process.exit(0));s.on("error",()=>process.exit(1));s.on("timeout",()=>process.exit(2));'],
    { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Inside `host`, forwards localhost:<port> to <gateway>:<port> for each port; resolves once it listens. Stops with
 * the host's cleanup (and when this process goes: it exits when its stdin closes).
 */
export async function forwardLocalhost(host, ports) {
  const child = spawn('ip', ['netns', 'exec', host.ns, process.execPath, FORWARDER, host.gateway, ...ports.map(String)],
    { stdio: ['pipe', 'pipe', 'inherit'] });
  host.forwarder = child;
  await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      if (out.includes('forwarding')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`forwarder in ${host.ns} exited (${code}): ${out}`)));
  });
}

/** A Chromium executable that runs /usr/bin/chromium inside `host`'s namespace (for playwright's executablePath). */
export function chromiumIn(host, chromium) {
  mkdirSync(WRAPPERS, { recursive: true });
  const path = `${WRAPPERS}chromium-${host.name}.sh`;
  // exec keeps the pipes playwright drives Chromium through (--remote-debugging-pipe, fds 3 and 4).
  writeFileSync(path, `#!/bin/sh\nexec ip netns exec '${host.ns}' '${chromium}' "$@"\n`);
  chmodSync(path, 0o755);
  return path;
}
