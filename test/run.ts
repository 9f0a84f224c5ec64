/**
 * Runs every *.test.ts under test/, games/ and hardware/ with uvu in one process and ends with
 * the line `N passed, N failed`. Exits non-zero on any failure and when no test ran at all.
 * Usage: tsx test/run.ts [substring…]   (only files whose path contains a substring)
 *
 * Property tests (fast-check) use a fixed seed so every run, and CI, checks the same cases;
 * `FC_SEED=random` explores new ones (a failure prints the seed that reproduces it:
 * `FC_SEED=<seed> npm run test:only`).
 */
import { readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';

type QueuedTest = () => Promise<[errors: string, passed: number, skipped: number, total: number]>;
const uvuGlobals = globalThis as unknown as { UVU_DEFER: number; UVU_INDEX: number; UVU_QUEUE: unknown[][] };

const root = resolve(import.meta.dirname, '..');
const fcSeed = process.env.FC_SEED;
if (fcSeed !== 'random') fc.configureGlobal({ seed: fcSeed ? Number(fcSeed) : 20261126 });
const filters = process.argv.slice(2);

function findTests(dir: string): string[] {
  let entries: import('node:fs').Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : findTests(path);
    return entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

const files = ['test', 'games', 'hardware', 'src']
  .flatMap((dir) => findTests(join(root, dir)))
  .filter((file) => filters.length === 0 || filters.some((f) => relative(root, file).includes(f)))
  .sort();

uvuGlobals.UVU_DEFER = 1;
uvuGlobals.UVU_QUEUE = [];
const uvu = await import('uvu');
for (const [index, file] of files.entries()) {
  uvuGlobals.UVU_INDEX = index;
  uvuGlobals.UVU_QUEUE.push([relative(root, file)]);
  await import(pathToFileURL(file).href);
}

let passed = 0;
let failed = 0;
let skipped = 0;
for (const group of uvuGlobals.UVU_QUEUE) {
  for (let i = 1; i < group.length; i++) {
    const run = group[i] as QueuedTest;
    group[i] = async () => {
      const result = await run();
      const [, ok, skip, total] = result;
      passed += ok;
      skipped += skip;
      failed += total - ok - skip;
      return result;
    };
  }
}
await uvu.exec(false);

const skippedNote = skipped ? `, ${skipped} skipped` : '';
console.log(`${passed} passed, ${failed} failed${skippedNote}`);
if (passed + failed === 0) {
  console.error('No test ran: that is a failure (check the file filter or the test folders).');
  process.exitCode = 1;
} else if (failed > 0) {
  process.exitCode = 1;
}
