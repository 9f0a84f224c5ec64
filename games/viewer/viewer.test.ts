import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Harness } from '../../src/testing/index.ts';
import viewer from './index.ts';
import { animatedGif, bombPng, image, tempDir, truncatedPng } from './test-images.ts';

const tmp = tempDir();
test.after(() => tmp.remove());

const RED = 0xff0000;
const GREEN = 0x00ff00;
const BLUE = 0x0000ff;

/** A folder of flat pictures (exact multiples of the table: shown with their exact colours). */
async function flatFolder(name: string, colors: readonly number[]): Promise<string> {
  const dir = tmp.path(name);
  mkdirSync(dir, { recursive: true });
  for (const [i, c] of colors.entries())
    await image(40, 30, () => c)
      .png()
      .toFile(join(dir, `${i + 1}.png`));
  return dir;
}

const start = (params: Record<string, string | number | boolean>, seed = 1) =>
  Harness.start(viewer, { seed, params: { crossfade: 0, ...params } });

/** Steps until the centre pixel is `color` (at most `limit` ticks); returns the ticks taken. */
async function until(t: Harness, color: number, limit = 600): Promise<number> {
  for (let n = 0; n < limit; n++) {
    if (t.pixel(10, 7) === color) return n;
    await t.step(1);
  }
  throw new Error(`centre never became ${color.toString(16)}; frame:\n${t.frame()}`);
}

test('slideshow: first picture at once, the next after the interval, crossfading in linear light', async () => {
  const dir = await flatFolder('rgb', [RED, GREEN, BLUE]);
  const t = await start({ path: dir, interval: 1, crossfade: 0.5 });
  assert.ok((await until(t, RED)) <= 2, 'the first picture shows within two ticks');
  await t.step(50);
  assert.is(t.pixel(10, 7), RED);
  let fading = 0;
  while (t.pixel(10, 7) === RED && fading++ < 30) await t.step(1);
  await t.step(14); // half way through the 30-tick crossfade
  // Half the light of each: sRGB ≈ 188 in both channels (a plain sRGB mix would give 128).
  const mid = t.pixel(10, 7);
  const [r, g] = [mid >> 16, (mid >> 8) & 0xff];
  assert.ok(r > 0xa8 && r < 0xcc && g > 0xa8 && g < 0xcc && (mid & 0xff) === 0, mid.toString(16));
  await t.step(20);
  assert.is(t.pixel(10, 7), GREEN);
  assert.is(t.crash, undefined);
});

test('right and left step at once; the list wraps around', async () => {
  const dir = await flatFolder('steps', [RED, GREEN, BLUE]);
  const t = await start({ path: dir, interval: 100 });
  await until(t, RED);
  await t.step(5); // let the rest load
  t.tap('right');
  await t.step(1);
  assert.is(t.pixel(10, 7), GREEN);
  t.tap('left');
  await t.step(2);
  t.tap('left');
  await t.step(2);
  assert.is(t.pixel(10, 7), BLUE);
});

test('B pauses the slideshow and resumes it', async () => {
  const dir = await flatFolder('pause', [RED, GREEN]);
  const t = await start({ path: dir, interval: 0.5 });
  await until(t, RED);
  t.tap('b');
  await t.step(200);
  assert.is(t.pixel(10, 0), RED, 'still the first picture');
  t.tap('b');
  await t.step(10); // long past its interval: the next picture comes at once
  assert.is(t.pixel(10, 0), GREEN);
});

test('A cycles the fit mode: cover → attention → fill → contain', async () => {
  const file = tmp.path('wide.png');
  await image(400, 100, () => 0xffffff)
    .png()
    .toFile(file);
  const t = await start({ path: file, fit: 'cover' });
  await until(t, 0xffffff);
  const column = () =>
    Array.from({ length: 15 }, (_, y) => (t.pixel(0, y) === 0xffffff ? '#' : '.')).join('');
  assert.is(column(), '###############');
  t.tap('a');
  await t.step(2);
  t.tap('a');
  await t.step(2);
  t.tap('a');
  await t.step(100); // wait for the mode's name to go away
  assert.is(column(), '.....#####.....');
});

