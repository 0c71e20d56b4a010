// Sessions that survive real use, through the real stack (deploy/local's Redis, Kafka and the three packaged
// services) in real Chromium, one stack for every scenario: the customer pauses (the agent's words over the video:
// prints the time), stops and re-shares (crop and masks kept), reloads (same participant id through the rejoin
// credential, no code; drawings, crop and masks restored; the agent sees video again: prints the time); the agent
// reloads (same room, video back: prints the time); the agent ends (every capture track of the customer 'ended':
// prints the time; both pages reset, session controls disabled); an agent who vanishes is reported to the customer
// when the resume grace period ends (prints the time); the agent reads the customer's share state in words from
// signaling — reading consent, choosing a screen, paused (prints the pause → label time, and where it goes), stopped —
// and a share whose picture never arrives gets a plain-language diagnosis; each side speaks its own language (the
// console set to Japanese, the customer's invite with lang=de). Pages come from room-service when it serves this build.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { collectConsole, VIEWPORT } from '../harness/browser.mjs';
import { cropOf, cropToCentre, openQuadrants, TITLE } from '../harness/customer.mjs';
import { eventually } from '../harness/eventually.mjs';
import { stackMissing } from '../harness/stack.mjs';
import { customerJoined, joinByCode, newSession, penStroke, recordCaptures } from '../harness/session.mjs';
import { useStackPages } from '../harness/stackPages.mjs';

const missing = stackMissing();

const customerPhase = (agent) => agent.getByTestId('customer-state').getAttribute('data-phase');

async function waitPhase(agent, phase, timeout = 20_000) {
  await agent.waitForFunction((p) => document.querySelector('[data-testid=customer-state]')?.dataset.phase === p,
    phase, { polling: 'raf', timeout });
}

/** The agent's video carries the customer's crop (size) and new frames. */
async function agentSeesCrop(agent, crop, timeoutMs = 60_000) {
  await eventually(async () => {
    const size = await agent.evaluate(() => {
      const v = document.querySelector('[data-testid=remote-video]');
      return [v.videoWidth, v.videoHeight];
    });
    assert.deepEqual(size, [crop.w, crop.h]);
    assert.equal(await customerPhase(agent), 'sharing');
  }, { timeoutMs });
}

async function paintMask(customer) {
  const layer = await customer.getByTestId('crop-layer').boundingBox();
  await customer.getByTestId('paint-mask').click();
  await customer.mouse.move(layer.x + layer.width * 0.3, layer.y + layer.height * 0.35);
  await customer.mouse.down();
  await customer.mouse.move(layer.x + layer.width * 0.4, layer.y + layer.height * 0.45, { steps: 3 });
  await customer.mouse.up();
  // The tool disarms itself after one mask; older pages needed a second press.
  if (await customer.getByTestId('paint-mask').getAttribute('aria-pressed') === 'true') {
    await customer.getByTestId('paint-mask').click();
  }
}

const masksOf = (customer) => customer.locator('.mask-box[data-rect]').evaluateAll(
  (els) => els.map((e) => e.getAttribute('data-rect')));

