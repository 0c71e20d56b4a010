// Agent and customer through the real stack (deploy/local's Redis, Kafka and the three packaged services), in
// two browser contexts: the agent creates a room; the customer joins by code, shares the quadrants tab and
// sets a crop; the agent's received video has the crop's size and its colours. Prints the time from the
// customer's Share click to the agent's first frame. Then the agent's laser pointer and a pen stroke reach the
// customer's preview overlay (state and pixels; prints the pointer's move → shown time); the stroke shows as live
// ink while the pen is still down (prints pen down → shown), and an observer who
// joins afterwards gets the stroke in the room's state; undo, redo and clear reach the customer's overlay.
// Pages come from room-service when it serves this build of the web client (as in ./mvnw verify, which
// packages room-service with it); otherwise (room-service packaged earlier, or COVIEW_E2E_PAGES=static) from
// a static server with this build, proxying /api to the stack — the APIs, sockets and media are the stack's
// either way.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { collectConsole, near, screenshotLastPages, SCREENSHOTS, VIEWPORT } from '../harness/browser.mjs';
import {
  cropOf, cropToCentre, hasCropSize, openQuadrants, QUADRANT_COLOURS, showsCrop, TITLE,
} from '../harness/customer.mjs';
import { eventually } from '../harness/eventually.mjs';
import {
  annotationFrames, firstAnnotationMessage, firstRemoteFrame, inviteObserver, joinByCode, newSession, shareWhenListed,
} from '../harness/session.mjs';
import { AGENT_PASSWORD, AGENT_USER, stackMissing } from '../harness/stack.mjs';
import { servesThisBuild, useStackPages } from '../harness/stackPages.mjs';

const missing = stackMissing();

