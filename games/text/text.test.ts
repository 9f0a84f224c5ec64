import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Canvas, FONT_5X7, Graphics } from '../../src/index.ts';
import { Harness } from '../../src/testing/index.ts';
import text from './index.ts';

const measure = new Graphics(new Canvas(1, 1));
const textWidth = (s: string, font = FONT_5X7) => measure.textWidth(s, font);

test('a message that fits stands still, centred, in the 5 × 7 font', async () => {
  const t = await Harness.start(text, { params: { message: 'HI!' } });
  await t.step(30);
  assert.is(
    t.frame(),
    [
      '....................',
      '....................',
      '....................',
      '....................',
      '....#...#.###.#.....',
      '....#...#..#..#.....',
      '....#...#..#..#.....',
      '....#####..#..#.....',
      '....#...#..#..#.....',
      '....#...#..#........',
      '....#...#.###.#.....',
      '....................',
      '....................',
      '....................',
      '....................',
    ].join('\n'),
  );
});

test('15 pixels per second: at 60 Hz the text moves exactly one pixel every 4 ticks', async () => {
  const t = await Harness.start(text, { params: { message: 'SCROLLING ALONG' }, settings: { speed: 15 } });
  await t.step(40);
  const before = t.frame();
  await t.step(4);
  const after = t.frame();
  assert.is.not(after, before);
  // every column that was whole 4 ticks ago is now one column further left
  const b = before.split('\n');
  const a = after.split('\n');
  for (let y = 0; y < 15; y++) assert.is(a[y]!.slice(0, 19), b[y]!.slice(1, 20), `row ${y}`);
});

test('the message comes round again after (width + gap) / speed seconds', async () => {
  const message = 'ABC DEF GHI';
  const t = await Harness.start(text, { params: { message }, settings: { speed: 15 } });
  await t.step(1);
  const first = t.frame();
  const ticks = ((textWidth(message, FONT_5X7) + 10) / 15) * 60;
  assert.ok(Number.isInteger(ticks), `a whole number of ticks: ${ticks}`);
  await t.step(ticks);
  assert.is(t.frame(), first);
});

test('B pauses, up speeds up, A switches to the small font', async () => {
  const t = await Harness.start(text, { params: { message: 'PAUSE AND PLAY' } });
  await t.step(10);
  t.tap('b');
  await t.step(2);
  const paused = t.frame();
  await t.step(30);
  assert.is(t.frame(), paused);
  t.tap('a');
  await t.step(2);
  const rows = t.frame().split('\n');
  assert.is(rows[3], '....................', 'small letters start at row 5');
  assert.ok(rows[5]!.includes('#'));
});

test('the colour setting chooses the colour it starts in; left/right change it', async () => {
  const t = await Harness.start(text, { params: { message: 'HI' }, settings: { color: 'red' } });
  await t.step(1);
  const lit = (frame: string) => new Set(frame.replace(/[.\n]/g, ''));
  assert.equal(lit(t.frame({ r: 0xff3020 })), new Set(['r']));
  t.tap('right');
  await t.step(1);
  assert.equal(lit(t.frame({ g: 0x40ff60 })), new Set(['g']), 'red → green');
});

test('the default message explains where the text comes from', async () => {
  const t = await Harness.start(text);
  await t.step(1);
  assert.ok(t.frame().includes('#'));
});

test.run();
