/**
 * Runs every *.test.ts under test/, games/ and hardware/ with uvu and ends with the line
 * `N passed, N failed`. Exits non-zero on any failure and when no test ran at all.
 * Usage: tsx test/run.ts [--checks] [--times] [--serial] [substring…]
 *   substring  only files whose path contains one
 *   --checks   also the type checks and the linter, alongside the tests (npm test)
 *   --times    each file's wall, CPU and child-process CPU seconds, slowest first
 *   --serial   everything in this process, one file after another
 *
 * With more than a few files and more than one core, the files are split into two shards that
 * run in two child processes at once (spread by the measured costs below), and their counts are
 * added up; the conformance test runs last in both and they share its seeds out as they go
 * (IN_EVERY_SHARD). Each shard (and a serial run) uses uvu's programmatic runner, uvu/run.
 *
 * Property tests (fast-check) use a fixed seed so every run, and CI, checks the same cases;
 * `FC_SEED=random` explores new ones (a failure prints the seed that reproduces it:
 * `FC_SEED=<seed> npm run test:only`).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, setPriority, tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import fc from 'fast-check';
import { run } from 'uvu/run';
import { buildCompiledTree } from './helpers/compiled-tree.ts';

const root = resolve(import.meta.dirname, '..');
const fcSeed = process.env.FC_SEED;
if (fcSeed !== 'random') fc.configureGlobal({ seed: fcSeed ? Number(fcSeed) : 20261126 });
const args = process.argv.slice(2);
const shardArg = args.find((a) => a.startsWith('--shard='));
const serial = args.includes('--serial') || shardArg !== undefined;
const showTimes = args.includes('--times');
const withChecks = args.includes('--checks');
const filters = args.filter((a) => !a.startsWith('--'));

/**
 * Seconds the slow files take in a shard of a full run (wall, from `--times` on the 2-core
 * machine, the mean of two runs; only their ratios matter); every other file counts 0.3 s.
 * systemd.test.ts also counts its install.sh runs, which start at import (about 6 s more).
 */
const KNOWN_SECONDS: Readonly<Record<string, number>> = {
  'test/web/browser.test.ts': 12.5,
  'test/systemd/systemd.test.ts': 6.9,
  'games/effects/effects.test.ts': 4.4,
  'test/package.test.ts': 4,
  'test/cli/dist.test.ts': 3.9,
  'test/cli/bin.test.ts': 3.5,
  'test/cli/update/update.test.ts': 3.2,
  'games/viewer/svg-guard.test.ts': 3.1,
  'test/cli/pty.test.ts': 2.9,
  'test/isolation/watchdog.test.ts': 2.5,
  'test/cli/update/update-edges.test.ts': 2.1,
  'test/cli/process-exit.test.ts': 1.9,
  'test/cli/new-game.test.ts': 1.9,
  'test/capture/files.test.ts': 1.9,
  'games/viewer/viewer.test.ts': 1.7,
  'test/systemd/update-unit.test.ts': 1.5,
  'test/isolation/run-table-guard.test.ts': 1.5,
  'test/isolation/hostile-games.test.ts': 1.4,
  'test/cli/lazy-start.test.ts': 1.2,
  'test/cli/run-table.test.ts': 1.1,
  'test/cli/bench.test.ts': 1,
};
const SHARDS = 2;

/**
 * Files every shard runs, after its own: their work is shared out while they run
 * (test/helpers/shared-work.ts), so the shard that ends its own files first takes more of it
 * and the shards end together, however the machine's load moved the other files' times.
 */
const IN_EVERY_SHARD: readonly string[] = ['test/conformance/conformance.test.ts'];

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
  .map((file) => relative(root, file))
  .filter((file) => filters.length === 0 || filters.some((f) => file.includes(f)))
  .sort();

/**
 * Slowest first, each to the shard with the least time so far: the same split every run. A shard
 * runs its files in that order too, so the long ones, which wait most for browsers and processes,
 * overlap the other shard's work; then the files every shard runs (IN_EVERY_SHARD).
 */
function shardsOf(all: readonly string[], count: number): string[][] {
  const shards = Array.from({ length: count }, () => ({ seconds: 0, files: [] as string[] }));
  const cost = (file: string) => KNOWN_SECONDS[file] ?? 0.3;
  const dealt = all.filter((file) => !IN_EVERY_SHARD.includes(file));
  for (const file of dealt.sort((a, b) => cost(b) - cost(a) || a.localeCompare(b))) {
    const lightest = shards.reduce((best, s) => (s.seconds < best.seconds ? s : best));
    lightest.seconds += cost(file);
    lightest.files.push(file);
  }
  const shared = all.filter((file) => IN_EVERY_SHARD.includes(file));
  return shards.map((s) => [...s.files, ...shared]);
}

