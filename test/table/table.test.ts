import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ManualClock } from '../../src/engine/clock.ts';
import { MemoryLogger } from '../../src/engine/log.ts';
import { drawBanner } from '../../src/gfx/text.ts';
import { Canvas, defineGame } from '../../src/index.ts';
import type { Button } from '../../src/input/buttons.ts';
import type { TableControls } from '../../src/table/controls.ts';
import { InMemory, type ScoreTable } from '../../src/table/persistence.ts';
import { Table } from '../../src/table/table.ts';

const timed = defineGame({
  id: 'timed',
  title: 'Timed',
  scoreOrder: 'lower',
  players: { min: 1, max: 3 },
  settings: { level: { label: 'Level', values: ['easy', 'hard'], default: 'easy' } },
  create(ctx) {
    return {
      update(input) {
        if (input.any.pressed('a')) ctx.end({ score: ctx.tick, scoreKey: String(ctx.settings.level) });
      },
      draw(g) {
        g.clear();
        for (let p = 0; p < ctx.players; p++) g.set(p, 0, 0xffffff);
      },
    };
  },
});

const viewer = defineGame({
  id: 'app',
  title: 'An app',
  kind: 'app',
  create: () => ({ update() {}, draw: (g) => g.clear(0x0000ff) }),
});

function tableWith(idleSeconds = 0, scores = new InMemory<ScoreTable>({})) {
  const clock = new ManualClock();
  const log = new MemoryLogger();
  const table = new Table({ catalog: [timed, viewer], clock, log, idleSeconds, scores, seed: 3 });
  const engine = table.engine;
  engine.start();
  const tap = (button: Button, player = 0) => {
    engine.input.push({ player, button, down: true });
    engine.input.push({ player, button, down: false });
    clock.step(2);
  };
  return { table, engine, clock, tap, log };
}

test('the menu lists games before apps; right moves, A opens the app directly', () => {
  const { engine, clock, tap } = tableWith();
  clock.step(1);
  assert.is(engine.top.title, 'Menu');
  tap('right');
  clock.step(10); // let the slide animation finish
  tap('a');
  assert.is(engine.top.title, 'An app');
  clock.step(1);
  assert.is(engine.frame.get(5, 5), 0x0000ff);
  tap('back'); // apps quit on back, no pause screen
  assert.is(engine.top.title, 'Menu');
});

test('a game with choices opens the setup screen; players and settings reach the game', () => {
  const { engine, clock, tap } = tableWith();
  tap('a');
  assert.is(engine.top.title, 'Timed setup');
  tap('right'); // players 1 → 2
  tap('down'); // next line: level
  tap('right'); // easy → hard
  tap('start');
  assert.is(engine.top.title, 'Timed');
  assert.equal(engine.game?.setup.settings, { level: 'hard' });
  assert.is(engine.game?.setup.players, 2);
  clock.step(1);
  assert.is(engine.frame.get(1, 0), 0xffffff);
  assert.is(engine.frame.get(2, 0), 0);
});

test("the setup screen starts at the table's default player count when nothing was chosen before", () => {
  const players = 3;
  const controls: TableControls = {
    idleSeconds: () => 0,
    defaultPlayers: () => players,
  };
  const clock = new ManualClock();
  const table = new Table({ catalog: [timed], clock, controls, idleSeconds: 0 });
  const engine = table.engine;
  engine.start();
  table.choose(timed);
  engine.input.push({ player: 0, button: 'start', down: true });
  clock.step(1);
  assert.is(engine.game?.setup.players, 3);
});

test('lower-is-better scores keep the best per score key; start plays again, back returns to the menu', () => {
  const scores = new InMemory<ScoreTable>({});
  const { table, engine, clock, tap } = tableWith(0, scores);
  table.play(timed, { settings: { level: 'hard' } });
  clock.step(30);
  tap('a');
  assert.is(engine.top.title, 'Timed result');
  const first = scores.read().timed?.hard;
  assert.ok(first !== undefined && first > 30);
  table.play(timed, { settings: { level: 'hard' } });
  clock.step(5);
  tap('a');
  assert.ok(table.lastResult?.record?.isNew);
  assert.ok((scores.read().timed?.hard ?? 99) < first!);
  const seedBefore = table.lastLaunch?.options.seed;
  clock.step(61); // results ignore presses for a second
  tap('start');
  assert.is(engine.top.title, 'Timed', 'start plays the same game again');
  assert.equal(engine.game?.setup.settings, { level: 'hard' });
  assert.is.not(table.lastLaunch?.options.seed, seedBefore, 'with a fresh seed');
  tap('a');
  clock.step(61);
  tap('back');
  assert.is(engine.top.title, 'Menu');
});

test("the menu shows each game's best scores after its title", () => {
  const { table, engine, clock, tap } = tableWith();
  table.play(timed, { settings: { level: 'hard' } });
  clock.step(40);
  tap('a');
  table.menu();
  tap('right');
  clock.step(10);
  tap('left'); // back on Timed: its title line starts scrolling from the beginning
  clock.step(100);
  const expected = `TIMED  HARD ${table.scores.best('timed', 'hard')}`;
  // 100 ticks in, the scrolling line shows the score, not the title.
  const rows = (c: Canvas) => JSON.stringify(Array.from(c.pixels.subarray(9 * 20 * 3, 14 * 20 * 3)));
  const banners = [98, 99, 100, 101, 102, 103].map((tick) => {
    const c = new Canvas(20, 15);
    drawBanner(c, expected, 9, 0xffffff, tick);
    return rows(c);
  });
  assert.ok(banners.includes(rows(engine.frame)), `the title line reads "${expected}"`);
});

test('an idle menu falls into the screensaver; any button returns without launching', () => {
  const { engine, clock, tap } = tableWith(2);
  clock.step(2 * 60 + 1);
  assert.is(engine.top.title, 'Screensaver');
  tap('a');
  assert.is(engine.top.title, 'Menu');
  clock.step(5);
  assert.is(engine.top.title, 'Menu');
});

test('unknown settings and values are refused with the allowed ones named', () => {
  const { table } = tableWith();
  assert.throws(() => table.play(timed, { settings: { speed: 3 } }), /no setting "speed"; it has: level/);
  assert.throws(() => table.play(timed, { settings: { level: 'insane' } }), /allowed: easy, hard/);
});

test('a game whose create() throws shows the error and the engine keeps running', () => {
  const broken = defineGame({
    id: 'broken',
    title: 'Broken',
    create() {
      throw new Error('no assets');
    },
  });
  const { table, engine, clock, log } = tableWith();
  table.play(broken);
  clock.step(3);
  assert.is(engine.top.title, 'Message');
  assert.ok(log.lines.some((l) => l.includes('broken crashed: no assets')));
  clock.step(60 * 9);
  assert.is(engine.top.title, 'Menu');
});

test('rate must be 1..120', () => {
  assert.throws(() => new Table({ catalog: [], clock: new ManualClock(), rate: 0 }), /1 to 120/);
  assert.throws(() => new Table({ catalog: [], clock: new ManualClock(), rate: 121 }), /1 to 120/);
});

test.run();
