import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { BUTTONS, Random } from '../../src/index.ts';
import { Harness } from '../../src/testing/index.ts';
import pong from './index.ts';
import { BALL_COLOR, BALL_WAIT_COLOR, SIDE_COLORS } from './palette.ts';

/** Legend: 'L' player 1 (left) colour, 'R' player 2 / computer (right) colour, 'o' the ball. */
const LEGEND = { L: SIDE_COLORS[0], R: SIDE_COLORS[1], o: BALL_COLOR };
/** The score shows for 1.2 s (72 ticks at 60 Hz) before the first serve. */
const SCORE_TICKS = 72;

/** Steps until `done` (checked after every tick) or `max` ticks; returns the ticks taken. */
async function until(t: Harness, done: () => boolean, max = 5000): Promise<number> {
  for (let i = 1; i <= max; i++) {
    await t.step(1);
    if (done()) return i;
  }
  throw new Error(`condition not reached in ${max} ticks:\n${t.frame(LEGEND)}`);
}

/** Column of the ball (the one white pixel), or -1. */
function ballColumn(t: Harness): number {
  for (let y = 0; y < 15; y++) for (let x = 0; x < 20; x++) if (t.pixel(x, y) === BALL_COLOR) return x;
  return -1;
}

test('the match opens with the score 0 0 on each side, then the ball waits at the left paddle', async () => {
  const t = await Harness.start(pong, { seed: 1, players: 2 });
  await t.step(1);
  assert.is(
    t.frame(LEGEND),
    `
....................
....................
....................
....................
...LLL.......RRR....
L.L...L.....R...R..R
L.L..LL.....R..RR..R
L.L.L.L.....R.R.R..R
L.LL..L.....RR..R..R
..L...L.....R...R...
...LLL.......RRR....
....................
....................
....................
....................`.slice(1),
  );
  await t.step(SCORE_TICKS);
  assert.is(
    t.frame(LEGEND),
    `
....................
....................
....................
....................
....................
L..................R
Lo.................R
L..................R
L..................R
....................
....................
....................
....................
....................
....................`.slice(1),
  );
});

test('up and down move the paddles: player 1 left, player 2 right; the held ball follows', async () => {
  const t = await Harness.start(pong, { seed: 1, players: 2 });
  await t.step(SCORE_TICKS + 1);
  t.tap('up', 0).tap('down', 1);
  await t.step(2);
  const rows = t.frame(LEGEND).split('\n');
  assert.is(rows[4], 'L...................');
  assert.is(rows[5], 'Lo..................');
  assert.is(rows[9], '...................R');
  await t.hold('up', 30, 0);
  assert.is(t.frame(LEGEND).split('\n')[0], 'L...................');
});

test('A serves; the ball crosses the court', async () => {
  const t = await Harness.start(pong, { seed: 1, players: 2 });
  await t.step(SCORE_TICKS + 1);
  assert.is(ballColumn(t), 1);
  t.tap('a');
  await t.step(60);
  assert.ok(ballColumn(t) >= 8, t.frame(LEGEND)); // 8 px/s
});

test("the ball pulses while it waits for a player's serve, and stays lit once served", async () => {
  const t = await Harness.start(pong, { seed: 1, players: 2 });
  await t.step(SCORE_TICKS + 1);
  const seen = new Set<number>();
  for (let i = 0; i < 60; i++) {
    seen.add(t.pixel(1, 6));
    await t.step(1);
  }
  assert.equal([...seen].sort(), [BALL_COLOR, BALL_WAIT_COLOR].sort());
  t.tap('a');
  for (let i = 0; i < 40; i++) {
    await t.step(1);
    assert.ok(ballColumn(t) >= 0, t.frame(LEGEND));
  }
});

test("the computer's serve does not pulse: only a player is asked to press A", async () => {
  const t = await Harness.start(pong, { seed: 1, players: 1 });
  await t.step(SCORE_TICKS + 1);
  t.tap('a'); // the player's serve; whoever wins the point, the computer serves the next
  await until(t, () => flashing(t) >= 0);
  await until(t, () => ballColumn(t) >= 0);
  assert.is(ballColumn(t), 18);
  for (let i = 0; i < 36; i++) {
    await t.step(1);
    assert.ok(ballColumn(t) >= 0, t.frame(LEGEND));
  }
});

