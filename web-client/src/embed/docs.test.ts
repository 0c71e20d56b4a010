// docs/salesforce.md is code an integrator copies: its widget options, widget events, paths, settings and session
// events must be the real ones. Reads the doc, the widget's names, the event schemas and room-service's config.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { SESSION_ENDED_REASONS, WIDGET_EVENT_TYPES } from './protocol';
import { HANDLE_MEMBER_NAMES, MOUNT_OPTION_NAMES, type MountOptions, type WidgetHandle } from './widget';

const repo = resolve(import.meta.dirname, '../../..');
const doc = readFileSync(resolve(repo, 'docs/salesforce.md'), 'utf8');
const schemas = resolve(repo, 'contracts/src/main/resources/schemas/events');

/** Properties of an event's data schema (schemas/events/<noun>.<verb>.json). */
function schemaFields(noun: string, verb: string): string[] {
  const file = resolve(schemas, `${noun}.${verb}.json`);
  expect(existsSync(file), `${file} exists`).toBe(true);
  return Object.keys((JSON.parse(readFileSync(file, 'utf8')) as { properties: object }).properties);
}

describe('docs/salesforce.md', () => {
  it('lists the runtime names of every mount option and handle member', () => {
    expectTypeOf<(typeof MOUNT_OPTION_NAMES)[number]>().toEqualTypeOf<keyof MountOptions>();
    expectTypeOf<(typeof HANDLE_MEMBER_NAMES)[number]>().toEqualTypeOf<keyof WidgetHandle>();
  });

  it('uses only real mount options in its CoView.mount calls', () => {
    const calls = [...doc.matchAll(/CoView\.mount\([^{]*\{([\s\S]*?)\n\s*\}\);/g)].map((m) => m[1]);
    expect(calls.length).toBeGreaterThanOrEqual(3);
    for (const body of calls) {
      // Top-level keys: `name:` at the start of a line of the options object.
      const keys = [...body.matchAll(/^\s*(\w+):/gm)].map((m) => m[1]);
      expect(keys.length).toBeGreaterThan(0);
      for (const key of keys) expect(MOUNT_OPTION_NAMES, `option ${key}`).toContain(key);
    }
  });

  it('uses only real handle members', () => {
    for (const [, member] of doc.matchAll(/\bhandle\??\.(\w+)/g)) expect(HANDLE_MEMBER_NAMES, member).toContain(member);
  });

  it('names exactly the widget events the bridge sends', () => {
    const section = doc.slice(doc.indexOf('### Events the host page receives'), doc.indexOf('### Which origins'));
    const named = [...section.matchAll(/^\| `([a-z]+\.[a-z]+)` \|/gm)].map((m) => m[1]);
    expect(named).toEqual([...WIDGET_EVENT_TYPES]);
    for (const [, type] of doc.matchAll(/handle\.on\('([^']+)'/g)) expect(WIDGET_EVENT_TYPES).toContain(type);
  });

  it('explains exactly the reasons session.ended carries', () => {
    const row = doc.split('\n').find((l) => l.startsWith('| `session.ended` |'));
    expect(row).toBeDefined();
    const cell = row!.split('|')[2];
    // Each reason is defined as `name`: what it means.
    const named = [...cell.slice(cell.indexOf('`reason`')).matchAll(/`([a-z-]+)`:/g)].map((m) => m[1]);
    expect(named).toEqual([...SESSION_ENDED_REASONS]);
  });

  it('names only session events that exist, with fields their schemas have', () => {
    const types = new Set([...doc.matchAll(/dev\.coview\.([a-z]+)\.([a-z]+)/g)].map((m) => `${m[1]}.${m[2]}`));
    expect(types.size).toBeGreaterThanOrEqual(7);
    const known = readdirSync(schemas).map((f) => f.replace(/\.json$/, ''));
    for (const t of types) expect(known, `dev.coview.${t}`).toContain(t);
    // The mapping table: | `dev.coview.x.y` | `field`, `field` | … |
    const rows = [...doc.matchAll(/^\| `dev\.coview\.([a-z]+)\.([a-z]+)` \| ([^|]+) \|/gm)];
    expect(rows.length).toBeGreaterThanOrEqual(7);
    for (const [, noun, verb, cell] of rows) {
      const fields = [...cell.matchAll(/`(\w+)`/g)].map((m) => m[1]);
      for (const f of fields) expect(schemaFields(noun, verb), `dev.coview.${noun}.${verb}.${f}`).toContain(f);
    }
    // The Apex trigger reads data.get('…') of the types it switches on.
    const whens = [...doc.matchAll(/when ('dev\.coview[^{]+)\{([^}]*)\}/g)];
    expect(whens.length).toBeGreaterThanOrEqual(3);
    for (const [, labels, body] of whens) {
      for (const [, noun, verb] of labels.matchAll(/'dev\.coview\.([a-z]+)\.([a-z]+)'/g)) {
        for (const [, f] of body.matchAll(/data\.get\('(\w+)'\)/g)) {
          expect(schemaFields(noun, verb), `dev.coview.${noun}.${verb}.${f}`).toContain(f);
        }
      }
    }
  });

  it('names the real paths, topic, headers and setting', () => {
    const viteWidget = readFileSync(resolve(repo, 'web-client/vite.widget.config.ts'), 'utf8');
    for (const file of ['coview-widget.iife.js', 'coview-widget.js']) {
      expect(doc).toContain(`/widget/${file}`);
      expect(viteWidget).toContain(`'${file}'`);
    }
    expect(viteWidget).toContain("outDir: 'target/classes/META-INF/resources/widget'");
    expect(doc).toContain('/agent/?embed=1&parentOrigin=');
    const roomConfig = readFileSync(resolve(repo, 'room-service/src/main/java/dev/coview/room/config/RoomConfig.java'), 'utf8');
    expect(roomConfig).toMatch(/Optional<List<String>> embedOrigins\(\);/);
    expect(doc).toContain('coview.room.embed-origins');
    expect(doc).toContain('COVIEW_ROOM_EMBED_ORIGINS');
    const asyncapi = readFileSync(resolve(repo, 'contracts/src/main/resources/asyncapi/session-events.yaml'), 'utf8');
    expect(asyncapi).toContain('address: coview.session-events');
    for (const header of ['ce_id', 'ce_type', 'ce_time']) {
      expect(doc).toContain(`\`${header}\``);
      expect(asyncapi).toContain(`${header}:`);
    }
  });
});
