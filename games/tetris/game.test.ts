import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { BUTTONS } from '../../src/index.ts';
import { Harness } from '../../src/testing/index.ts';
import tetris from './index.ts';
import { PIECE_COLORS, SCORE_TEXT } from './palette.ts';
import { I } from './pieces.ts';
import { controls, LEGEND, newTetris, seedStartingWith, wellFrame } from './test-helpers.ts';
import { OVER } from './tetris.ts';

const SEED = seedStartingWith(I); // 1: I first, then O, J, L, Z…

test('layout: hold and level left, the well in the middle, next two pieces right', async () => {
  const t = await Harness.start(tetris, { seed: SEED });
  await t.step(1);
  assert.is(
    t.frame(LEGEND),
    [
      '....|...IIII...|.OO.',
      '....|..........|.OO.',
      '....|..........|....',
      '....|..........|.6..',
      '....|..........|.666',
      '....|..........|....',
      '....|..........|....',
      '....|..........|....',
      '....|..........|....',
      '....|..........|....',
      '.w..|..........|....',
      'ww..|..........|....',
      '.w..|..........|....',
      '.w..|..........|....',
      'www.|...iiii...|....',
    ].join('\n'),
  );
});

test('start holds the piece (dimmed until the next lock); up hard-drops it', async () => {
  const t = await Harness.start(tetris, { seed: SEED });
  t.tap('start');
  await t.step(2);
  assert.is(t.frame(LEGEND).split('\n')[0], '1111|....OO....|.J..'); // I held (dim), O falls
  t.tap('up');
  await t.step(2);
  const rows = t.frame(LEGEND).split('\n');
  assert.is(rows[0], 'IIII|...JJJ....|...L'); // hold is bright again, J spawned
  assert.equal(rows.slice(13), ['.w..|....OO....|....', 'www.|....OO....|....']);
});

test('A turns clockwise, B counter-clockwise; the ghost follows', async () => {
  const t = await Harness.start(tetris, { seed: SEED });
  t.tap('a');
  await t.step(2);
  assert.is(
    wellFrame(t),
    ['|.....I....|', '|.....I....|', '|.....I....|', '|..........|'].join('\n') +
      '\n' +
      Array(7).fill('|..........|').join('\n') +
      '\n' +
      ['|.....i....|', '|.....i....|', '|.....i....|', '|.....i....|'].join('\n'),
  );
  t.tap('b');
  await t.step(2);
  assert.is(wellFrame(t).split('\n')[0], '|...IIII...|');
});

/** Leftmost column of the falling piece in the top rows, in well columns 0..9. */
function pieceLeft(t: Harness): number {
  for (let x = 5; x < 15; x++)
    for (let y = 0; y < 3; y++) if (t.pixel(x, y) === PIECE_COLORS[I]) return x - 5;
  return -1;
}

test('holding left slides steadily: one step, a 10-tick delay, then one column every 2 ticks', async () => {
  const t = await Harness.start(tetris, { seed: SEED });
  await t.step(1);
  assert.is(pieceLeft(t), 3);
  t.press('left');
  const path: number[] = [];
  for (let i = 0; i < 16; i++) {
    await t.step(1);
    path.push(pieceLeft(t));
  }
  // Press tick moves once; repeats come at held ticks 11, 13, 15: columns 2, 1, 0, then the wall.
  assert.equal(path, [2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1, 1, 0, 0, 0, 0]);
});

test('holding both: the later press wins', async () => {
  const t = await Harness.start(tetris, { seed: SEED });
  t.press('left');
  await t.step(3);
  t.press('right');
  await t.step(1);
  assert.is(pieceLeft(t), 3); // left once, then right once
});

test('down soft-drops while held', async () => {
  const t = await Harness.start(tetris, { seed: SEED });
  t.press('down');
  await t.step(9); // a third of a row per tick at level 1
  const rows = wellFrame(t).split('\n');
  assert.is(rows[3], '|...IIII...|');
});