describe('CoView stack: sessions survive reloads, pauses and ends', { skip: missing ? `stack not available: ${missing}` : false }, () => {
  const pages = useStackPages({ captureTitle: TITLE });

  it('pause, stop and re-share, customer reload, agent reload, end', async () => {
    const agentContext = await pages.browser.newContext({ viewport: VIEWPORT });
    const customerContext = await pages.browser.newContext({ viewport: VIEWPORT });
    await customerContext.addInitScript(recordCaptures);
    const lines = collectConsole({ agent: agentContext, customer: customerContext });
    const received = [];
    for (const [name, ctx] of [['agent', agentContext], ['customer', customerContext]]) {
      ctx.on('page', (page) => page.on('websocket', (ws) => ws.on('framereceived', (f) => {
        lines.push(`${name} ← ${String(f.payload).slice(0, 160)}`);
        if (name === 'customer' && ws.url().includes('/ws/annotations')) received.push(JSON.parse(String(f.payload)));
      })));
    }
    try {
      const { agent, customer, room, joined } = await customerJoined(agentContext, customerContext, pages);
      assert.match(joined.rejoinCredential, /^[A-Za-z0-9_-]{43}$/);
      await waitPhase(agent, 'consent');
      // The customer's page lists who can see their screen: the agent, before anything is shared.
      await customer.getByTestId('viewers').getByText('Your agent').waitFor();

      await customer.getByTestId('share').click();
      await eventually(async () => assert.ok((await cropOf(customer)).w > 0), { timeoutMs: 60_000 });
      await cropToCentre(customer);
      await paintMask(customer);
      const crop = await cropOf(customer);
      const masks = await masksOf(customer);
      assert.equal(masks.length, 1);
      await agentSeesCrop(agent, crop);
      // "Connected" in the share's status line once the media path is up, and the agent's presence in its own
      // words: no sentence twice on the page (each line is a live region: a screen reader would hear it twice).
      await customer.getByTestId('share-status').filter({ hasText: 'Connected: your agent sees what you share' }).waitFor();
      await customer.getByTestId('agent-state').filter({ hasText: 'Your agent is here' }).waitFor();
      assert.equal(await customer.getByText('Connected: your agent sees what you share').count(), 1);
      assert.equal(await customer.getByText('Your agent is here').count(), 1);

      // A pen stroke by the agent, which the customer must find again after a reload.
      await penStroke(agent);
      const stroke = await eventually(() => {
        const s = received.find((m) => m.type === 'event' && m.event?.type === 'stroke');
        assert.ok(s, 'the customer got the stroke');
        return s;
      });
      const strokeId = stroke.event.id;

      // Pause → the agent's words, from the customer's share phase (signaling). Timed from the click as the page got
      // it as well: the test's click first waits for the customer page's animation frames.
      await customer.evaluate(() => document.querySelector('[data-testid=pause]').addEventListener('click',
        () => (window.__clickedAt = Date.now()), { capture: true }));
      await notePhases(agent);
      let t = Date.now();
      await customer.getByTestId('pause').click();
      await waitPhase(agent, 'paused');
      const seen = await agent.evaluate(() => window.__phaseAt.paused);
      console.log(`pause click → agent reads "${await agent.getByTestId('customer-state').textContent()}": ${seen - t} ms`
        + ` from the test's click, ${seen - await customer.evaluate(() => window.__clickedAt)} ms from the page's`);
      await customer.getByTestId('pause').click();
      await waitPhase(agent, 'sharing');

      // Stop and share again: the crop and the masks are kept.
      await customer.getByTestId('stop').click();
      await customer.getByTestId('share').click();
      await eventually(async () => assert.deepEqual(await cropOf(customer), crop), { timeoutMs: 30_000 });
      assert.deepEqual(await masksOf(customer), masks);
      await agentSeesCrop(agent, crop);

      // Customer reload: same participant through the rejoin credential, one click to share again.
      const customerId = joined.participantId;
      t = Date.now();
      received.length = 0;
      const rejoined = customer.waitForResponse((r) => r.url().endsWith('/api/rooms/rejoin'));
      await customer.reload();
      const back = await (await rejoined).json();
      assert.equal(back.participantId, customerId, 'the same participant id after a reload');
      assert.notEqual(back.rejoinCredential, joined.rejoinCredential, 'the credential rotates');
      await customer.getByTestId('rejoined').getByText('needs a click').waitFor();
      await waitPhase(agent, 'back');
      await customer.getByTestId('share').click();
      await eventually(async () => assert.deepEqual(await cropOf(customer), crop), { timeoutMs: 30_000 });
      assert.deepEqual(await masksOf(customer), masks);
      await agentSeesCrop(agent, crop);
      console.log(`customer reload → agent sees the cropped video again: ${Date.now() - t} ms (one click included)`);
      const state = received.find((m) => m.type === 'state');
      assert.ok(state?.elements?.some((e) => e.id === strokeId), 'the stroke is in the room state after the reload');

      // Agent reload: the same room, the video back.
      t = Date.now();
      const restored = agent.waitForResponse((r) => r.url().endsWith(`/api/rooms/${room.roomId}/agent-token`));
      await agent.reload();
      assert.equal((await (await restored).json()).participantId, room.participantId);
      await agent.getByText('Session restored').waitFor();
      await agentSeesCrop(agent, crop);
      console.log(`agent reload → same room, video back: ${Date.now() - t} ms`);

      // End: every capture track of the customer stops at once; both pages reset.
      t = Date.now();
      await agent.getByTestId('end-session').click();
      await customer.waitForFunction(() => window.__captures.length > 0
        && window.__captures.every((s) => s.getTracks().every((track) => track.readyState === 'ended')),
      null, { polling: 'raf', timeout: 10_000 });
      console.log(`End click → every customer capture track ended: ${Date.now() - t} ms`);
      await customer.getByTestId('session-ended').waitFor();
      assert.equal(await customer.getByTestId('ended-reason').textContent(), 'Your agent ended the session.');
      assert.equal(await customer.getByTestId('stop').count(), 0, 'no share controls after the end');
      assert.equal(await customer.evaluate(() => localStorage.getItem('coview.rejoin')), null);
      await agent.getByTestId('session-ended').waitFor();
      assert.equal(await agent.getByTestId('join-code').count(), 0, 'the dead code is gone');
      assert.ok(await agent.getByTestId('freeze').isDisabled());
      assert.ok(await agent.getByTestId('record').isDisabled());
      assert.equal(await agent.evaluate(() => document.querySelector('[data-testid=remote-video]').srcObject), null);
    } catch (e) {
      console.log(lines.slice(-80).join('\n'));
      throw e;
    } finally {
      await agentContext.close();
      await customerContext.close();
    }
  });

  /** An agent's new session and a customer who joined it by code, each in a context of its own; both closed after. */
  async function withJoinedSession(run) {
    const agentContext = await pages.browser.newContext({ viewport: VIEWPORT });
    const customerContext = await pages.browser.newContext({ viewport: VIEWPORT });
    try {
      const agent = await agentContext.newPage();
      const room = await newSession(agent, pages.base);
      const customer = await customerContext.newPage();
      await joinByCode(customer, pages.base, room.joinCode);
      await run({ agent, agentContext, customer });
    } finally {
      await agentContext.close();
      await customerContext.close();
    }
  }

  it('an agent whose connection drops: the customer is told at once, then again when the grace period ends',
    () => withJoinedSession(async ({ agentContext, customer }) => {
      const agentState = customer.getByTestId('agent-state');
      await agentState.filter({ hasText: 'Your agent is here' }).waitFor();
      const t = Date.now();
      // A closed tab says no bye: to the service it is a dropped connection, held for the resume grace period.
      await agentContext.close();
      await agentState.filter({ hasText: 'Your agent\'s connection dropped; waiting for them to come back…' }).waitFor();
      console.log(`agent's tab closed → customer told the connection dropped: ${Date.now() - t} ms`);
      await agentState.filter({ hasText: 'Your agent\'s connection was lost' }).waitFor({ timeout: 60_000 });
      console.log(`agent's tab closed → customer told the agent is gone: ${Date.now() - t} ms (resume grace 20 s)`);
    }));

  it('an agent who removes the customer: the console asks once more, the customer is told why the session ended',
    () => withJoinedSession(async ({ agent, customer }) => {
      await waitPhase(agent, 'consent');
      const remove = agent.locator('[data-testid^="remove-"]');
      assert.equal(await remove.count(), 1, 'one Remove button: the customer (never the agent)');
      await remove.click();
      assert.match(await remove.textContent(), /^Remove .+\?$/, 'the first press only asks');
      const t = Date.now();
      await remove.click();
      await customer.getByTestId('ended-reason')
        .filter({ hasText: 'Your agent removed you from the session.' }).waitFor();
      console.log(`Remove confirmed → customer told they were removed: ${Date.now() - t} ms`);
      await waitPhase(agent, 'gone');
    }));

  it('a customer who leaves: their page says so, the agent is told at once',
    () => withJoinedSession(async ({ agent, customer }) => {
      await waitPhase(agent, 'consent');
      await customer.getByTestId('leave').click();
      await customer.getByRole('heading', { name: 'You left the session' }).waitFor();
      assert.equal(await customer.getByTestId('ended-reason').textContent(), 'You left the session.');
      assert.equal(await customer.evaluate(() => localStorage.getItem('coview.rejoin')), null);
      await waitPhase(agent, 'gone');
      assert.equal(await agent.getByTestId('customer-state').textContent(), 'The customer left the session');
    }));

  it('each side in its own language: the agent\'s console set to 日本語, the customer\'s invite with lang=de',
    async () => {
      const agentContext = await pages.browser.newContext({ viewport: VIEWPORT });
      // The customer's browser asks for French: the invite's language wins over it.
      const customerContext = await pages.browser.newContext({ viewport: VIEWPORT, locale: 'fr-FR' });
      const strangerContext = await pages.browser.newContext({ viewport: VIEWPORT });
      try {
        const agent = await agentContext.newPage();
        await newSession(agent, pages.base);
        // The console's own setting: saved, the console reloads in Japanese and comes back to the same session.
        await Promise.all([agent.waitForEvent('load'), agent.getByTestId('language').selectOption('ja')]);
        await agent.getByRole('heading', { name: 'エージェントコンソール' }).waitFor();
        assert.equal(await agent.evaluate(() => document.documentElement.lang), 'ja');
        assert.equal(await agent.title(), 'CoView — エージェントコンソール');
        await agent.getByRole('heading', { name: 'セッションを復元しました' }).waitFor();
        await agent.getByTestId('connection').getByText('接続済み').waitFor();
        // The invite names the customer's language.
        await agent.getByTestId('invite-language').selectOption('de');
        const invite = new URL(await agent.getByTestId('invite-url').textContent());
        assert.equal(invite.searchParams.get('lang'), 'de');
        const customer = await customerContext.newPage();
        await customer.goto(`${pages.base}${invite.pathname}${invite.search}${invite.hash}`);
        await customer.getByRole('heading', { name: 'Teilen Sie Ihren Bildschirm mit Ihrem Ansprechpartner' }).waitFor();
        assert.equal(await customer.evaluate(() => document.documentElement.lang), 'de');
        assert.equal(await customer.title(), 'CoView – an einer Support-Sitzung teilnehmen');
        assert.equal(await customer.getByTestId('share').textContent(), 'Bildschirm teilen');
        // The spent credential leaves the address, the language stays (a reload speaks German too).
        assert.equal(new URL(customer.url()).search, '?lang=de');
        assert.equal(new URL(customer.url()).hash, '');
        await customer.getByTestId('agent-state').filter({ hasText: 'Ihr Ansprechpartner ist da' }).waitFor();
        // Each reads the other in their own words.
        await waitPhase(agent, 'consent');
        assert.equal(await agent.getByTestId('customer-state').textContent(), 'お客様が画面共有の説明を読んでいます');
        await customer.reload();
        await customer.getByRole('heading', { name: 'Sie sind wieder in Ihrer Sitzung' }).waitFor();
        // A refused code is said in the link's language too (room-service's problem, in the person's words); another
        // browser, since this one's rejoin credential would take it back into the session.
        const stranger = await strangerContext.newPage();
        await stranger.goto(`${pages.base}/join/?lang=de`);
        await stranger.getByLabel('Sitzungscode').fill('000000');
        await stranger.getByRole('button', { name: 'Teilnehmen' }).click();
        await stranger.getByRole('alert').filter({ hasText: /^Dieser Code ist falsch/ }).waitFor();
      } finally {
        await agentContext.close();
        await customerContext.close();
        await strangerContext.close();
      }
    });

  /** The customer's getDisplayMedia answers only when the test says so: the picker stays "open" meanwhile. */
  async function holdPicker(customer) {
    await customer.evaluate(() => {
      const original = navigator.mediaDevices.getDisplayMedia.bind(navigator.mediaDevices);
      let answer;
      const answered = new Promise((resolve) => (answer = resolve));
      window.__answerPicker = answer;
      // Called at once (the browser wants the click's activation), resolved to the page only when released.
      navigator.mediaDevices.getDisplayMedia = async (options) => {
        const stream = original(options);
        await answered;
        return stream;
      };
    });
  }

  /**
   * Stamps (Date.now(), when Node hears of them) what a page's new sockets carry about a pause (on), into `heard`.
   * @param direction 'framesent' or 'framereceived'
   */
  function followPauses(page, side, direction, heard) {
    page.on('websocket', (ws) => ws.on(direction, (f) => {
      const p = String(f.payload);
      const socket = ws.url().includes('/ws/signal') ? 'signal' : 'annotations';
      const pausing = /"phase":"paused"/.test(p) || /"type":"pause"[^}]*"on":true|"on":true[^}]*"type":"pause"/.test(p);
      if (pausing) heard.push({ at: Date.now(), side, socket });
    }));
  }

  /** The agent's page notes when its label changes phase (its own clock: no polling delay in the figure). */
  async function notePhases(agent) {
    await agent.evaluate(() => {
      const label = document.querySelector('[data-testid=customer-state]');
      window.__phaseAt = {};
      new MutationObserver(() => (window.__phaseAt[label.dataset.phase] = Date.now()))
        .observe(label, { attributes: true, attributeFilter: ['data-phase'] });
    });
  }

  it('the agent reads the customer\'s share state in words: reading consent, choosing a screen, paused, stopped',
    async () => {
      const agentContext = await pages.browser.newContext({ viewport: VIEWPORT });
      const customerContext = await pages.browser.newContext({ viewport: VIEWPORT });
      try {
        const heard = [];
        const agent = await agentContext.newPage();
        followPauses(agent, 'agent got', 'framereceived', heard);
        const room = await newSession(agent, pages.base);
        await notePhases(agent);
        await openQuadrants(customerContext, pages.server.url);
        const customer = await customerContext.newPage();
        followPauses(customer, 'customer sent', 'framesent', heard);
        await joinByCode(customer, pages.base, room.joinCode);
        await waitPhase(agent, 'consent');
        assert.equal(await agent.getByTestId('customer-state').textContent(),
          'The customer is reading what sharing their screen means');

        await holdPicker(customer);
        await customer.getByTestId('share').click();
        await waitPhase(agent, 'choosing');
        assert.match(await agent.getByTestId('customer-state').textContent(), /choosing a screen/);
        await customer.evaluate(() => window.__answerPicker());
        await waitPhase(agent, 'sharing', 60_000);

        // Pause → the agent's words, a few times, from the click as the customer's page received it (the test's
        // click may wait for the page's animation frames first): the customer's signaling and annotation frames, the
        // agent's peer-share and durable pause event, the label (one machine, one clock; the machine is shared).
        await customer.evaluate(() => document.querySelector('[data-testid=pause]').addEventListener('click',
          () => (window.__clickedAt = Date.now()), { capture: true }));
        const frameRate = await customer.evaluate(() => new Promise((resolve) => {
          let frames = 0;
          const t0 = performance.now();
          const count = () => (performance.now() - t0 < 1000 ? (frames++, requestAnimationFrame(count)) : resolve(frames));
          requestAnimationFrame(count);
        }));
        console.log(`the customer's page runs ${frameRate} animation frames a second while sharing`);
        const times = [];
        for (let i = 0; i < 4; i++) {
          heard.length = 0;
          const asked = Date.now();
          await customer.getByTestId('pause').click();
          await waitPhase(agent, 'paused');
          const t = await customer.evaluate(() => window.__clickedAt);
          const label = await agent.evaluate(() => window.__phaseAt.paused) - t;
          const visibility = await customer.evaluate(() => document.visibilityState);
          assert.equal(await agent.getByTestId('customer-state').textContent(), 'The customer paused sharing');
          // The durable pause still travels (room state, share.paused): wait for it, to print when it came.
          await eventually(() => assert.ok(heard.some((h) => h.side === 'agent got' && h.socket === 'annotations')),
            { timeoutMs: 15_000 });
          const at = (side, socket) => heard.find((h) => h.side === side && h.socket === socket)?.at - t;
          times.push(label);
          console.log(`pause ${i + 1} (customer page ${visibility}, click reached it ${t - asked} ms after the test asked):`
            + ` click → label ${label} ms; customer sent share(paused) +${at('customer sent', 'signal')}`
            + ` ms, pause event +${at('customer sent', 'annotations')} ms; agent got peer-share +${at('agent got', 'signal')}`
            + ` ms, durable pause event +${at('agent got', 'annotations')} ms`);
          await customer.getByTestId('pause').click();
          await waitPhase(agent, 'sharing');
        }
        console.log(`pause click → agent's label, ${times.length} runs: ${times.join(', ')} ms`);

        await customer.getByTestId('stop').click();
        await waitPhase(agent, 'stopped');
        assert.equal(await agent.getByTestId('customer-state').textContent(), 'The customer stopped sharing');
      } finally {
        await agentContext.close();
        await customerContext.close();
      }
    });

  it('a share whose picture never arrives: the agent is told why, in plain words', async () => {
    const agentContext = await pages.browser.newContext({ viewport: VIEWPORT });
    const customerContext = await pages.browser.newContext({ viewport: VIEWPORT });
    // The customer's network lets nothing through: no direct path, no relay reachable (their browser gathers no
    // candidate at all), while signaling works.
    await customerContext.addInitScript(() => {
      const Native = window.RTCPeerConnection;
      const blocked = (c) => ({ ...(c ?? {}), iceServers: [], iceTransportPolicy: 'relay' });
      window.RTCPeerConnection = class extends Native {
        constructor(c) {
          super(blocked(c));
        }

        setConfiguration(c) {
          super.setConfiguration(blocked(c));
        }
      };
    });
    try {
      const { agent, customer } = await customerJoined(agentContext, customerContext, pages);
      await customer.getByTestId('share').click();
      await waitPhase(agent, 'starting');
      assert.match(await agent.getByTestId('customer-state').textContent(), /sharing; waiting for the picture/);
      const t = Date.now();
      const diagnosis = agent.getByTestId('media-diagnosis');
      await diagnosis.filter({ hasText: 'The customer is sharing, but no picture arrives' }).waitFor({ timeout: 30_000 });
      console.log(`share with the media path blocked → the agent reads "${await diagnosis.textContent()}" after`
        + ` ${Date.now() - t} ms`);
    } finally {
      await agentContext.close();
      await customerContext.close();
    }
  });
});
