/**
 * The recordings shipped in assets/replays/ (the idle playlist's demos play them) must each *play* to the
 * frame they were recorded with, not only parse (the old test parsed them, so a renamed setting
 * value in connect4.json went unnoticed); a recording carries the best scores and store its game
 * started with, so a run that ends on the result screen's "HI n" replays too.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { discoverGames } from '../../src/cli/discover.ts';
import { ManualClock } from '../../src/engine/clock.ts';
import type { SettingSpec } from '../../src/engine/game.ts';
import { type Replay, ReplayRecorder, saveReplay } from '../../src/replay/replay.ts';
import { InMemory, type ScoreTable } from '../../src/table/persistence.ts';
import { Table } from '../../src/table/table.ts';
import { runCli } from '../helpers/run-cli.ts';

const REPLAYS = join(import.meta.dirname, '../../assets/replays');
const dir = mkdtempSync(join(tmpdir(), 'ledtable-shipped-'));
const { games } = await discoverGames();

test('every shipped replay plays headless to its recorded final frame ("matched")', async () => {
  const files = readdirSync(REPLAYS).filter((name) => name.endsWith('.json'));
  assert.ok(files.length >= 8, `${files.length} replays`);
  for (const name of files) {
    const run = await runCli(join(dir, 'data'), 'replay', join(REPLAYS, name), '--headless');
    assert.is(run.code, 0, `${name}: ${run.err}`);
    assert.match(run.err, /matched/, name);
  }
});

test('a renamed setting value maps to its new one (connect4 "medium" is "med"); every rename points at a value', async () => {
  const connect4 = JSON.parse(readFileSync(join(REPLAYS, 'connect4.json'), 'utf8')) as Replay;
  assert.is(connect4.settings.level, 'medium', 'the shipped file keeps its old value on purpose');
  for (const game of games) {
    for (const [key, spec] of Object.entries(game.settings ?? {}) as [string, SettingSpec][]) {
      for (const [old, now] of Object.entries(spec.renamed ?? {})) {
        assert.ok(spec.values.includes(now), `${game.id}.${key}: "${old}" → "${now}" is not a value`);
        assert.not.ok(spec.values.map(String).includes(old), `${game.id}.${key}: "${old}" is still a value`);
      }
    }
  }
});

test('a value that is neither a value nor a rename is refused naming the file, with the fix (not --help)', async () => {
  const replay = JSON.parse(readFileSync(join(REPLAYS, 'connect4.json'), 'utf8')) as Replay;
  const file = join(dir, 'old-level.json');
  saveReplay(file, { ...replay, settings: { level: 'insane' } });
  const run = await runCli(join(dir, 'data'), 'replay', file, '--headless');
  assert.is(run.code, 2);
  assert.match(run.err, new RegExp(`${file}: connect4 setting "level" is insane; allowed: easy, med, hard`));
  assert.match(run.err, /Record it again with `ledtable play ID --record FILE`/);
  assert.not.match(run.err, /--help/);
});

test('a run that ends on the result screen while a best score exists replays "matched"', async () => {
  const snake = games.find((g) => g.id === 'snake');
  if (!snake) return;
  const clock = new ManualClock();
  // The player's own best score: the result screen draws "HI 37" (a replay on another
  // machine, or headless, has none of its own).
  const table = new Table({
    catalog: [snake],
    clock,
    idleSeconds: 0,
    seed: 3,
    scores: new InMemory<ScoreTable>({ snake: { default: 37 } }),
  });
  table.engine.start();
  table.play(snake, { seed: 3 });
  const recorder = new ReplayRecorder(table);
  for (let tick = 0; tick < 6000 && table.lastResult === undefined; tick++) clock.step(1);
  assert.ok(table.lastResult, 'the snake hit something');
  clock.step(150); // the result screen on its second page: "HI 37" (with no best score: "NEW HI")
  const replay = recorder.finish();
  assert.equal(replay.scores, { default: 37 });
  const file = join(dir, 'result.json');
  saveReplay(file, replay);
  const run = await runCli(join(dir, 'data'), 'replay', file, '--headless');
  assert.is(run.code, 0, run.err);
  assert.match(run.err, /matched/);
});

test('replay with no file: the usage line says how to make one', async () => {
  const run = await runCli(join(dir, 'data'), 'replay');
  assert.is(run.code, 2);
  assert.match(run.err, /replay needs a file: ledtable replay FILE \(made with play --record FILE\)/);
  writeFileSync(join(dir, 'x.json'), '{');
  const broken = await runCli(join(dir, 'data'), 'replay', join(dir, 'x.json'), '--headless');
  assert.is(broken.code, 2);
  assert.not.match(broken.err, /--help/);
});

test.run();
