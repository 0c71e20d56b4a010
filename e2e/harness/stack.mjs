// The real CoView stack for the end-to-end tests: deploy/local's launcher (CoviewUp) starts Redis, a Kafka
// broker and the three packaged services on free ports, exactly as `./coview up` does, and stops them all when
// it gets SIGTERM (its shutdown hook; its watchdogs also end every server if this process dies).
// Maven writes the launcher's classpath to target/local-classpath.txt (dependency:build-classpath).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

// COVIEW_E2E_ROOT: another checkout (or a folder laid out like one) whose packaged services to run.
export const REPO_ROOT = process.env.COVIEW_E2E_ROOT
  ? `${process.env.COVIEW_E2E_ROOT.replace(/\/$/, '')}/`
  : fileURLToPath(new URL('../../', import.meta.url));
const CLASSPATH_FILE = fileURLToPath(new URL('../target/local-classpath.txt', import.meta.url));
const SERVICES = ['room-service', 'signaling-service', 'annotation-service'];

/** Why the stack cannot start here, or null when it can (service jars packaged, launcher classpath written). */
export function stackMissing() {
  if (!existsSync(CLASSPATH_FILE)) return `${CLASSPATH_FILE} is missing (run the e2e module through Maven)`;
  const missing = SERVICES.filter((s) => !existsSync(`${REPO_ROOT}${s}/target/quarkus-app/quarkus-run.jar`));
  return missing.length ? `not packaged: ${missing.join(', ')}` : null;
}

/**
 * `count` distinct free ports. Every listener stays open until all are taken: a port closed at once can be handed out
 * again by the next bind (a CI run once gave signaling-service and the issuer the same port).
 */
async function freePorts(count) {
  const servers = [];
  for (let i = 0; i < count; i++) {
    const server = createServer();
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push(server);
  }
  const ports = servers.map((server) => server.address().port);
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
}

/** The agent API key the stack's room-service is started with (COVIEW_ROOM_AGENT_API_KEY). */
export const AGENT_KEY = 'e2e-agent-key-0123456789abcdef';
/** The local OpenID Connect issuer's user (CoviewUp's LocalSignIn) and the password the stack gives it. */
export const AGENT_USER = 'agent';
export const AGENT_PASSWORD = 'e2e-agent-password';

/**
 * Starts the stack and resolves once every service reports ready.
 * @param extraOrigins page origins besides room-service's own that may open the WebSockets (e.g. a static
 *        server in front of the stack)
 * @param turnAddresses when given, the stack also runs coturn (`--turn`) listening on these addresses
 * @param env more environment for the launcher and the services (e.g. room-service settings)
 * @returns {Promise<{roomUrl: string, signalingUrl: string, annotationUrl: string, issuerUrl: string,
 *   managementUrls: {room: string, signaling: string, annotation: string}, output: () => string,
 *   stop: () => Promise<void>}>} (`managementUrls`: health at `…/q/health/ready`, metrics at `…/q/metrics`)
 */
export async function startStack({ timeoutMs = Number(process.env.COVIEW_E2E_STACK_TIMEOUT_MS ?? 180_000),
  extraOrigins = [], turnAddresses = null, env = {} } = {}) {
  const why = stackMissing();
  if (why) throw new Error(`cannot start the CoView stack: ${why}`);
  // Health and metrics are on each service's management port, which must not collide with a stack beside this one.
  const [room, signaling, annotation, issuer, managementRoom, managementSignaling, managementAnnotation] =
    await freePorts(7);
  const management = { room: managementRoom, signaling: managementSignaling, annotation: managementAnnotation };
  const java = process.env.JAVA_HOME ? `${process.env.JAVA_HOME}/bin/java` : 'java';
  const child = spawn(java, [
    '-Dorg.slf4j.simpleLogger.defaultLogLevel=warn',
    '-cp', readFileSync(CLASSPATH_FILE, 'utf8').trim(),
    'dev.coview.local.launcher.CoviewUp', '--root', REPO_ROOT,
    // Its own keys and logs (not the developer's .coview/), and it stops when this process goes, even if killed.
    '--state', fileURLToPath(new URL('../target/coview-state', import.meta.url)), '--watch-stdin', 'true',
    ...(turnAddresses ? ['--turn', '--turn-addresses', turnAddresses.join(',')] : []),
  ], {
    env: {
      ...process.env,
      COVIEW_ROOM_PORT: String(room),
      COVIEW_SIGNALING_PORT: String(signaling),
      COVIEW_ANNOTATION_PORT: String(annotation),
      COVIEW_ISSUER_PORT: String(issuer),
      COVIEW_ISSUER_PASSWORD: AGENT_PASSWORD,
      COVIEW_ROOM_MANAGEMENT_PORT: String(management.room),
      COVIEW_SIGNALING_MANAGEMENT_PORT: String(management.signaling),
      COVIEW_ANNOTATION_MANAGEMENT_PORT: String(management.annotation),
      // The services inherit these (SmallRye maps them to coview.room.agent-api-key, coview.ws.allowed-origins).
      // The sockets' Origin allowlist defaults to port 8080; here the pages come from a free port.
      COVIEW_ROOM_AGENT_API_KEY: AGENT_KEY,
      COVIEW_WS_ALLOWED_ORIGINS: [`http://localhost:${room}`, `http://127.0.0.1:${room}`, ...extraOrigins].join(','),
      ...env,
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await new Promise((resolve, reject) => {
    // A stack that is not up in time is stopped: left running, it would keep this test file (and the run) alive.
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`stack not up within ${timeoutMs} ms:\n${out}`));
    }, timeoutMs);
    const onData = (d) => {
      out += d;
      if (out.includes('CoView is up')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the stack launcher exited (${code}) before it was up:\n${out}`));
    });
  });
  return {
    roomUrl: `http://localhost:${room}`,
    ports: { room, signaling, annotation },
    signalingUrl: `ws://localhost:${signaling}/ws/signal`,
    annotationUrl: `ws://localhost:${annotation}/ws/annotations`,
    issuerUrl: `http://127.0.0.1:${issuer}`,
    managementUrls: Object.fromEntries(Object.entries(management).map(([k, p]) => [k, `http://127.0.0.1:${p}`])),
    output: () => out,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
