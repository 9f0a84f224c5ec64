/**
 * The docs keep up with the code: every file under src/ has its line in docs/architecture.md, and
 * every symbol exported by the public API (src/index.ts, src/testing/index.ts) has a heading in
 * docs/api.md.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';

const ROOT = resolve(import.meta.dirname, '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

function filesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

/** Names a module exports, following `export *` into the files it re-exports. */
function exportedNames(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const names: string[] = [];
  for (const [, list] of source.matchAll(/export\s+(?:type\s+)?\{([^}]*)\}/g)) {
    for (const item of (list ?? '').split(',')) {
      const name = item
        .trim()
        .replace(/^type\s+/, '')
        .split(/\s+as\s+/)
        .pop()
        ?.trim();
      if (name) names.push(name);
    }
  }
  for (const [, name] of source.matchAll(
    /^export\s+(?:declare\s+)?(?:const|let|function|class|interface|type|enum)\s+([A-Za-z_$][\w$]*)/gm,
  )) {
    if (name) names.push(name);
  }
  for (const [, from] of source.matchAll(/export\s+\*\s+from\s+'([^']+)'/g)) {
    names.push(...exportedNames(join(dirname(file), from ?? '')));
  }
  return [...new Set(names)];
}

test('every file under src/ has its line in docs/architecture.md', () => {
  const doc = read('docs/architecture.md');
  const missing = filesUnder('src').filter((file) => !doc.includes(`\`${file}\``));
  assert.equal(missing, [], `add a line for each to docs/architecture.md: ${missing.join(', ')}`);
});

test('every file named in docs/architecture.md exists', () => {
  const doc = read('docs/architecture.md');
  const files = new Set(filesUnder('src'));
  const stale = [...doc.matchAll(/`(src\/[^`\s]+\.[a-z]+)`/g)].map((m) => m[1]!).filter((f) => !files.has(f));
  assert.equal(stale, [], `remove or rename in docs/architecture.md: ${stale.join(', ')}`);
});

test('every symbol of the public API has a heading in docs/api.md', () => {
  const headings = read('docs/api.md')
    .split('\n')
    .filter((line) => line.startsWith('#'));
  const documented = (name: string) => headings.some((line) => line.includes(`\`${name}\``));
  for (const entry of ['src/index.ts', 'src/testing/index.ts']) {
    const names = exportedNames(join(ROOT, entry));
    assert.ok(names.length > 10 || entry.includes('testing'), `found too few exports in ${entry}`);
    const missing = names.filter((name) => !documented(name));
    assert.equal(missing, [], `${relative(ROOT, entry)} exports these without a heading in docs/api.md`);
  }
});

test('the export scanner sees the kinds of export the API uses', () => {
  const names = exportedNames(join(ROOT, 'src/index.ts'));
  for (const name of ['defineGame', 'GameContext', 'Random', 'hsv', 'Color', 'PLAYER_COLORS', 'BUTTONS']) {
    assert.ok(names.includes(name), name);
  }
});

test.run();
