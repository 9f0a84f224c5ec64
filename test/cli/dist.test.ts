/**
 * The compiled build (what the service and `ledtable bench` on a Pi run) behaves like the
 * sources: the test run's compiled tree (test/helpers/compiled-tree.ts: built once, outside the
 * clone, its node_modules holding every dependency except tsx) runs each command. A `.ts` path
 * left at run time (a child process, a template) fails here. Beside the tree sits a poisoned
 * `tsx` package that throws when loaded: the compiled tree (and a `--import tsx` from its folder)
 * resolves that one before any `node_modules` further up, such as a /tmp/node_modules someone
 * left on the machine; and no tsx command is on the PATH the commands see. The commands run in
 * parallel.
 */
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { compiledTree, PATH_WITHOUT_TSX as PATH, POISON } from '../helpers/compiled-tree.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const dist = suite('compiled dist/');

const dir = mkdtempSync(join(tmpdir(), 'ledtable-dist-'));
const data = join(dir, 'data');

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the compiled CLI with `args`; never a shell, never the user's data directory. */
function ledtable(...args: string[]): Promise<Run> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [compiledTree().cli, ...args, '--data-dir', data],
      { cwd: dir, env: { PATH, HOME: data }, maxBuffer: 16 << 20 },
      (error, stdout, stderr) => done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

dist.after(() => rmSync(dir, { recursive: true, force: true }));

dist('tsx resolves to the poisoned package from the compiled tree, and is not on its PATH', () => {
  const probe = execFileSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      "import('tsx/esm/api').then(() => 'found', (e) => e.message).then(console.log)",
    ],
    { cwd: join(compiledTree().out, 'src/cli'), encoding: 'utf8' },
  );
  assert.is(probe.trim(), POISON);
  const which = spawnSync('sh', ['-c', 'command -v tsx'], { env: { PATH }, encoding: 'utf8' });
  assert.is(which.stdout, '', `tsx on the PATH the commands get: ${which.stdout}`);
});

dist('--version, list --json, play --headless with --record, replay, bench --json --quick, new', async () => {
  const recording = join(dir, 'snake.json');
  const [version, list, play, bench, made] = await Promise.all([
    ledtable('--version'),
    ledtable('list', '--json'),
    ledtable('play', 'snake', '--headless', '--ticks', '200', '--seed', '3', '--dump', '--record', recording),
    ledtable('bench', 'viewer', '--json', '--quick'),
    ledtable('new', 'dots', '--games', join(dir, 'games')),
  ]);
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  assert.is(version.stdout.trim(), pkg.version, version.stderr);

  assert.is(list.code, 0, list.stderr);
  const games = JSON.parse(list.stdout) as { id: string }[];
  assert.ok(
    ['snake', 'tetris', 'viewer'].every((id) => games.some((g) => g.id === id)),
    list.stdout,
  );

  assert.is(play.code, 0, play.stderr);
  assert.is(play.stdout.trim().split('\n').length, 15, play.stdout);
  const replay = await ledtable('replay', recording, '--headless');
  assert.is(replay.code, 0, replay.stdout + replay.stderr);
  assert.match(replay.stdout + replay.stderr, /match/);

  assert.is(bench.code, 0, bench.stderr);
  const figures = JSON.parse(bench.stdout) as { section: string; name: string; value: number }[];
  assert.ok(
    figures.some((f) => f.name.startsWith('peak RSS') && f.value > 0),
    bench.stdout,
  );

  assert.is(made.code, 0, made.stderr);
  for (const file of ['index.ts', 'dots.test.ts', 'README.md'])
    assert.ok(existsSync(join(dir, 'games/dots', file)), `new did not write ${file}: ${made.stdout}`);
});

dist.run();
