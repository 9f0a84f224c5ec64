import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Harness } from '../../src/testing/index.ts';
import life, { CURSOR, CURSOR_DIM } from './index.ts';
import { AGE_COLORS } from './palette.ts';

const NEW = AGE_COLORS[1] ?? 0;
const AGE2 = AGE_COLORS[2] ?? 0;
const LEGEND = { n: NEW, o: AGE2, '@': CURSOR, '+': CURSOR_DIM };

function lines(t: Harness, prefix: string): number {
  return t.log.lines.filter((line) => line.includes(prefix)).length;
}

test('edit mode: start shows a blinking cursor, B clears, A toggles; the edit runs on start', async () => {
  const t = await Harness.start(life, { width: 8, height: 5, settings: { speed: 60 } });
  t.tap('start');
  await t.step(2);
  t.tap('b'); // clear the random soup
  await t.step(2);
  assert.is(t.frame(LEGEND), ['........', '........', '....@...', '........', '........'].join('\n'));
  await t.step(15); // the cursor blinks: dim over a dead cell
  assert.is(t.pixel(4, 2), CURSOR_DIM);
  // Draw a horizontal blinker: toggle (3,2), (4,2), (5,2).
  t.tap('left');
  await t.step(2);
  t.tap('a');
  await t.step(2);
  for (let i = 0; i < 2; i++) {
    t.tap('right');
    await t.step(2);
    t.tap('a');
    await t.step(2);
  }
  t.tap('a'); // toggles (5,2) off again…
  await t.step(2);
  t.tap('a'); // …and on
  await t.step(1);
  assert.is(t.frame(LEGEND), ['........', '........', '...nn@..', '........', '........'].join('\n'));
  t.tap('start'); // leave edit mode; then, at 60 gen/s, one generation per tick
  await t.step(2);
  assert.is(t.frame(LEGEND), ['........', '....n...', '....o...', '....n...', '........'].join('\n'));
});

test('the cursor wraps around the edges', async () => {
  const t = await Harness.start(life, { width: 8, height: 5 });
  t.tap('start');
  await t.step(2);
  t.tap('b');
  await t.step(2);
  for (let i = 0; i < 3; i++) {
    t.tap('down');
    await t.step(2);
  }
  for (let i = 0; i < 5; i++) {
    t.tap('right');
    await t.step(2);
  }
  t.tap('a');
  await t.step(20); // off phase of the blink: the live cell shows its colour
  assert.is(t.pixel(1, 0), NEW);
});

test('B pauses (the board dims and stands still), B again resumes', async () => {
  const t = await Harness.start(life, { seed: 4, settings: { speed: 60 } });
  await t.step(5);
  t.tap('b');
  await t.step(2);
  const paused = t.frame();
  const lit = t.canvas.pixels.reduce((sum, v) => sum + v, 0);
  await t.step(30);
  assert.is(t.frame(), paused);
  t.tap('b');
  await t.step(2);
  assert.is.not(t.frame(), paused);
  assert.ok(t.canvas.pixels.reduce((sum, v) => sum + v, 0) > lit, 'brighter again');
});

test('A reseeds at once', async () => {
  const t = await Harness.start(life, { seed: 5 });
  await t.step(3);
  const before = t.frame();
  const seeded = lines(t, 'seeded');
  t.tap('a');
  await t.step(1);
  assert.is(lines(t, 'seeded'), seeded + 1);
  assert.is.not(t.frame(), before);
});

test('a cycle is found (galaxy, period 8), runs on for 3 s while fading, then the world reseeds', async () => {
  const t = await Harness.start(life, { seed: 2, settings: { start: 'galaxy', speed: 60 } });
  await t.step(9);
  assert.is(lines(t, 'settled with period 8'), 1);
  const bright = t.canvas.pixels.reduce((sum, v) => sum + v, 0);
  assert.is(lines(t, 'seeded'), 1);
  await t.step(60 * 3 - 10);
  assert.is(lines(t, 'seeded'), 1, 'not before the pause ends');
  assert.ok(t.canvas.pixels.reduce((sum, v) => sum + v, 0) < bright * 0.6, 'faded');
  await t.step(12);
  assert.is(lines(t, 'seeded'), 2);
  await t.step(20);
  assert.is(lines(t, 'settled with period 8'), 2, 'the new galaxy is watched again');
});

test('a dying soup settles (period 1) and is replaced', async () => {
  const t = await Harness.start(life, {
    seed: 3,
    width: 6,
    height: 6,
    settings: { start: 'diehard', speed: 60 },
  });
  await t.step(60 * 10);
  assert.ok(lines(t, 'settled with period') >= 1);
  assert.ok(lines(t, 'seeded') >= 2);
});

test('up and down change the speed and show it', async () => {
  const t = await Harness.start(life, { seed: 1, settings: { speed: 10 } });
  t.tap('up');
  await t.step(1);
  assert.is(
    t.frame().split('\n').slice(5, 10).join('\n'),
    [
      '.......#..###.......', // 15 gen/s, the next speed after 10
      '......##..#.........',
      '.......#..###.......',
      '.......#....#.......',
      '......###.###.......',
    ].join('\n'),
  );
});

test('kind app with no score; a bad rule parameter fails with the B/S hint', async () => {
  assert.is(life.kind, 'app');
  const t = await Harness.start(life, { params: { rule: 'conway' } });
  await t.step(1);
  assert.ok(t.crash?.includes('B3/S23'));
});

test('other rules run from the menu setting (HighLife, Day & Night, Seeds)', async () => {
  for (const rule of ['B36/S23', 'B3678/S34678', 'B2/S']) {
    const t = await Harness.start(life, { seed: 9, settings: { rule, speed: 60 } });
    await t.step(120);
    assert.ok(t.playing, rule);
    assert.is(t.canvas.invalidWrites, 0);
  }
});

test.run();