test('top out ends the game with the score (same as the rules engine gives)', async () => {
  const t = await Harness.start(tetris, { seed: SEED });
  let ticks = 0;
  while (t.playing && ticks < 2000) {
    t.tap('up');
    await t.step(2);
    ticks += 2;
  }
  assert.is(t.playing, false);
  // The same seed and the same input straight through the rules: hard drop, idle, repeat.
  const game = newTetris(1, SEED);
  while (game.phase !== OVER) {
    game.step(controls({ hardDrop: true }));
    game.step(controls());
  }
  assert.ok(game.score > 0);
  assert.equal(t.result, { score: game.score, message: 'TOP OUT' });
});

test('the start level setting sets the level shown and the speed', async () => {
  const t = await Harness.start(tetris, { seed: SEED, settings: { level: 15 } });
  await t.step(2);
  const rows = t.frame(LEGEND).split('\n');
  assert.equal(
    rows.slice(4, 9).map((r) => r.slice(0, 4)),
    ['.w..', 'ww..', '.w..', '.w..', 'www.'],
  ); // "1" of 15
  // Level 15 falls ~2.4 rows a tick: after two ticks the I is well down the well.
  assert.ok(
    wellFrame(t)
      .split('\n')
      .findIndex((r) => r.includes('IIII')) >= 4,
  );
});

test('any button mash, pauses and unplugged pads never throw or draw out of range', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.integer({ min: 0, max: 1000 }),
      fc.array(fc.tuple(fc.constantFrom(...BUTTONS), fc.boolean(), fc.integer({ min: 0, max: 6 })), {
        minLength: 50,
        maxLength: 400,
      }),
      async (seed, script) => {
        const t = await Harness.start(tetris, { seed });
        for (const [button, down, wait] of script) {
          if (button === 'back' && down && wait === 6) t.connect(0, false);
          else t.connect(0, true);
          if (down) t.press(button);
          else t.release(button);
          await t.step(wait);
        }
        assert.is(t.crash, undefined);
        assert.is(t.canvas.invalidWrites, 0);
      },
    ),
    { numRuns: 40 },
  );
});

test('every button at once, every tick, until the game ends', async () => {
  const t = await Harness.start(tetris, { seed: 3 });
  for (let i = 0; i < 3000 && t.playing; i++) {
    for (const b of BUTTONS) if (b !== 'back') t.press(b);
    await t.step(1);
    for (const b of BUTTONS) t.release(b);
    await t.step(1);
  }
  assert.is(t.crash, undefined);
  assert.is(t.canvas.invalidWrites, 0);
  assert.is(t.result?.message, 'TOP OUT');
});

/** Pixels of the score ticker (left panel, rows 4–8) in the current frame. */
function tickerPixels(t: Harness): number {
  let lit = 0;
  for (let y = 4; y <= 8; y++) for (let x = 0; x < 4; x++) if (t.pixel(x, y) === SCORE_TEXT) lit++;
  return lit;
}

test('after a clear the score scrolls once through the left panel, then the panel is clear again', async () => {
  const t = await Harness.start(tetris, { seed: SEED }); // I, O, J, L…
  await t.step(1);
  t.tap('up'); // I flat in columns 3–6
  await t.step(2);
  t.tap('start'); // hold the O; the J comes
  await t.step(2);
  for (let i = 0; i < 3; i++) {
    t.tap('left');
    await t.step(2);
  }
  t.tap('up'); // J in columns 0–2
  await t.step(2);
  assert.is(tickerPixels(t), 0, 'nothing before a clear');
  for (let i = 0; i < 4; i++) {
    t.tap('right');
    await t.step(2);
  }
  t.tap('up'); // L in columns 7–9: the bottom row is full
  let shown = 0;
  const seen = new Set<string>();
  for (let tick = 0; tick < 90; tick++) {
    await t.step(1);
    if (tickerPixels(t) > 0) shown++;
    seen.add(
      t
        .frame({ s: SCORE_TEXT })
        .split('\n')
        .slice(4, 9)
        .map((row) => row.slice(0, 4))
        .join('/'),
    );
  }
  assert.ok(shown >= 40, `the score showed for ${shown} ticks`);
  assert.ok(seen.size > 10, 'it moves');
  assert.is(tickerPixels(t), 0, 'gone once it has scrolled through');
});

test.run();
