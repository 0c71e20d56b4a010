// Media through a real TURN relay: the agent's and the customer's Chromium each run in a network namespace made
// by this test (harness/netns.mjs), joined to this machine by their own veth pair, with no route to each other.
// The stack (deploy/local's launcher with --turn) runs coturn on both gateway addresses; its services and the
// fixtures reach the browsers at localhost through a forwarder inside each namespace. The only way the two
// browsers can meet is the relay: the test asserts the selected candidate pair is `relay` on both sides
// (getStats), that the customer's crop arrives at the agent with its size and colours, and prints Share → the
// agent's first frame through the relay and coturn's CPU per Mbit/s relayed. Then a relay-only room (the
// `relayOnly` setting of POST /api/rooms): no host or server-reflexive candidate is in any signaling frame either
// browser sends, and the customer's address is in none the agent's browser receives. Last, the same session
// between two browsers outside the namespaces, for the direct first-frame time to compare with.
// Every namespace and link is removed after the test, also when it fails, and leftovers of earlier runs (whose
// process is gone) before it.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { CHROMIUM, collectConsole, launchChromium, SCREENSHOTS, VIEWPORT } from '../harness/browser.mjs';
import { cropOf, cropToCentre, openQuadrants, QUADRANT_COLOURS, showsCrop, TITLE } from '../harness/customer.mjs';
import { eventually } from '../harness/eventually.mjs';
import { chromiumIn, forwardLocalhost, makeHosts, netnsMissing, routesOf } from '../harness/netns.mjs';
import { FIXTURES, WEB_ROOT } from '../harness/paths.mjs';
import { firstRemoteFrame, joinByCode, newSession, shareWhenListed } from '../harness/session.mjs';
import { stackMissing, startStack } from '../harness/stack.mjs';
import { servesThisBuild } from '../harness/stackPages.mjs';
import { startStaticServer } from '../harness/staticServer.mjs';

const missing = stackMissing() ?? netnsMissing()
  ?? (existsSync('/usr/bin/turnserver') ? null : 'coturn is not installed (apt-get install coturn; .ci/run does)');

/** Records every RTCPeerConnection a page makes (and its configuration), for getStats and the policy check. */
function recordPeerConnections() {
  const Native = window.RTCPeerConnection;
  window.__coviewPcs = [];
  window.RTCPeerConnection = class extends Native {
    constructor(config, ...rest) {
      super(config, ...rest);
      window.__coviewPcs.push({ pc: this, config });
    }
  };
}

/** The selected candidate pair of the page's live peer connection: types and addresses of both ends, bytes. */
async function selectedPair(page) {
  return page.evaluate(async () => {
    for (const { pc } of window.__coviewPcs.filter(({ pc }) => pc.connectionState === 'connected')) {
      const stats = await pc.getStats();
      const transport = [...stats.values()].find((s) => s.type === 'transport' && s.selectedCandidatePairId);
      const pair = transport && stats.get(transport.selectedCandidatePairId);
      if (!pair) continue;
      const local = stats.get(pair.localCandidateId);
      const remote = stats.get(pair.remoteCandidateId);
      const inbound = [...stats.values()].find((s) => s.type === 'inbound-rtp' && s.kind === 'video');
      return {
        local: { type: local.candidateType, address: `${local.address}:${local.port}`, relayProtocol: local.relayProtocol },
        remote: { type: remote.candidateType, address: `${remote.address}:${remote.port}` },
        bytesReceived: inbound?.bytesReceived ?? 0,
      };
    }
    return null;
  });
}

