import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { BUILT_IN_GAMES, discoverGames } from '../../src/cli/discover.ts';
import { isModulePackage } from '../../src/cli/hot-reload.ts';
import { UsageError } from '../../src/cli/io.ts';
import { createGame, nextSteps, titleOf } from '../../src/cli/new-game.ts';
import { randomPlay } from '../../src/testing/random-play.ts';
import { runCli } from '../helpers/run-cli.ts';

const ROOT = resolve(import.meta.dirname, '../..');
// Inside node_modules so the generated test resolves 'uvu' like a game in games/ would.
const cache = join(ROOT, 'node_modules/.cache');
mkdirSync(cache, { recursive: true });
const gamesDir = mkdtempSync(join(cache, 'ledtable-new-'));
const run = (...argv: string[]) => runCli(join(gamesDir, '.data'), ...argv);

test('new scaffolds a game that list shows and discovery loads without problems', async () => {
  const { code, out } = await run('new', 'catch', '--games', gamesDir);
  assert.is(code, 0, out);
  assert.equal(
    ['README.md', 'catch.test.ts', 'index.ts'].map(
      (f) => readFileSync(join(gamesDir, 'catch', f), 'utf8') !== '',
    ),
    [true, true, true],
  );
  const listed = await run('list', '--games', gamesDir);
  assert.match(listed.out, /^catch\s+Catch\s+1P/m);
  const { games, problems } = await discoverGames(gamesDir);
  assert.equal(problems, []);
  assert.equal(
    games.map((g) => g.id),
    ['catch'],
  );
});

test('the scaffolded game survives seeded random play like the conformance test', async () => {
  const { games } = await discoverGames(gamesDir);
  const game = games.find((g) => g.id === 'catch');
  assert.ok(game);
  for (let seed = 1; seed <= 3; seed++) {
    const a = await randomPlay(game, { seed, ticks: 1200 });
    const b = await randomPlay(game, { seed, ticks: 1200 });
    assert.is(a.harness.crash, undefined);
    assert.is(a.harness.engine.frame.invalidWrites, 0);
    assert.is(a.hash, b.hash);
  }
});

test('the generated Harness test passes', () => {
  const file = join(gamesDir, 'catch', 'catch.test.ts');
  const output = execFileSync(process.execPath, ['--import', 'tsx', file], { cwd: ROOT, encoding: 'utf8' });
  assert.match(output, /Passed:\s+3/);
});

test('ids that clash or are not folder names are refused with exit code 2', async () => {
  const clash = await run('new', 'catch', '--games', gamesDir);
  assert.is(clash.code, 2);
  assert.match(clash.err, /already exists/);
  for (const bad of ['Catch', 'my_game', 'a/b', '..', 'é']) {
    const result = await run('new', bad, '--games', gamesDir);
    assert.is(result.code, 2, bad);
    assert.match(result.err, /not a valid game id/);
  }
  const missing = await run('new', '--games', gamesDir);
  assert.is(missing.code, 2);
  assert.throws(
    () => createGame('x y', gamesDir),
    (e: unknown) => e instanceof UsageError,
  );
});

test('a games folder outside any ES module package gets a package.json, so the game loads', async () => {
  const outside = mkdtempSync(join(tmpdir(), 'ledtable-new-outside-'));
  try {
    const needed = !isModulePackage(outside);
    const { code, out } = await run('new', 'far', '--games', outside);
    assert.is(code, 0, out);
    assert.is(existsSync(join(outside, 'package.json')), needed);
    const { games, problems } = await discoverGames(outside);
    assert.equal(problems, []);
    assert.equal(
      games.map((g) => g.id),
      ['far'],
    );
    assert.ok(out.includes(`play it: npx ledtable play far --games ${outside} --watch`), out);
    assert.ok(out.includes(`npx tsx ${join(outside, 'far', 'far.test.ts')}`), out);
  } finally {
    rmSync(outside, { recursive: true, force: true });
  }
});

test('a CommonJS package.json in the games folder is refused, never rewritten', async () => {
  const outside = mkdtempSync(join(tmpdir(), 'ledtable-new-cjs-'));
  try {
    writeFileSync(join(outside, 'package.json'), '{ "name": "mine" }\n');
    const { code, err } = await run('new', 'far', '--games', outside);
    assert.is(code, 2);
    assert.match(err, /"type": "module"/);
    assert.is(readFileSync(join(outside, 'package.json'), 'utf8'), '{ "name": "mine" }\n');
    assert.not.ok(existsSync(join(outside, 'far')));
  } finally {
    rmSync(outside, { recursive: true, force: true });
  }
});

test('in the built-in games folder the hints are the short ones', () => {
  assert.is(
    nextSteps('rain', BUILT_IN_GAMES, join(BUILT_IN_GAMES, 'rain')),
    'play it: npx ledtable play rain --watch\ntest it: npx tsx test/run.ts games/rain/rain.test.ts',
  );
});

test('titles come from the id', () => {
  assert.is(titleOf('catch'), 'Catch');
  assert.is(titleOf('space-race-2'), 'Space race 2');
});

test('clean up', () => {
  rmSync(gamesDir, { recursive: true, force: true });
});

test.run();