test('an animated GIF plays with its own delays and stops after its loop count', async () => {
  const file = tmp.path('anim.gif');
  await animatedGif(file, [RED, GREEN, BLUE], [100, 200, 50], 2);
  const t = await start({ path: file });
  await until(t, RED);
  const seen: string[] = [];
  let last = -1;
  for (let tick = 0; tick < 120; tick++) {
    const c = t.pixel(10, 7);
    if (c !== last) seen.push(`${tick}:${c.toString(16)}`);
    last = c;
    await t.step(1);
  }
  // At 60 Hz: 6 ticks red, 12 green, 3 blue; twice, then the last frame stays.
  assert.equal(seen, ['0:ff0000', '6:ff00', '18:ff', '21:ff0000', '27:ff00', '39:ff']);
});

test('bad files and folders: a message on the table and in the log, skipped, the show goes on', async () => {
  const dir = tmp.path('mixed');
  mkdirSync(dir);
  // Good pictures between the bad ones, so that each problem shows on its own.
  for (const i of [1, 3, 5, 7, 9])
    await image(40, 30, () => GREEN)
      .png()
      .toFile(join(dir, `${i}-good.png`));
  writeFileSync(join(dir, '2-empty.png'), '');
  writeFileSync(join(dir, '4-notes.jpg'), 'not a picture at all');
  await truncatedPng(join(dir, '6-cut.png'));
  bombPng(join(dir, '8-bomb.png'));
  const empty = tmp.path('nothing-here');
  mkdirSync(empty);
  const link = tmp.path('dangling');
  symlinkSync(tmp.path('gone'), link);
  const path = [dir, empty, join(dir, '1-good.png'), link].join(':');
  const t = await start({ path, interval: 0.5 });
  await until(t, GREEN);
  let problems = 0;
  let greenAgain = false;
  let wasProblem = false;
  for (let tick = 0; tick < 3000 && !greenAgain; tick++) {
    await t.step(1);
    const problem = t.pixel(9, 0) === 0xff5030;
    if (problem && !wasProblem) problems++;
    wasProblem = problem;
    if (problems >= 6 && !problem && t.pixel(10, 7) === GREEN) greenAgain = true;
  }
  assert.is(problems, 6, 'each problem shows once per round');
  assert.ok(greenAgain, 'the slideshow came back to the good picture');
  assert.is(t.crash, undefined);
  assert.ok(t.playing);
  const log = t.log.lines.join('\n');
  for (const expected of [
    /2-empty\.png is empty/,
    /4-notes\.jpg is not a picture/,
    /6-cut\.png is damaged or cut short/,
    /8-bomb\.png is 50000×50000 pixels/,
    /nothing-here has no pictures/,
    /dangling is a symbolic link to something that does not exist/,
    /checked all 10 pictures: 6 ready, 4 skipped/,
  ])
    assert.match(log, expected);
});

test('progress shows on the bottom row while a folder is checked, and in the log', async () => {
  const dir = await flatFolder(
    'many',
    Array.from({ length: 12 }, () => RED),
  );
  const t = await start({ path: dir, interval: 100 });
  await until(t, RED);
  assert.is(t.pixel(0, 14), 0x2050ff);
  await t.step(15);
  assert.is(t.pixel(0, 14), RED);
  assert.match(
    t.log.lines.join('\n'),
    /checked 2 of 12 pictures[\s\S]*checked all 12 pictures: 12 ready, 0 skipped/,
  );
});

test('shuffle: the order comes from the seed', async () => {
  const colors = [0x100000, 0x200000, 0x300000, 0x400000, 0x500000, 0x600000];
  const dir = await flatFolder('shuffle', colors);
  const order = async (seed: number) => {
    const t = await start({ path: dir, shuffle: true, interval: 100 }, seed);
    const seen: number[] = [];
    await t.step(10);
    for (let i = 0; i < colors.length; i++) {
      seen.push(t.pixel(10, 7));
      t.tap('right');
      await t.step(2);
    }
    return seen;
  };
  const a = await order(5);
  assert.equal(await order(5), a);
  assert.equal(
    [...a].sort((x, y) => x - y),
    colors,
  );
});

test('the sample pictures load without problems', async () => {
  const t = await Harness.start(viewer, { seed: 1 });
  await t.step(30);
  assert.is(t.crash, undefined);
  assert.match(t.log.lines.join('\n'), /checked all \d+ pictures: \d+ ready, 0 skipped/);
});

test.run();