/** CPU time (user + system) of a process in seconds, from /proc (clock ticks of 1/100 s on Linux). */
function cpuSeconds(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

describe('media through the TURN relay only, browsers in separate network namespaces',
  { skip: missing ? `relay test not available: ${missing}` : false }, () => {
    let network;
    let server;
    let stack;
    let agentHost;
    let customerHost;
    const browsers = {};
    let base;

    before(async () => {
      network = makeHosts(['agent', 'customer']);
      [agentHost, customerHost] = network.hosts;
      try {
        // The fixtures (the tab the customer shares) and this build's pages, reachable from the namespaces too.
        server = await startStaticServer({ '/fixtures/': FIXTURES, '/': WEB_ROOT }, null, { host: '0.0.0.0' });
        stack = await startStack({ extraOrigins: [server.url], turnAddresses: network.hosts.map((h) => h.gateway),
          timeoutMs: Number(process.env.COVIEW_E2E_STACK_TIMEOUT_MS ?? 180_000) });
        server.proxyApiTo(stack.roomUrl);
        base = await servesThisBuild(stack.roomUrl) ? stack.roomUrl : server.url;
        const { room, signaling, annotation } = stack.ports;
        for (const host of network.hosts) {
          await forwardLocalhost(host, [room, signaling, annotation, server.port]);
          browsers[host.name] = await launchChromium({ captureTitle: TITLE, executablePath: chromiumIn(host, CHROMIUM) });
        }
      } catch (e) {
        await Promise.all(Object.values(browsers).map((b) => b.close()));
        await stack?.stop();
        await server?.close();
        network.cleanup();
        throw e;
      }
    });

    after(async () => {
      await Promise.all(Object.values(browsers).map((b) => b.close().catch(() => undefined)));
      await stack?.stop();
      await server?.close();
      network?.cleanup();
      const left = execFileSync('ip', ['netns', 'list'], { encoding: 'utf8' });
      assert.doesNotMatch(left, new RegExp(`cvrelay-${process.pid}-`), 'every namespace of this run is removed');
    });

    it('the two namespaces have no route to each other, only to their own gateway', () => {
      for (const [host, other] of [[agentHost, customerHost], [customerHost, agentHost]]) {
        assert.doesNotMatch(routesOf(host), /default/, `${host.name}: ${routesOf(host)}`);
        assert.throws(() => execFileSync('ip', ['-n', host.ns, 'route', 'get', other.address], { stdio: 'pipe' }),
          /unreachable/i, `${host.name} has no route to ${other.name}`);
      }
    });

    /**
     * Agent and customer (in their namespaces unless other browsers are given): the agent creates a room (with `createBody` added to the console's
     * request, as a CRM would set it), the customer joins by code and shares; resolves once the agent's video has a
     * frame. Collects every signaling frame each side sends and receives.
     */
    async function startSession(createBody = null, { agentBrowser = browsers.agent, customerBrowser = browsers.customer } = {}) {
      const agentContext = await agentBrowser.newContext({ viewport: VIEWPORT });
      const customerContext = await customerBrowser.newContext({ viewport: VIEWPORT });
      const frames = { agent: { sent: [], received: [] }, customer: { sent: [], received: [] } };
      const lines = collectConsole({ agent: agentContext, customer: customerContext });
      for (const [name, ctx] of [['agent', agentContext], ['customer', customerContext]]) {
        await ctx.addInitScript(recordPeerConnections);
        ctx.on('page', (page) => page.on('websocket', (ws) => {
          if (!ws.url().includes('/ws/signal')) return;
          ws.on('framesent', (f) => frames[name].sent.push(String(f.payload)));
          ws.on('framereceived', (f) => frames[name].received.push(String(f.payload)));
        }));
      }
      if (createBody) {
        await agentContext.route('**/api/rooms', (route) => (route.request().method() === 'POST'
          ? route.continue({ postData: JSON.stringify(createBody),
            headers: { ...route.request().headers(), 'content-type': 'application/json' } })
          : route.continue()));
      }
      const close = async () => {
        await agentContext.close();
        await customerContext.close();
      };
      const dump = () => {
        for (const [name, f] of Object.entries(frames)) {
          f.sent.forEach((x) => lines.push(`${name} → ${x.slice(0, 300)}`));
          f.received.forEach((x) => lines.push(`${name} ← ${x.slice(0, 300)}`));
        }
        console.log(lines.join('\n'));
        console.log(stack.output().split('\n').filter((l) => /coturn|error/i.test(l)).join('\n'));
      };
      try {
        const agent = await agentContext.newPage();
        await newSession(agent, base);
        const code = (await agent.getByTestId('join-code').textContent()).trim();

        const shared = await openQuadrants(customerContext, server.url);
        const customer = await customerContext.newPage();
        await joinByCode(customer, base, code);
        const clicked = await shareWhenListed(agent, customer);
        await firstRemoteFrame(agent);
        return { agent, customer, shared, frames, firstFrameMs: Date.now() - clicked, close, dump };
      } catch (e) {
        dump();
        await close();
        throw e;
      }
    }

    /**
     * Runs `test` on a session of {@link startSession} (same arguments after it): on a failure prints the session's
     * signaling frames and coturn's lines first; closes the session's contexts in any case.
     */
    async function inSession(test, createBody = null, browsersOf = undefined) {
      const session = await startSession(createBody, browsersOf);
      try {
        await test(session);
      } catch (e) {
        session.dump();
        throw e;
      } finally {
        await session.close();
      }
    }

    /** The candidate types (host, srflx, prflx, relay) in signaling frames. */
    const candidateTypes = (payloads) => new Set(payloads.flatMap((p) => [...p.matchAll(/ typ (host|srflx|prflx|relay)\b/g)]
      .map((m) => m[1])));

    it('the agent sees the customer\'s crop through the relay; the selected pair is relay on both sides',
      () => inSession(async (session) => {
        const { agent, customer } = session;
        console.log(`Share → first frame on the agent's video, through the relay: ${session.firstFrameMs} ms`);
        const source = await cropOf(customer);
        await cropToCentre(customer);
        const crop = await cropOf(customer);
        const seen = await showsCrop(agent, '[data-testid=remote-video]', crop, source, QUADRANT_COLOURS,
          { tolerance: 70, timeoutMs: 30_000 });
        console.log(`agent receives ${seen.w}×${seen.h} through the relay, colours ${JSON.stringify(seen.colours)}`);

        const agentPair = await selectedPair(agent);
        const customerPair = await selectedPair(customer);
        console.log(`selected pairs: agent ${JSON.stringify(agentPair)}, customer ${JSON.stringify(customerPair)}`);
        assert.equal(agentPair?.local.type, 'relay', 'the agent sends and receives through its relay allocation');
        assert.equal(customerPair?.local.type, 'relay', 'the customer sends through its relay allocation');
        assert.match(agentPair.local.address, /^127\.0\.0\.1:/, 'coturn relays from loopback');
        // Without relay-only, the customer's own address travels in its candidates (host, or server-reflexive when
        // Chromium hides host addresses) and reaches the agent's browser: what a relay-only room prevents.
        const sentTypes = candidateTypes(session.frames.customer.sent);
        console.log(`candidate types the customer sent: ${[...sentTypes].join(', ')}`);
        assert.ok(sentTypes.has('host') || sentTypes.has('srflx'), 'a room that is not relay-only sends host/srflx candidates');
        assert.ok(session.frames.agent.received.join('\n').includes(customerHost.address),
          'the customer\'s address reaches the agent\'s browser in a room that is not relay-only');

        // coturn's CPU while it relays a busy share: the shared tab turns to noise (every frame new, so the encoder
        // sends what the sender's cap allows), measured over 10 s.
        await session.shared.evaluate(() => {
          const c = Object.assign(document.createElement('canvas'), { width: 640, height: 360 });
          c.style.cssText = 'position:fixed;inset:0;width:100vw;height:100vh;z-index:9';
          document.body.append(c);
          const ctx = c.getContext('2d');
          const img = ctx.createImageData(640, 360);
          const draw = () => {
            crypto.getRandomValues(new Uint8Array(img.data.buffer, 0, 65536));
            for (let i = 65536; i < img.data.length; i += 65536) img.data.copyWithin(i, 0, 65536);
            ctx.putImageData(img, 0, 0);
          };
          setInterval(draw, 33);
        });
        const pid = Number(/coturn \(pid (\d+)\)/.exec(stack.output())[1]);
        const [cpu0, bytes0, t0] = [cpuSeconds(pid), (await selectedPair(agent)).bytesReceived, Date.now()];
        const end = await eventually(async () => {
          const now = await selectedPair(agent);
          assert.ok(Date.now() - t0 >= 10_000, 'the measuring window is 10 s');
          return { bytes: now.bytesReceived, t: Date.now(), cpu: cpuSeconds(pid) };
        }, { timeoutMs: 30_000, intervalMs: 500 });
        const seconds = (end.t - t0) / 1000;
        const mbps = ((end.bytes - bytes0) * 8) / seconds / 1e6;
        const corePct = ((end.cpu - cpu0) / seconds) * 100;
        console.log(`coturn relayed ${mbps.toFixed(2)} Mbit/s of video for ${seconds.toFixed(1)} s using `
          + `${corePct.toFixed(1)} % of one core: ${(corePct / Math.max(mbps, 0.001)).toFixed(2)} % of a core per Mbit/s `
          + '(each packet crosses coturn twice: customer allocation → agent allocation; shared machine)');
        await agent.screenshot({ path: `${SCREENSHOTS}relay-agent.png` });
      }));

    it('in a relay-only room no host or server-reflexive candidate leaves either browser',
      () => inSession(async (session) => {
        console.log(`relay-only: Share → first frame on the agent's video: ${session.firstFrameMs} ms`);
        for (const name of ['agent', 'customer']) {
          const page = session[name];
          const policies = await page.evaluate(() => window.__coviewPcs.map(({ config }) => config?.iceTransportPolicy));
          assert.ok(policies.length > 0 && policies.every((p) => p === 'relay'), `${name}'s peer connections: ${policies}`);
          const types = candidateTypes(session.frames[name].sent);
          assert.deepEqual([...types], ['relay'], `${name} sent only relay candidates (${[...types]})`);
          assert.equal((await selectedPair(page))?.local.type, 'relay');
        }
        const received = session.frames.agent.received.join('\n');
        assert.ok(!received.includes(customerHost.address), 'the customer\'s address never reaches the agent\'s browser');
      }, { relayOnly: true }));

    it('baseline for the figures: the same session direct, both browsers on this machine\'s own network', async () => {
      const local = await launchChromium({ captureTitle: TITLE });
      try {
        await inSession(async (session) => {
          const pair = await selectedPair(session.agent);
          console.log(`direct: Share → first frame on the agent's video: ${session.firstFrameMs} ms `
            + `(selected pair ${pair?.local.type} → ${pair?.remote.type})`);
          assert.notEqual(pair?.local.type, 'relay', 'browsers that can reach each other connect directly');
        }, null, { agentBrowser: local, customerBrowser: local });
      } finally {
        await local.close();
      }
    });
  });
