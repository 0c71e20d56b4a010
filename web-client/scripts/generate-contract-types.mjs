// Generates TypeScript types from the protocol's JSON Schemas in contracts/ (the one definition of the wire
// protocol), so no message shape is redeclared by hand in the client. Output: src/generated/ (git-ignored),
// one file per schema folder (signal, annotation, events) plus an index. Runs before `tsc` and `vitest`.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile } from 'json-schema-to-typescript';

const here = dirname(fileURLToPath(import.meta.url));
const schemasRoot = resolve(here, '../../contracts/src/main/resources/schemas');
const outRoot = resolve(here, '../src/generated');

async function listJson(dir) {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const files = [];
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) files.push(...(await listJson(p)));
    else if (e.name.endsWith('.json')) files.push(p);
  }
  return files.sort();
}

const files = await listJson(schemasRoot);
await rm(outRoot, { recursive: true, force: true });

// The schemas' titles are sentences (good documentation, poor type names) and their $ids are absolute URLs
// (refs would resolve against the network). Compile from a copy where each schema's type name comes from its
// file name (the message type: reference.push.json → ReferencePush), the title becomes the doc comment, and
// $id is dropped so that relative $refs resolve between the copied files.
const GLOBALS = new Set(['Error', 'Event', 'Element', 'Map', 'Set', 'Node', 'Text']);
const copyRoot = await mkdtemp(join(tmpdir(), 'coview-schemas-'));
const copies = new Map();
for (const file of files) {
  const rel = relative(schemasRoot, file);
  const schema = JSON.parse(await readFile(file, 'utf8'));
  const segments = dirname(rel).split(/[\\/]/).filter((s) => s !== '.');
  let name = pascal(basename(file, '.json'));
  if (GLOBALS.has(name)) name = pascal(segments[segments.length - 1] ?? '') + name;
  if (segments.includes('server') && !name.startsWith('Server')) name = 'Server' + name;
  if (schema.title) schema.description = schema.description ? `${schema.title} ${schema.description}` : schema.title;
  schema.title = name;
  delete schema.$id;
  const copy = join(copyRoot, rel);
  await mkdir(dirname(copy), { recursive: true });
  await writeFile(copy, JSON.stringify(schema));
  copies.set(file, copy);
}
await mkdir(outRoot, { recursive: true });

// A schema of only $defs (common/ids.json) declares no message: it is copied above so that $refs into it resolve,
// and the properties that refer to it are generated where they are used.
const byFolder = new Map();
for (const file of files) {
  const parsed = JSON.parse(await readFile(file, 'utf8'));
  if (parsed.$defs && !parsed.type && !parsed.properties && !parsed.oneOf && !parsed.anyOf && !parsed.allOf) continue;
  const folder = relative(schemasRoot, dirname(file)) || 'root';
  if (!byFolder.has(folder)) byFolder.set(folder, []);
  byFolder.get(folder).push(file);
}

const indexLines = ['// Generated from contracts/src/main/resources/schemas: do not edit.'];
for (const [folder, folderFiles] of byFolder) {
  const parts = [];
  for (const file of folderFiles) {
    const copy = copies.get(file);
    const schema = JSON.parse(await readFile(copy, 'utf8'));
    parts.push(
      await compile(schema, schema.title, {
        cwd: dirname(copy),
        bannerComment: '',
        additionalProperties: false,
        declareExternallyReferenced: true,
        format: true,
        strictIndexSignatures: true,
      }),
    );
  }
  const name = folder.replace(/[^a-zA-Z0-9]+/g, '-');
  await mkdir(join(outRoot, dirname(name)), { recursive: true });
  const body = dedupe(parts.join('\n'));
  await writeFile(join(outRoot, `${name}.ts`), `// Generated from contracts schemas/${folder}: do not edit.\n${body}\n`);
  indexLines.push(`export * as ${camel(name)} from './${name}';`);
}
if (byFolder.size === 0) indexLines.push('export {};');
await rm(copyRoot, { recursive: true, force: true });
await writeFile(join(outRoot, 'index.ts'), indexLines.join('\n') + '\n');
console.log(`contract types: ${files.length} schema(s) in ${byFolder.size} folder(s) → src/generated`);

/**
 * Schemas that reference each other emit the shared type once per referencing file: keep the first
 * declaration of each name, with the doc comment that precedes it (formatted output: top-level comments and
 * declarations start at column 0, members are indented).
 */
function dedupe(text) {
  const blocks = [];
  let current = [];
  let hasDeclaration = false;
  for (const line of text.split('\n')) {
    const starts = line.startsWith('/**') || line.startsWith('export ');
    if (starts && hasDeclaration) {
      blocks.push(current.join('\n'));
      current = [];
      hasDeclaration = false;
    }
    current.push(line);
    if (line.startsWith('export ')) hasDeclaration = true;
  }
  blocks.push(current.join('\n'));
  const seen = new Set();
  return blocks
    .filter((block) => {
      const m = /^export (?:interface|type) (\w+)/m.exec(block);
      if (!m) return true;
      if (seen.has(m[1])) return false;
      seen.add(m[1]);
      return true;
    })
    .map((b) => b.trim())
    .filter(Boolean)
    .join('\n\n');
}

function pascal(s) {
  return s.split(/[^a-zA-Z0-9]+/).filter(Boolean).map((w) => w[0].toUpperCase() + w.slice(1)).join('');
}

function camel(s) {
  return s.replace(/-(\w)/g, (_, c) => c.toUpperCase());
}
