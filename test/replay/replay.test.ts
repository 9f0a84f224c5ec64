/**
 * Replays: a recorded run (seeded random input) replays to the same final --dump, for one game of
 * each kind; a recording made from events pushed at any time between ticks (as keys arrive in
 * real time) replays exactly too.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { discoverGames } from '../../src/cli/discover.ts';
import { ManualClock } from '../../src/engine/clock.ts';
import { Random } from '../../src/engine/random.ts';
import { BUTTONS } from '../../src/input/buttons.ts';
import { ScriptedInput } from '../../src/input/scripted-input.ts';
import { frameHash, parseReplay, type Replay, ReplayRecorder, saveReplay } from '../../src/replay/replay.ts';
import { Table } from '../../src/table/table.ts';
import { runCli } from '../helpers/run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'ledtable-replay-'));
const run = (...argv: string[]) => runCli(join(dir, 'data'), ...argv);
const { games } = await discoverGames();
const has = (id: string) => games.some((g) => g.id === id);
const pick = (...ids: string[]) => ids.find(has) ?? 'testpattern';

/** Seeded random presses and releases for `players` players (no back: it would only pause). */
function randomInputs(seed: number, ticks: number, players: number) {
  const random = new Random(seed);
  const down = new Set<string>();
  const events = [];
  for (let tick = 0; tick < ticks; tick++) {
    if (!random.chance(0.2)) continue;
    const player = random.int(players);
    const button = random.pick(BUTTONS.filter((b) => b !== 'back'));
    const key = `${player}:${button}`;
    const isDown = !down.has(key);
    if (isDown) down.add(key);
    else down.delete(key);
    events.push({ tick, player, button, down: isDown });
    if (random.chance(0.3)) events.push({ tick, player, button, down: !isDown }); // a tap within one tick
  }
  return events;
}

const KINDS = [
  { kind: 'puzzle', id: pick('minesweeper', 'tetris'), players: 1 },
  { kind: 'action', id: pick('snake', 'flappy'), players: 1 },
  { kind: 'multiplayer', id: pick('pong', 'connect4'), players: 2 },
];

for (const { kind, id, players } of KINDS) {
  test(`${kind} (${id}, ${players}P): a recorded headless run replays to the same final --dump`, async () => {
    const inputs = join(dir, `${id}-inputs.json`);
    const record = join(dir, `${id}.replay.json`);
    writeFileSync(inputs, JSON.stringify(randomInputs(11, 1500, players)));
    const common = ['--headless', '--dump'];
    const original = await run(
      'play',
      id,
      ...common,
      '--ticks',
      '1500',
      '--seed',
      '42',
      '--players',
      String(players),
      '--inputs',
      inputs,
      '--record',
      record,
    );
    assert.is(original.code, 0, original.err);
    const replay = parseReplay(JSON.parse(readFileSync(record, 'utf8')));
    assert.is(replay.game, id);
    assert.is(replay.seed, 42);
    assert.is(replay.players, players);
    assert.is(replay.ticks, 1500);
    assert.ok(replay.events.length > 50);
    const again = await run('replay', record, ...common);
    assert.is(again.code, 0, again.err);
    assert.is(again.out, original.out);
  });
}

test('a replay whose last frame differs is reported and exits 1', async () => {
  const record = join(dir, `${KINDS[1]!.id}.replay.json`);
  const replay = JSON.parse(readFileSync(record, 'utf8')) as Replay;
  const tampered = join(dir, 'tampered.json');
  saveReplay(tampered, { ...replay, finalFrameHash: '0000000000000000' });
  const result = await run('replay', tampered, '--headless');
  assert.is(result.code, 1);
  assert.match(result.err, /diverged/);
  const broken = join(dir, 'broken.json');
  writeFileSync(broken, JSON.stringify({ ...replay, version: 9, players: 7 }));
  const bad = await run('replay', broken, '--headless');
  assert.is(bad.code, 2);
  assert.match(bad.err, /version 9/);
  assert.match(bad.err, /players: 7/);
});

test('events pushed at any moment between ticks are recorded as sampled and replay exactly', async () => {
  const game = games.find((g) => g.id === KINDS[1]!.id)!;
  const random = new Random(5);
  const clock = new ManualClock();
  const table = new Table({ catalog: [game], clock, idleSeconds: 0, seed: 9 });
  const engine = table.engine;
  engine.start();
  table.play(game, { seed: 9 });
  const recorder = new ReplayRecorder(table);
  for (let tick = 0; tick < 900; tick++) {
    // Bursts of key events between ticks, taps within one tick included, like a terminal sends.
    while (random.chance(0.15)) {
      const button = random.pick(BUTTONS.filter((b) => b !== 'back'));
      engine.input.push({ player: 0, button, down: true });
      if (random.chance(0.5)) engine.input.push({ player: 0, button, down: false });
    }
    if (random.chance(0.1)) engine.input.push({ player: 0, button: random.pick(BUTTONS), down: false });
    clock.step(1);
  }
  const replay = recorder.finish();
  assert.is(replay.ticks, 900);
  // Play it back on a fresh engine, events pushed just before their tick.
  const clock2 = new ManualClock();
  const table2 = new Table({ catalog: [game], clock: clock2, idleSeconds: 0, seed: 1 });
  const engine2 = table2.engine;
  engine2.start();
  table2.play(game, { seed: replay.seed, players: replay.players, settings: replay.settings });
  const script = new ScriptedInput(replay.events);
  for (let tick = 0; tick < replay.ticks; tick++) {
    script.deliver(tick, (event) => engine2.input.push(event));
    clock2.step(1);
  }
  assert.is(frameHash(engine2.frame), replay.finalFrameHash);
});

test('clean up', () => {
  rmSync(dir, { recursive: true, force: true });
});

test.run();