/** The side whose colour fills a whole goal line (the point flash), or -1. */
function flashing(t: Harness): number {
  for (const [x, side] of [
    [0, 1],
    [19, 0],
  ] as const) {
    let full = true;
    for (let y = 0; y < 15; y++) if (t.pixel(x, y) !== SIDE_COLORS[side]) full = false;
    if (full) return side;
  }
  return -1;
}

test('a miss scores for the other side, the score shows, and the serve alternates', async () => {
  const t = await Harness.start(pong, { seed: 1, players: 2 });
  await t.step(SCORE_TICKS + 1);
  await t.hold('up', 30, 1); // player 2 waits at the top
  t.tap('a');
  await until(t, () => flashing(t) >= 0);
  const scorer = flashing(t);
  // Then the score: a 5×7 "1" for the scorer (its top at row 4, column 4 or 14), "0" for the other.
  await until(t, () => t.pixel(4, 4) !== 0 || t.pixel(14, 4) !== 0);
  const rows = t.frame(LEGEND).split('\n');
  const one = scorer === 0 ? '..L..' : '..R..';
  const zero = scorer === 0 ? '.RRR.' : '.LLL.';
  assert.is(rows[4]!.slice(scorer === 0 ? 2 : 12, scorer === 0 ? 7 : 17), one, rows.join('\n'));
  assert.is(rows[4]!.slice(scorer === 0 ? 12 : 2, scorer === 0 ? 17 : 7), zero, rows.join('\n'));
  // The first serve was the left player's; now the right player serves.
  await until(t, () => ballColumn(t) >= 0);
  assert.is(ballColumn(t), 18);
});

test('first to the configured score wins; the result names the winner and the score', async () => {
  const t = await Harness.start(pong, { seed: 2, players: 2, settings: { points: 3 } });
  // Player 1 sits at the bottom, player 2 at the top; the serves go by themselves after 3 s.
  t.press('down', 0).press('up', 1);
  await until(t, () => t.result !== undefined, 60 * 120);
  const result = t.result!;
  assert.ok(result.winner === 0 || result.winner === 1);
  assert.match(result.message ?? '', new RegExp(`^P${result.winner! + 1} WINS 3-[012]$`));
});

/**
 * Plays a match as player 1 with a plain follower: every 4th tick it taps up or down towards
 * the ball's row (15 px/s, never anticipating). Returns the result message.
 */
async function follower(level: string, seed: number): Promise<string> {
  const t = await Harness.start(pong, { seed, players: 1, settings: { cpu: level, points: 5 } });
  for (let tick = 0; tick < 60 * 600 && t.result === undefined; tick++) {
    if (tick % 4 === 0) {
      let top = -1;
      let ball = -1;
      for (let y = 14; y >= 0; y--) {
        if (t.pixel(0, y) === SIDE_COLORS[0]) top = y;
        for (let x = 1; x < 19; x++) if (t.pixel(x, y) === BALL_COLOR) ball = y;
      }
      if (ball >= 0 && top >= 0 && ball < top + 1) t.tap('up');
      else if (ball >= 0 && top >= 0 && ball > top + 2) t.tap('down');
      else t.tap('a');
    }
    await t.step(1);
  }
  return t.result?.message ?? 'no result';
}

test('the same simple player beats the easy computer and loses to the hard one', async () => {
  const easy: string[] = [];
  const hard: string[] = [];
  for (let seed = 1; seed <= 3; seed++) {
    easy.push(await follower('EASY', seed));
    hard.push(await follower('HARD', seed));
  }
  const wins = (list: string[]) => list.filter((m) => m.startsWith('YOU WIN')).length;
  assert.ok(wins(easy) >= 2, `easy: ${easy.join(', ')}`);
  assert.ok(wins(hard) <= 1, `hard: ${hard.join(', ')}`);
  assert.ok(wins(easy) > wins(hard));
});

test('a vanished controller pauses the game (the engine does it) and it resumes', async () => {
  const t = await Harness.start(pong, { seed: 3, players: 2 });
  await t.step(SCORE_TICKS + 5);
  t.connect(1, false);
  await t.step(2);
  assert.is(t.playing, false);
  t.connect(1, true);
  await t.step(2);
  assert.is(t.playing, true);
});

test('random button mashing for both players never throws nor draws outside the canvas', async () => {
  for (let seed = 0; seed < 10; seed++) {
    const random = new Random(seed);
    const players = 1 + (seed % 2);
    const t = await Harness.start(pong, {
      seed,
      players,
      settings: { cpu: ['EASY', 'MED', 'HARD'][seed % 3]!, points: 3 },
    });
    for (let tick = 0; tick < 3000 && t.playing; tick++) {
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
