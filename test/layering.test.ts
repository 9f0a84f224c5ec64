/**
 * The design's boundaries, checked on every file: src/ imports games/ and hardware/ only from
 * src/cli/ (the composition root); games import the engine only through src/index.ts and never
 * hardware/; games never read the clock or Math.random (the engine owns time and randomness).
 * Only the apps that must read files (viewer, tpm2) may import node: modules or sharp.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';

const ROOT = join(import.meta.dirname, '..');
const FILE_APPS = new Set(['viewer', 'tpm2']);

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts'))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)))
    .filter((file) => !file.includes('node_modules') && !file.includes('templates'));
}

function imports(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+'([^']+)'/gm)].map((m) => m[1]!);
}

test('src/ outside src/cli/ imports neither games/ nor hardware/', () => {
  const offenders = sources('src')
    .filter((file) => !file.startsWith('src/cli/'))
    .flatMap((file) =>
      imports(file)
        .filter((spec) => /\/(games|hardware)\//.test(spec))
        .map((spec) => `${file} → ${spec}`),
    );
  assert.equal(offenders, []);
});

test('games import the engine only through src/index.ts (tests: src/testing), and never hardware/', () => {
  const publicApi = /\/src\/(index|testing\/index)\.ts$/;
  const offenders = sources('games')
    .filter((file) => !file.endsWith('make-samples.ts')) // asset generators, not part of the game
    .flatMap((file) =>
      imports(file)
        .filter((spec) => spec.includes('hardware/') || (spec.includes('/src/') && !publicApi.test(spec)))
        .map((spec) => `${file} → ${spec}`),
    );
  assert.equal(offenders, []);
});

test('only the file-reading apps import node: modules or sharp', () => {
  const offenders = sources('games')
    .filter((file) => !FILE_APPS.has(file.split('/')[1]!) && !file.endsWith('make-samples.ts'))
    .flatMap((file) =>
      imports(file)
        .filter((spec) => spec.startsWith('node:') || spec === 'sharp')
        .map((spec) => `${file} → ${spec}`),
    );
  assert.equal(offenders, []);
});

test('games never read the clock or Math.random', () => {
  const offenders = sources('games')
    .filter((file) => !file.endsWith('make-samples.ts'))
    // The viewer's decoder process kills a decode that overruns its time budget: a watchdog
    // around libvips, not game logic (frames never depend on it).
    .filter((file) => file !== 'games/viewer/decode-process.ts')
    .filter((file) =>
      /\b(Math\.random|Date\.now|new Date\(|setTimeout|setInterval|performance\.now)\b/.test(
        readFileSync(join(ROOT, file), 'utf8'),
      ),
    );
  assert.equal(offenders, []);
});

test('no import cycle anywhere in src/ (type-only imports included)', () => {
  const files = new Set(sources('src'));
  const edges = new Map<string, string[]>();
  for (const file of files) {
    const targets = imports(file)
      .filter((spec) => spec.startsWith('.'))
      .map((spec) => relative(ROOT, join(ROOT, file, '..', spec)))
      .filter((target) => files.has(target));
    edges.set(file, targets);
  }
  const cycles: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (file: string) => {
    if (state.get(file) === 'done') return;
    if (state.get(file) === 'open') {
      cycles.push([...path.slice(path.indexOf(file)), file].join(' → '));
      return;
    }
    state.set(file, 'open');
    path.push(file);
    for (const target of edges.get(file) ?? []) visit(target);
    path.pop();
    state.set(file, 'done');
  };
  for (const file of [...files].sort()) visit(file);
  assert.equal(cycles, []);
});

test('the engine (the loop) knows nothing of the table, replays or the command line', () => {
  const offenders = sources('src/engine').flatMap((file) =>
    imports(file)
      .filter((spec) => /\/(table|replay|cli|config)\//.test(spec))
      .map((spec) => `${file} → ${spec}`),
  );
  assert.equal(offenders, []);
});

test.run();
