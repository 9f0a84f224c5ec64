/**
 * The project compiled once per test run, for tests that start the CLI as a separate process:
 * what the service runs (node dist/src/cli/start.js), and about 1 s of CPU cheaper per process
 * than the sources through tsx, whose loader starts a second thread and sends it every module.
 *
 * The tree is built in `$LEDTABLE_TEST_BUILD` with `tsc -p tsconfig.build.json --noCheck` (npm
 * test's own `tsc --noEmit` is the type check): test/run.ts names one folder for every shard,
 * builds it while the shards import their files (buildCompiledTree) and removes it at the end.
 * Whoever builds holds a lock folder; a test that needs the tree meanwhile waits for the `ready`
 * file. A test file run alone builds its own, in a fresh temporary folder.
 *
 * Layout: `<dir>/out` is the compiled tree, linked to package.json, assets/, web/ and the
 * templates (scripts/link-dist.mjs) and to every dependency except tsx; beside it,
 * `<dir>/node_modules/tsx` is a package that throws when loaded, so a compiled command that
 * still needs a TypeScript loader fails (test/cli/dist.test.ts checks the poison works).
 */
import { execFile, execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { promisify } from 'node:util';

const ROOT = resolve(import.meta.dirname, '../..');
/** The message the poisoned tsx throws. */
export const POISON = 'the compiled tree loaded tsx';
/** How long a caller waits for another process's build. */
const WAIT_MS = 120_000;

export interface CompiledTree {
  /** The folder holding `out/` and the poisoned `node_modules/tsx`. */
  readonly dir: string;
  /** The compiled project: `out/src/cli/start.js` is the CLI. */
  readonly out: string;
  /** The CLI's entry point. */
  readonly cli: string;
}

let built: CompiledTree | undefined;

/** The compiled tree of this test run, built on the first call (synchronously: about 1–2 s). */
export function compiledTree(): CompiledTree {
  if (built) return built;
  const dir = process.env.LEDTABLE_TEST_BUILD ?? mkdtempSync(join(tmpdir(), 'ledtable-build-'));
  mkdirSync(dir, { recursive: true });
  const out = join(dir, 'out');
  const ready = join(dir, 'ready');
  if (!existsSync(ready)) {
    if (takeLock(join(dir, 'lock'))) build(dir, out, ready);
    else waitFor(ready);
  }
  built = { dir, out, cli: join(out, 'src/cli/start.js') };
  return built;
}

/** The PATH without node_modules/.bin folders (npm test puts the clone's, with tsx, first). */
export const PATH_WITHOUT_TSX = (process.env.PATH ?? '')
  .split(delimiter)
  .filter((entry) => !/node_modules[\\/]\.bin[\\/]?$/.test(entry))
  .join(delimiter);

function takeLock(lock: string): boolean {
  try {
    mkdirSync(lock);
    return true;
  } catch {
    return false;
  }
}

function waitFor(ready: string): void {
  const until = Date.now() + WAIT_MS;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  const failed = join(ready, '../failed');
  while (!existsSync(ready)) {
    if (existsSync(failed))
      throw new Error(`the compiled tree failed to build: ${readFileSync(failed, 'utf8')}`);
    if (Date.now() > until)
      throw new Error(`the compiled tree was not ready after ${WAIT_MS / 1000} s: ${ready}`);
    Atomics.wait(pause, 0, 0, 50);
  }
}

/**
 * Builds the tree in `dir` without blocking (test/run.ts, before the shards need it); resolves
 * false, doing nothing, when someone else holds the lock.
 */
export async function buildCompiledTree(dir: string): Promise<boolean> {
  mkdirSync(dir, { recursive: true });
  if (!takeLock(join(dir, 'lock'))) return false;
  const out = join(dir, 'out');
  const run = promisify(execFile);
  try {
    for (const [command, args] of buildSteps(out)) await run(command, args, { cwd: ROOT });
  } catch (error) {
    failed(dir, error);
  }
  finish(dir, out, join(dir, 'ready'));
  return true;
}

/** The commands that compile the project into `out` and link what it reads at run time. */
function buildSteps(out: string): [command: string, args: string[]][] {
  return [
    [
      join(ROOT, 'node_modules/.bin/tsc'),
      ['-p', 'tsconfig.build.json', '--noCheck', '--sourceMap', 'false', '--outDir', out],
    ],
    [process.execPath, [join(ROOT, 'scripts/link-dist.mjs'), out]],
  ];
}

function build(dir: string, out: string, ready: string): void {
  try {
    for (const [command, args] of buildSteps(out)) execFileSync(command, args, { cwd: ROOT });
  } catch (error) {
    failed(dir, error);
  }
  finish(dir, out, ready);
}

/** Records why the build failed, so the tests waiting for it fail at once, and throws it. */
function failed(dir: string, error: unknown): never {
  writeFileSync(join(dir, 'failed'), String(error));
  throw error;
}

/** Links the dependencies (not tsx), plants the poisoned tsx, and marks the tree ready. */
function finish(dir: string, out: string, ready: string): void {
  // Every dependency but tsx: the compiled tree must not need a TypeScript loader.
  mkdirSync(join(out, 'node_modules'));
  for (const name of readdirSync(join(ROOT, 'node_modules'))) {
    if (name === 'tsx' || name.startsWith('.')) continue;
    symlinkSync(join(ROOT, 'node_modules', name), join(out, 'node_modules', name));
  }
  const poison = join(dir, 'node_modules/tsx');
  mkdirSync(poison, { recursive: true });
  writeFileSync(
    join(poison, 'package.json'),
    JSON.stringify({ name: 'tsx', type: 'module', exports: { '.': './poison.js', './*': './poison.js' } }),
  );
  writeFileSync(join(poison, 'poison.js'), `throw new Error(${JSON.stringify(POISON)});\n`);
  writeFileSync(ready, `${new Date().toISOString()}\n`);
}
