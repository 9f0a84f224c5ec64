import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { BUTTONS, Random } from '../../src/index.ts';
import { Harness } from '../../src/testing/index.ts';
import snake from './index.ts';
import { BODY_COLORS, FOOD_COLOR, HEAD_COLORS } from './palette.ts';

/** Legend: food 'o'; player 1 'R' head, 'r' body; player 2 'B', 'b'; 3 'G', 'g'; 4 'Y', 'y'. */
const LEGEND = {
  o: FOOD_COLOR,
  R: HEAD_COLORS[0]!,
  r: BODY_COLORS[0]!,
  B: HEAD_COLORS[1]!,
  b: BODY_COLORS[1]!,
  G: HEAD_COLORS[2]!,
  g: BODY_COLORS[2]!,
  Y: HEAD_COLORS[3]!,
  y: BODY_COLORS[3]!,
};
/** Ticks before the first step (1 s at 60 Hz) and between steps at the start length (0.2 s). */
const READY = 60;
const STEP = 12;

test('one player: the snake waits a second, then crawls right one cell per 0.2 s', async () => {
  const t = await Harness.start(snake, { seed: 1, players: 1 });
  await t.step(READY + STEP - 1);
  const start = t.frame(LEGEND);
  assert.ok(start.split('\n')[7]!.startsWith('..rrR...'), start);
  await t.step(1);
  assert.ok(t.frame(LEGEND).split('\n')[7]!.startsWith('...rrR..'), t.frame(LEGEND));
});

test('two quick presses between steps are both honoured', async () => {
  const t = await Harness.start(snake, { seed: 1, players: 1 });
  await t.step(READY + STEP); // first step: head at (5,7)
  t.tap('up');
  await t.step(2);
  t.tap('left');
  await t.step(STEP * 2 - 2);
  const rows = t.frame(LEGEND).split('\n');
  assert.is(rows[6]!.slice(0, 6), '....Rr', rows.join('\n'));
  assert.is(rows[7]!.slice(0, 6), '.....r', rows.join('\n'));
});

test('pressing the opposite direction does not reverse the snake', async () => {
  const t = await Harness.start(snake, { seed: 1, players: 1 });
  await t.step(READY);
  t.tap('left');
  await t.step(STEP * 2);
  assert.ok(t.frame(LEGEND).split('\n')[7]!.startsWith('....rrR.'), t.frame(LEGEND));
  assert.ok(t.playing);
});

test('alone: hitting the wall ends the game with the length as score and a high score', async () => {
  const t = await Harness.start(snake, { seed: 5, players: 1 });
  t.tap('up');
  await t.step(READY + STEP * 20 + 120);
  const result = t.result;
  assert.ok(result, 'the game ended');
  assert.ok((result.score ?? 0) >= 3);
  assert.is(t.table.scores.best('snake'), result.score);
});

test('wrap-around: the snake leaves the right edge and comes back on the left', async () => {
  const t = await Harness.start(snake, { seed: 2, players: 1, settings: { edge: 'WRAP' } });
  await t.step(READY + STEP * 16);
  assert.ok(t.playing, 'alive after crossing the edge');
  const row = t.frame(LEGEND).split('\n')[7]!;
  assert.match(row, /^r?R/, row); // head at x = 0 after 16 steps from x = 4
});

test('two players meeting head-on both die: a draw', async () => {
  const t = await Harness.start(snake, { seed: 4, players: 2 });
  // P1 heads right along row 2 from (3,2); P2 goes up column 16 from (16,12), then left.
  t.tap('up', 1);
  await t.step(READY + STEP * 10);
  const rows = t.frame(LEGEND).split('\n');
  assert.is(rows[2]!.slice(10, 17), '.rrR..B', rows.join('\n'));
  t.tap('left', 1);
  await t.step(STEP * 2);
  await t.step(150);
  assert.equal(t.result, { winner: -1 });
});

test('player 2 running into player 1’s body: player 1 wins with its length', async () => {
  const t = await Harness.start(snake, { seed: 4, players: 2 });
  // P1 steps right to (4,2), then goes down column 4 and reaches row 12 on step 11; P2 runs
  // left along row 12 from (16,12): after step 11 it faces P1's head and runs into its neck.
  await t.step(READY + STEP);
  t.tap('down');
  await t.step(STEP * 10);
  const rows = t.frame(LEGEND).split('\n');
  assert.is(rows[12]!.slice(0, 8), '....RBbb', rows.join('\n'));
  await t.step(STEP + 150);
  assert.is(t.result?.winner, 0, t.frame(LEGEND));
  assert.ok((t.result?.score ?? 0) >= 3);
});

test('computer snakes fill the empty slots in their own colours', async () => {
  const t = await Harness.start(snake, { seed: 3, players: 2, settings: { cpu: 3 } });
  await t.step(READY + STEP * 3);
  const frame = t.frame(LEGEND);
  for (const ch of ['R', 'B', 'G', 'Y']) assert.ok(frame.includes(ch), `${ch} in\n${frame}`);
});

test('one player against computers: the game ends when the player dies', async () => {
  const t = await Harness.start(snake, { seed: 3, players: 1, settings: { cpu: 1 } });
  await t.step(READY + STEP * 20 + 200);
  assert.ok(t.result, 'ended');
  assert.is(t.result?.winner, 1);
  assert.is(t.result?.message, 'CPU WINS');
});

test('one player outliving the computer snakes: "YOU WIN" with the length as score', async () => {
  const t = await Harness.start(snake, { seed: 2, players: 1, settings: { cpu: 1 } });
  // Player 1 starts at (1..3, 2) heading right and circles a 2×2 square for ever; the computer
  // snake, alone with the food, eventually traps itself.
  const loop: Record<string, 'up' | 'down' | 'left' | 'right'> = {
    '3,2': 'up',
    '3,1': 'left',
    '2,1': 'down',
    '2,2': 'right',
  };
  for (let tick = 0; tick < 60 * 120 && t.result === undefined; tick++) {
    for (let y = 0; y < 3; y++) {
      for (let x = 1; x < 4; x++) {
        const turn = loop[`${x},${y}`];
        if (turn && t.pixel(x, y) === HEAD_COLORS[0]) t.tap(turn);
      }
    }
    await t.step(1);
  }
  assert.equal(t.result, { winner: 0, score: 3, scoreKey: 'versus', message: 'YOU WIN' });
});

test('a vanished controller pauses the game (the engine does it) and it resumes', async () => {
  const t = await Harness.start(snake, { seed: 3, players: 2 });
  await t.step(READY);
  t.connect(1, false);
  await t.step(2);
  assert.is(t.playing, false);
  t.connect(1, true);
  await t.step(2);
  assert.is(t.playing, true);
});

test('random button mashing for every player never throws nor draws outside the canvas', async () => {
  for (let seed = 0; seed < 12; seed++) {
    const random = new Random(seed);
    const players = 1 + (seed % 4);
    const t = await Harness.start(snake, {
      seed,
      players,
      settings: { cpu: seed % 3, edge: seed % 2 === 0 ? 'WALL' : 'WRAP' },
    });
    for (let tick = 0; tick < 1200 && t.playing; tick++) {
      const button = BUTTONS[random.int(6)]!; // not start/back: those pause, tested elsewhere
      if (random.chance(0.3)) t.press(button, random.int(players));
      if (random.chance(0.3)) t.release(button, random.int(players));
      await t.step(1);
    }
    assert.is(t.crash, undefined);
    assert.is(t.engine.invalidWrites, 0);
  }
});

test.run();