const FINAL_LINE = /^(\d+) passed, (\d+) failed(?:, (\d+) skipped)?$/m;

/**
 * Runs `list` here with uvu/run, uvu's programmatic runner (what its CLI uses): it imports each
 * file with `import('file:///' + file)`, runs the suites the file queued, prints uvu's summary
 * (Total, Passed, Skipped) and sets process.exitCode. `file` is given without its leading slash
 * so the URL is the canonical file:///… one and every module loads once, whoever imports it.
 * The summary is read off stdout for our own last line.
 */
async function runHere(
  list: readonly string[],
): Promise<{ passed: number; failed: number; skipped: number }> {
  let printed = '';
  const names = new Set(list);
  /** When each file's suites started: uvu prints the file's name as a line of its own first. */
  const starts: Mark[] = [];
  const begun = mark('');
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString();
    const line = plain(text).trim();
    if (names.has(line)) starts.push(mark(line));
    printed = (printed + text).slice(-2000);
    return write(chunk, ...rest);
  }) as typeof process.stdout.write;
  try {
    await run(
      list.map((file) => ({ name: file, file: join(root, file).replace(/^\//, '') })),
      { bail: false },
    );
  } finally {
    process.stdout.write = write;
  }
  if (showTimes) printTimes(starts, begun);
  const summary = plain(printed);
  const count = (label: string) => Number(new RegExp(`${label}:\\s+(\\d+)`).exec(summary)?.[1] ?? Number.NaN);
  const [total, passed, skipped] = [count('Total'), count('Passed'), count('Skipped')];
  if (![total, passed, skipped].every(Number.isFinite))
    throw new Error('uvu printed no summary (Total / Passed / Skipped): a test file exited early');
  return { passed, failed: total - passed - skipped, skipped };
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: strips uvu's colour codes
const plain = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, '');

interface Mark {
  readonly file: string;
  /** Wall ms, this process's CPU ms, and the CPU ms of its children that have ended. */
  readonly wall: number;
  readonly cpu: number;
  readonly children: number;
}

function mark(file: string): Mark {
  const { user, system } = process.cpuUsage();
  return { file, wall: performance.now(), cpu: (user + system) / 1000, children: childrenCpu() };
}

/** CPU ms of ended child processes (Linux: cutime + cstime in /proc/self/stat), else 0. */
function childrenCpu(): number {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) * 10; // fields 16 and 17, in 1/100 s
  } catch {
    return 0;
  }
}

/**
 * `--times`: per file, the seconds its suites ran (from its name line to the next file's), the
 * CPU seconds of this process and of the child processes it ran; slowest first, after the
 * import of every file (top-level code included), which comes before the first.
 */
function printTimes(starts: readonly Mark[], begun: Mark): void {
  const end = mark('');
  const row = (file: string, from: Mark, to: Mark) => ({
    file,
    wall: (to.wall - from.wall) / 1000,
    cpu: (to.cpu - from.cpu) / 1000,
    children: (to.children - from.children) / 1000,
  });
  const rows = starts.map((s, i) => row(s.file, s, starts[i + 1] ?? end));
  rows.sort((a, b) => b.wall - a.wall);
  const format = (r: ReturnType<typeof row>) =>
    `  ${[r.wall, r.cpu, r.children].map((n) => n.toFixed(2).padStart(6)).join(' ')}  ${r.file}`;
  const lines = [
    '    wall    cpu  child  (seconds)',
    format(row('(imports)', begun, starts[0] ?? end)),
    ...rows.map(format),
    format(row('(all)', begun, end)),
  ];
  process.stdout.write(`\nseconds per file:\n${lines.join('\n')}\n`);
}

/** Runs one shard in a child process; its output is printed whole when it ends. */
function runShard(index: number): Promise<{ passed: number; failed: number; skipped: number }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(
      process.execPath,
      [
        ...process.execArgv,
        import.meta.filename,
        `--shard=${index}/${SHARDS}`,
        ...(showTimes ? ['--times'] : []),
        ...filters,
      ],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, FORCE_COLOR: process.stdout.isTTY ? '1' : '0' },
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      process.stdout.write(`${output}\n`);
      const line = FINAL_LINE.exec(output);
      if (!line) reject(new Error(`test shard ${index} exited ${code} without its final line`));
      else
        resolvePromise({ passed: Number(line[1]), failed: Number(line[2]), skipped: Number(line[3] ?? 0) });
    });
  });
}

/**
 * `--checks` (npm test): the type checks and the linter, run alongside the tests rather than
 * before them, at the lowest priority (lowestPriority). Each prints its output when it ends. The type checks are incremental: tsc
 * keeps what it learnt in node_modules/.cache/ledtable/ and checks again only what changed (the
 * same errors as a full `tsc --noEmit`, at about a third of its CPU once the cache is there).
 */
