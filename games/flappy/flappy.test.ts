import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { blue, green, red } from '../../src/index.ts';
import { Harness } from '../../src/testing/index.ts';
import flappy, { BIRD, CRASH_FLASH, DIM_TEXT, GROUND_A, GROUND_B, PIPE, PIPE_LIP } from './index.ts';
import { TUNING } from './world.ts';

const LEGEND = { y: BIRD, a: GROUND_A, b: GROUND_B, w: 0xffffff };

/** Row of the bird (its brightest yellow pixel in its column), or -1. */
function birdRow(t: Harness): number {
  let best = -1;
  let bestRed = 0x40;
  for (let y = 0; y < 14; y++) {
    const c = t.pixel(TUNING.birdX, y);
    if (red(c) > bestRed && blue(c) === 0) {
      best = y;
      bestRed = red(c);
    }
  }
  return best;
}

/** Bottom (exclusive) of the gap in the nearest pipe ahead of the bird, read from the frame. */
function gapBottomAhead(t: Harness): number {
  for (let x = TUNING.birdX; x < 20; x++) {
    let lit = false;
    for (let y = 0; y < 14; y++) if (green(t.pixel(x, y)) > 0x40 && red(t.pixel(x, y)) < 0x80) lit = true;
    if (!lit) continue;
    for (let y = 13; y >= 0; y--) {
      const c = t.pixel(x, y);
      if (!(green(c) > 0x40 && red(c) < 0x80)) return y + 1;
    }
  }
  return 10;
}

test('get ready: the bird hovers and nothing scrolls in until the first flap', async () => {
  const t = await Harness.start(flappy, { seed: 1 });
  await t.step(1);
  assert.is(
    t.frame(LEGEND),
    [
      '....................',
      'ww..www..w..ww..w.w.',
      'w.w.w...w.w.w.w.w.w.',
      'ww..ww..www.w.w..w..',
      'w.w.w...w.w.w.w..w..',
      'w.w.www.w.w.ww...w..',
      '.....y..............',
      '....................',
      '....................',
      '....................',
      '....................',
      '....................',
      '....................',
      '....................',
      'aabbaabbaabbaabbaabb',
    ].join('\n'),
  );
  await t.step(600);
  assert.ok(t.playing);
  for (let x = 0; x < 20; x++)
    for (let y = 0; y < 14; y++) assert.is(green(t.pixel(x, y)) > red(t.pixel(x, y)), false);
});

test('without flapping the bird falls, hits the ground, blinks and ends with score 0', async () => {
  const t = await Harness.start(flappy, { seed: 1 });
  t.tap('a');
  let ticks = 0;
  while (t.pixel(0, 0) !== CRASH_FLASH && ticks < 300) {
    await t.step(1);
    ticks++;
  }
  assert.ok(ticks > 30 && ticks < 90, `crashed after ${ticks} ticks`);
  assert.ok(birdRow(t) >= 12, 'at the ground');
  await t.step(60);
  assert.ok(t.playing, 'still in the crash animation');
  await t.step(20);
  assert.equal(t.result, { score: 0, message: 'CRASH' });
  assert.is(t.playing, false);
});

test('up flaps too: the bird rises after the tap', async () => {
  const t = await Harness.start(flappy, { seed: 2 });
  t.tap('a');
  await t.step(40);
  const before = birdRow(t);
  t.tap('up');
  await t.step(10);
  assert.ok(birdRow(t) < before, `row ${birdRow(t)} after ${before}`);
});

test('B flaps as well (on many pads it is the bottom face button): it starts the run and lifts', async () => {
  const t = await Harness.start(flappy, { seed: 2 });
  t.tap('b');
  await t.step(40);
  assert.ok(t.pixel(19, 0) !== 0 || t.pixel(18, 0) !== 0, 'the run started: a pipe came in');
  const before = birdRow(t);
  t.tap('b');
  await t.step(10);
  assert.ok(birdRow(t) < before, `row ${birdRow(t)} after ${before}`);
});

test('the score shows behind the pipes: a pipe under the digits still reads whole', async () => {
  const t = await Harness.start(flappy, { seed: 7 });
  t.tap('a');
  let crossings = 0;
  for (let ticks = 0; ticks < 60 * 12; ticks++) {
    const row = birdRow(t);
    if (row >= 0 && row + 1 >= gapBottomAhead(t) - 1 && ticks % 4 === 0) t.tap('a');
    await t.step(1);
    let text = false;
    for (let x = 0; x < 20; x++) for (let y = 1; y < 6; y++) if (t.pixel(x, y) === DIM_TEXT) text = true;
    if (!text) continue;
    for (let x = 0; x < 20; x++) {
      // A fully covered pipe column: from row 0 down to its lip, every row is pipe body.
      if (x === TUNING.birdX || t.pixel(x, 0) !== PIPE) continue;
      let lip = 1;
      while (lip < 14 && t.pixel(x, lip) !== PIPE_LIP) lip++;
      for (let y = 1; y < lip; y++) {
        assert.is(t.pixel(x, y), PIPE, `pipe column ${x} row ${y}\n${t.frame(LEGEND)}`);
      }
      if (lip > 1) crossings++;
    }
  }
  assert.ok(crossings > 5, `a pipe passed under the score ${crossings} times`);
});

test('a player flying from the frame scores per pipe and the score is the result', async () => {
  const t = await Harness.start(flappy, { seed: 7 });
  t.tap('a');
  let flaps = 0;
  let ticks = 0;
  // Fly for about 8 pipes (1.5 s each) by watching the pixels only, then let go.
  for (; ticks < 60 * 12; ticks++) {
    const row = birdRow(t);
    if (row >= 0 && row + 1 >= gapBottomAhead(t) - 1 && ticks % 4 === 0) {
      t.tap('a');
      flaps++;
    }
    await t.step(1);
    assert.ok(t.playing, `crashed after ${ticks} ticks`);
  }
  assert.ok(flaps > 10);
  await t.step(400);
  const score = t.result?.score ?? -1;
  // The first pipe enters at x = 20 and reaches the bird after (20 + 2 - 5) / 6 s; then one per 1.5 s.
  const expected =
    Math.floor((ticks / 60 - (20 + TUNING.pipeWidth - TUNING.birdX) / TUNING.pipeSpeed) / 1.5) + 1;
  assert.ok(Math.abs(score - expected) <= 1, `score ${score}, expected about ${expected}`);
  assert.is(t.table.scores.best('flappy'), score);
});

test('sounds: the first flap starts the run with a flap, a crash into the ground crashes', async () => {
  const t = await Harness.start(flappy, { seed: 1 });
  await t.step(5);
  assert.equal(t.sounds, []);
  t.tap('a');
  await t.step(1);
  assert.equal(t.sounds, ['flap']);
  await t.step(600);
  assert.is(t.sounds[t.sounds.length - 1], 'crash');
});

test.run();