describe('CoView stack: agent and customer', { skip: missing ? `stack not available: ${missing}` : false }, () => {
  const pages = useStackPages({ captureTitle: TITLE });

  it('room-service serves this build of the web client and says where the sockets are',
    { skip: process.env.COVIEW_E2E_PAGES === 'static' ? 'COVIEW_E2E_PAGES=static' : false }, async () => {
      const { stack, browser } = pages;
      const config = await (await fetch(`${stack.roomUrl}/api/config`)).json();
      assert.equal(config.signalingUrl, stack.signalingUrl);
      assert.equal(config.annotationUrl, stack.annotationUrl);
      // room-service packages the web-client jar: an older room-service package serves an older client.
      assert.ok(await servesThisBuild(stack.roomUrl),
        'room-service serves this build of the web client (package room-service again if it was built earlier)');
      const page = await (await browser.newContext({ viewport: VIEWPORT })).newPage();
      await page.goto(`${stack.roomUrl}/join`);
      await page.getByRole('heading', { name: 'Join a support session' }).waitFor();
      await page.getByLabel('Session code').fill('000000');
      await page.getByRole('button', { name: 'Join' }).click();
      // A code no room holds: room-service answers with a problem document and the page shows its words.
      await page.waitForFunction(() => document.querySelector('#join-error').textContent.length > 0);
      assert.doesNotMatch(await page.locator('#join-error').textContent(), /exactly 6 digits/);
      await page.screenshot({ path: `${SCREENSHOTS}stack-join.png` });
      await page.context().close();
    });

  it('the agent sees exactly the customer\'s crop, in colour', async () => {
    const { server, base, browser } = pages;
    const agentContext = await browser.newContext({ viewport: VIEWPORT });
    const customerContext = await browser.newContext({ viewport: VIEWPORT });
    const consoleLines = collectConsole({ agent: agentContext, customer: customerContext });
    for (const [name, ctx] of [['agent', agentContext], ['customer', customerContext]]) {
      ctx.on('page', (page) => page.on('websocket', (ws) => {
        const path = new URL(ws.url()).pathname;
        const short = (p) => String(p).slice(0, 160);
        ws.on('framesent', (f) => consoleLines.push(`${name} → ${path} ${short(f.payload)}`));
        ws.on('framereceived', (f) => consoleLines.push(`${name} ← ${path} ${short(f.payload)}`));
        ws.on('close', () => consoleLines.push(`${name} ${path} closed`));
      }));
    }
    // What the agent's annotation socket receives: the customer's crop must arrive there.
    const agentAnnotations = [];
    agentContext.on('page', (page) => page.on('websocket', (ws) => {
      if (!ws.url().includes('/ws/annotations')) return;
      ws.on('framereceived', (f) => {
        try {
          agentAnnotations.push(JSON.parse(String(f.payload)));
        } catch {
          // Not JSON: not ours to check here.
        }
      });
    }));
    try {
      const agent = await agentContext.newPage();
      await newSession(agent, base);
      const code = (await agent.getByTestId('join-code').textContent()).trim();
      assert.match(code, /^\d{6}$/);

      await openQuadrants(customerContext, server.url);
      const customer = await customerContext.newPage();
      await joinByCode(customer, base, code);
      const clicked = await shareWhenListed(agent, customer);
      await firstRemoteFrame(agent);
      console.log(`Share → first frame on the agent's video: ${Date.now() - clicked} ms`);

      const source = await cropOf(customer);
      await cropToCentre(customer);
      const crop = await cropOf(customer);
      const seen = await showsCrop(agent, '[data-testid=remote-video]', crop, source, QUADRANT_COLOURS,
        { tolerance: 70, timeoutMs: 30_000 });
      // The crop also travels as an annotation event (fractions of the source), for the agent's overlay.
      await eventually(async () => {
        const crops = agentAnnotations.filter((m) => m.type === 'event' && m.event.type === 'crop').map((m) => m.event);
        const last = crops.at(-1);
        assert.ok(last, 'the agent received a crop event');
        assert.equal(last.sourceW, source.w);
        assert.ok(Math.abs(last.x * source.w - crop.x) < 1 && Math.abs(last.w * source.w - crop.w) < 1,
          `crop event ${JSON.stringify(last)} is the crop ${JSON.stringify(crop)}`);
      });
      console.log(`agent receives ${seen.w}×${seen.h} (crop ${JSON.stringify(crop)}), colours ${JSON.stringify(seen.colours)}`);
      await agent.screenshot({ path: `${SCREENSHOTS}session-agent.png` });
      await customer.screenshot({ path: `${SCREENSHOTS}session-customer.png` });
    } catch (e) {
      console.log(consoleLines.join('\n'));
      const agentVideo = await agentContext.pages()[0]?.evaluate(() => {
        const v = document.querySelector('[data-testid=remote-video]');
        const s = v?.srcObject;
        return { stream: Boolean(s), readyState: v?.readyState, width: v?.videoWidth, paused: v?.paused,
          tracks: s ? s.getTracks().map((t) => `${t.kind} ${t.readyState} muted=${t.muted}`) : [] };
      }).catch((err) => err.message);
      console.log(`agent video: ${JSON.stringify(agentVideo)}`);
      const outFrames = await customerContext.pages().at(-1).evaluate(() => new Promise((resolve) => {
        const v = document.querySelector('#outgoing');
        let n = 0;
        const cb = () => { n++; v.requestVideoFrameCallback(cb); };
        v.requestVideoFrameCallback(cb);
        setTimeout(() => resolve({ n, pipeline: document.querySelector('.share-layout')?.dataset.pipeline, hidden: document.visibilityState }), 3000);
      })).catch((err) => `not sharing (${err.message.split('\n')[0]})`);
      console.log(`customer outgoing frames in 3 s: ${JSON.stringify(outFrames)}`);
      await screenshotLastPages({ agent: agentContext, customer: customerContext }, 'session-failed');
      throw e;
    } finally {
      await agentContext.close();
      await customerContext.close();
    }
  });

  it('the agent\'s pointer and strokes reach the customer\'s preview, a later observer sees the stroke, undo/redo/clear follow', async () => {
    const { stack, server, base, browser } = pages;
    const agentContext = await browser.newContext({ viewport: VIEWPORT });
    const customerContext = await browser.newContext({ viewport: VIEWPORT });
    const observerContext = await browser.newContext({ viewport: VIEWPORT });
    const consoleLines = collectConsole({ agent: agentContext, customer: customerContext });
    // What the agent's page sent on its annotation socket: live ink, then the whole stroke; undo, redo, clear.
    const { sent } = annotationFrames({ agent: agentContext, customer: customerContext }, consoleLines).agent;
    try {
      const agent = await agentContext.newPage();
      const room = await newSession(agent, base);
      const code = (await agent.getByTestId('join-code').textContent()).trim();

      await openQuadrants(customerContext, server.url);
      const customer = await customerContext.newPage();
      await joinByCode(customer, base, code);
      await shareWhenListed(agent, customer);
      // Before the first frame the source's size is unknown; the initial crop is the whole source.
      const source = await eventually(async () => {
        const whole = await cropOf(customer);
        assert.ok(whole.w > 0, 'the source size is known');
        return whole;
      }, { timeoutMs: 60_000 });
      await cropToCentre(customer);
      const crop = await cropOf(customer);
      // The agent's video shows the crop: from then on its overlay maps through that crop.
      await hasCropSize(agent, '[data-testid=remote-video]', crop);

      // Laser (the default tool) at the centre of the agent's video: the crop's centre in the source.
      const box = await agent.getByTestId('overlay').boundingBox();
      const expected = { x: (crop.x + crop.w / 2) / source.w, y: (crop.y + crop.h / 2) / source.h };
      const moved = Date.now();
      await agent.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await customer.waitForFunction(() => JSON.parse(
        document.querySelector('[data-testid=customer-overlay]')?.dataset.pointers ?? '[]').length > 0,
      null, { polling: 'raf', timeout: 10_000 });
      console.log(`agent's pointer move → customer's overlay shows it: ${Date.now() - moved} ms`);
      const shown = await customer.evaluate((src) => {
        const c = document.querySelector('[data-testid=customer-overlay]');
        const [p] = JSON.parse(c.dataset.pointers);
        // Where the preview shows that source point (object-fit: contain), and the overlay's pixel there.
        const s = Math.min(c.clientWidth / src.w, c.clientHeight / src.h);
        const x = (c.clientWidth - src.w * s) / 2 + p.x * src.w * s;
        const y = (c.clientHeight - src.h * s) / 2 + p.y * src.h * s;
        const dpr = c.width / c.clientWidth;
        const px = c.getContext('2d').getImageData(Math.round(x * dpr), Math.round(y * dpr), 1, 1).data;
        return { p, pixel: [...px] };
      }, source);
      assert.ok(Math.abs(shown.p.x - expected.x) < 0.01 && Math.abs(shown.p.y - expected.y) < 0.01,
        `pointer ${JSON.stringify(shown.p)} at the crop's centre ${JSON.stringify(expected)}`);
      assert.ok(near(shown.pixel.slice(0, 3), [229, 48, 42], 40) && shown.pixel[3] > 200,
        `the customer's overlay paints the pointer there: ${shown.pixel}`);
      console.log(`customer's overlay: pointer ${JSON.stringify(shown.p)}, pixel ${shown.pixel}`);
      await customer.screenshot({ path: `${SCREENSHOTS}annotations-customer-pointer.png` });
      // A second move once the path is warm (the first pays for the pointer producer's first Kafka send).
      const quarter = { x: (crop.x + crop.w / 4) / source.w, y: (crop.y + crop.h / 4) / source.h };
      const movedAgain = Date.now();
      // The video (the crop's aspect) sits letterboxed in the overlay's box.
      const shownW = Math.min(box.width, box.height * crop.w / crop.h);
      const shownH = shownW * crop.h / crop.w;
      await agent.mouse.move(box.x + box.width / 2 - shownW / 4, box.y + box.height / 2 - shownH / 4);
      await customer.waitForFunction((q) => {
        const [p] = JSON.parse(document.querySelector('[data-testid=customer-overlay]').dataset.pointers);
        return p && Math.abs(p.x - q.x) < 0.01 && Math.abs(p.y - q.y) < 0.01;
      }, quarter, { polling: 'raf', timeout: 10_000 });
      console.log(`second pointer move → shown at a quarter of the crop: ${Date.now() - movedAgain} ms`);
      // Leaving the video hides the pointer for the customer too (pointer.hide).
      await agent.mouse.move(box.x + box.width / 2, box.y - 40);
      await customer.waitForFunction(() => document.querySelector('[data-testid=customer-overlay]')
        .dataset.pointers === '[]', null, { timeout: 10_000 });

      // A pen stroke (P selects the pen), drawn once and applied from the service's event on both sides.
      await agent.locator('body').press('p');
      await agent.mouse.move(box.x + box.width * 0.4, box.y + box.height * 0.4);
      await agent.mouse.down();
      const penDown = Date.now();
      await agent.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5, { steps: 5 });
      // Live ink: the customer sees the line while the agent's pen is still down (no stroke was sent yet).
      await customer.waitForFunction(() => document.querySelector('[data-testid=customer-overlay]')
        .dataset.drawables === '1', null, { polling: 'raf', timeout: 10_000 });
      console.log(`live ink: pen down → the customer's overlay shows the line, pen still down: ${Date.now() - penDown} ms`);
      assert.equal(sent.filter((m) => m.type === 'stroke').length, 0, 'no stroke was sent before the pen lifted');
      await agent.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.6, { steps: 5 });
      await agent.mouse.up();
      const stroke = await eventually(() => {
        const st = sent.find((m) => m.type === 'stroke');
        assert.ok(st, 'the agent sent the stroke');
        return st;
      });
      const inks = sent.filter((m) => m.type === 'ink');
      assert.ok(inks.length > 0 && inks.every((m) => m.id === stroke.id), 'the live ink was the stroke\'s');
      assert.ok(sent.indexOf(stroke) > sent.lastIndexOf(inks.at(-1)), 'the whole stroke went out after its ink');
      await customer.waitForFunction(() => document.querySelector('[data-testid=customer-overlay]')
        .dataset.drawables === '1', null, { timeout: 10_000 });
      // The canvas is silent to screen readers: the layer says it in words.
      await customer.getByText('Your agent drew on your screen.').waitFor({ state: 'attached' });
      await agent.screenshot({ path: `${SCREENSHOTS}annotations-agent.png` });
      await customer.screenshot({ path: `${SCREENSHOTS}annotations-customer.png` });

      // An observer joins afterwards (token from room-service, asked for with the agent's token): the room's
      // state, the first message on their annotation socket, holds the stroke as drawn.
      const observerToken = await inviteObserver(stack.roomUrl, room, 'Supervisor');
      const observer = await observerContext.newPage();
      await observer.goto(`${base}/join/`);
      const state = await firstAnnotationMessage(observer, stack.annotationUrl, observerToken);
      assert.equal(state.type, 'state');
      const element = state.elements.find((e) => e.id === stroke.id);
      assert.ok(element && !element.deleted, `the observer's state holds stroke ${stroke.id}`);
      assert.deepEqual(element.drawable.points, stroke.points);
      assert.equal(state.elements.filter((e) => e.id === stroke.id).length, 1, 'live ink never became state');
      console.log(`observer's state: ${state.elements.length} element(s), stroke of ${stroke.points.length / 2} points`);

      // Undo, redo and clear go to the service; both overlays follow its events.
      const drawablesOn = (page, n) => page.waitForFunction((count) => document
        .querySelector('[data-testid=customer-overlay]').dataset.drawables === count, String(n), { timeout: 10_000 });
      await agent.getByRole('button', { name: 'Undo' }).click();
      await drawablesOn(customer, 0);
      await agent.getByRole('button', { name: 'Redo' }).click();
      await drawablesOn(customer, 1);
      await agent.getByRole('button', { name: 'Clear' }).click();
      await drawablesOn(customer, 0);
      assert.deepEqual(sent.filter((m) => ['undo', 'redo', 'clear'].includes(m.type)).map((m) => m.type),
        ['undo', 'redo', 'clear']);
    } catch (e) {
      console.log(consoleLines.join('\n'));
      throw e;
    } finally {
      await agentContext.close();
      await customerContext.close();
      await observerContext.close();
    }
  });

  it('an agent signs in at the identity provider and creates a session under their name', async () => {
    const { stack, base, browser } = pages;
    const context = await browser.newContext({ viewport: VIEWPORT });
    const consoleLines = collectConsole({ agent: context });
    try {
      const page = await context.newPage();
      const creates = [];
      page.on('request', (r) => {
        if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/rooms') creates.push(r.headers());
      });
      await page.goto(`${base}/agent/`);
      await page.getByTestId('sign-in-button').click();
      // The local issuer's login page (deploy/local), another origin: the real authorization code + PKCE flow.
      await page.waitForURL((url) => url.origin === stack.issuerUrl);
      await page.getByLabel('User name').fill(AGENT_USER);
      await page.getByLabel('Password').fill('not-the-password');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('alert').filter({ hasText: 'The user name or password is wrong.' }).waitFor();
      await page.getByLabel('Password').fill(AGENT_PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL((url) => url.origin === new URL(base).origin && url.pathname === '/agent/');
      await page.getByTestId('signed-in-as').filter({ hasText: 'Signed in as Local Agent' }).waitFor();
      assert.equal(new URL(page.url()).search, '', 'the code left the address bar');
      assert.ok(await page.getByLabel('Agent key').isHidden(), 'no key field once signed in');
      await page.screenshot({ path: `${SCREENSHOTS}agent-signed-in.png` });

      const answer = page.waitForResponse((r) => r.request().method() === 'POST'
        && new URL(r.url()).pathname === '/api/rooms');
      await page.getByTestId('new-session').click();
      const created = await (await answer).json();
      await page.getByTestId('join-code').waitFor();
      assert.match(creates[0].authorization ?? '', /^Bearer ey/);
      assert.equal(creates[0]['x-coview-agent-key'], undefined);
      // room-service took the identity from the provider's token: it is in the agent's CoView token.
      const claims = JSON.parse(Buffer.from(created.token.split('.')[1], 'base64url').toString());
      assert.equal(claims.identity, 'oidc:local-agent');
      assert.equal(claims.name, 'Local Agent');
      console.log(`signed in and created room ${created.roomId} as ${claims.identity}`);
    } catch (e) {
      console.log(consoleLines.join('\n'));
      throw e;
    } finally {
      await context.close();
    }
  });
});