const TSC_CACHE = 'node_modules/.cache/ledtable';
const CHECKS: readonly (readonly string[])[] = [
  ['tsc', '--noEmit', '--incremental', '--tsBuildInfoFile', `${TSC_CACHE}/tsc.tsbuildinfo`],
  ['tsc', '--noEmit', '-p', 'web', '--incremental', '--tsBuildInfoFile', `${TSC_CACHE}/tsc-web.tsbuildinfo`],
  ['biome', 'check', '.'],
];

/** Runs one check from node_modules/.bin; resolves to its command line when it failed. */
function runCheck(command: readonly string[]): Promise<string | undefined> {
  const [tool = '', ...rest] = command;
  const started = performance.now();
  return new Promise((resolvePromise) => {
    const child = spawn(join(root, 'node_modules/.bin', tool), rest, {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    lowestPriority(child.pid);
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    let ended = false;
    const done = (code: number | null, error?: Error) => {
      if (ended) return; // 'close' can follow 'error'
      ended = true;
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const failed = code !== 0;
      const verdict = failed ? `FAILED (${error?.message ?? `exit ${code}`})` : 'ok';
      process.stdout.write(
        `${output.trimEnd()}${output.trim() ? '\n' : ''}${command.join(' ')}: ${verdict}, ${seconds} s\n\n`,
      );
      resolvePromise(failed ? command.join(' ') : undefined);
    };
    child.on('error', (error) => done(null, error));
    child.on('close', (code) => done(code));
  });
}

/**
 * The checks run at the lowest CPU priority (nice 19, inherited by the processes they start):
 * they use the cores while the tests wait for processes, browsers and sockets, and at the end
 * when one shard has finished, rather than slowing the tests down. Where priorities cannot be
 * set, they run as they are.
 */
function lowestPriority(pid: number | undefined): void {
  try {
    if (pid !== undefined) setPriority(pid, 19);
  } catch {
    // not permitted here: same result, only slower
  }
}

/** One check at a time: tsc and biome each use every core, and three at once only wait on each other. */
async function runChecks(): Promise<(string | undefined)[]> {
  const failed: (string | undefined)[] = [];
  for (const check of CHECKS) failed.push(await runCheck(check));
  return failed;
}

const checks = withChecks ? runChecks() : Promise.resolve([]);

/**
 * One compiled tree for the whole run (test/helpers/compiled-tree.ts), built here while the
 * shards import their files; removed at the end.
 */
const sharded = !serial && files.length >= 8 && availableParallelism() >= 2;
const ownBuild = shardArg === undefined && process.env.LEDTABLE_TEST_BUILD === undefined;
if (ownBuild) process.env.LEDTABLE_TEST_BUILD = mkdtempSync(join(tmpdir(), 'ledtable-build-'));
/** The folder where the shards share out work (test/helpers/shared-work.ts); removed at the end. */
const ownShared = shardArg === undefined && process.env.LEDTABLE_TEST_SHARED === undefined;
if (ownShared) process.env.LEDTABLE_TEST_SHARED = mkdtempSync(join(tmpdir(), 'ledtable-shared-'));
// Ahead only for shards: in this process a test's wait for it would block the build's own I/O.
const building =
  ownBuild && sharded ? buildCompiledTree(process.env.LEDTABLE_TEST_BUILD ?? '') : Promise.resolve(false);

let totals: { passed: number; failed: number; skipped: number };
if (shardArg) {
  const [index = 0, count = 1] = shardArg.slice('--shard='.length).split('/').map(Number);
  totals = await runHere(shardsOf(files, count)[index] ?? []);
} else if (!sharded) {
  totals = await runHere(files);
} else {
  const results = await Promise.all(Array.from({ length: SHARDS }, (_, i) => runShard(i)));
  totals = results.reduce((sum, r) => ({
    passed: sum.passed + r.passed,
    failed: sum.failed + r.failed,
    skipped: sum.skipped + r.skipped,
  }));
}

await building.catch((error: unknown) => console.log(`the compiled tree failed to build: ${error}`));
if (ownBuild) rmSync(process.env.LEDTABLE_TEST_BUILD ?? '', { recursive: true, force: true });
if (ownShared) rmSync(process.env.LEDTABLE_TEST_SHARED ?? '', { recursive: true, force: true });
const failedChecks = (await checks).filter((c) => c !== undefined);
const { passed, failed, skipped } = totals;
if (failedChecks.length > 0) console.log(`failed checks: ${failedChecks.join('; ')}`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
if (failedChecks.length > 0) {
  process.exitCode = 1;
} else if (passed + failed === 0) {
  console.error('No test ran: that is a failure (check the file filter or the test folders).');
  process.exitCode = 1;
} else if (failed > 0) {
  process.exitCode = 1;
}
