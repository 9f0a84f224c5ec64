import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Canvas } from '../../src/gfx/canvas.ts';
import { RED, WHITE } from '../../src/gfx/color.ts';
import { circle, fillCircle, fillRect, line, rect } from '../../src/gfx/shapes.ts';
import { ascii } from './ascii.ts';

test('line: Bresenham with both ends included', () => {
  const c = new Canvas(8, 4);
  line(c, 0, 0, 7, 3, WHITE);
  assert.equal(ascii(c), [
    '##......', //
    '..##....',
    '....##..',
    '......##',
  ]);
});

test('line: steep, reversed, horizontal, vertical and single point', () => {
  const c = new Canvas(5, 5);
  line(c, 1, 4, 0, 0, WHITE); // steep, drawn bottom to top
  line(c, 4, 0, 2, 0, WHITE);
  line(c, 4, 2, 4, 4, WHITE);
  line(c, 2, 2, 2, 2, WHITE);
  assert.equal(ascii(c), [
    '#.###', //
    '#....',
    '#.#.#',
    '.#..#',
    '.#..#',
  ]);
});

test('line: same pixels from either end when there is no rounding tie', () => {
  for (const [x0, y0, x1, y1] of [
    [0, 0, 9, 2],
    [1, 6, 8, 0],
    [3, 0, 5, 6],
  ] as const) {
    const a = new Canvas(10, 7);
    const b = new Canvas(10, 7);
    line(a, x0, y0, x1, y1, WHITE);
    line(b, x1, y1, x0, y0, WHITE);
    assert.equal(ascii(a), ascii(b));
  }
});

test('line: far off-canvas ends clip to the same pixels as the on-canvas part, quickly', () => {
  const a = new Canvas(20, 15);
  line(a, -1e9, 5, 1e9, 5, WHITE);
  const b = new Canvas(20, 15);
  line(b, 0, 5, 19, 5, WHITE);
  assert.equal(ascii(a), ascii(b));
  const diag = new Canvas(20, 15);
  line(diag, -1e6, -1e6, 1e6, 1e6, WHITE);
  for (let i = 0; i < 15; i++) assert.is(diag.get(i, i), WHITE);
  assert.is(diag.invalidWrites, 0);
});

test('rect outline vs fillRect', () => {
  const c = new Canvas(7, 5);
  rect(c, 0, 0, 4, 3, WHITE);
  fillRect(c, 5, 1, 2, 4, RED);
  assert.equal(ascii(c, { W: WHITE, R: RED }), [
    'WWWW...', //
    'W..W.RR',
    'WWWW.RR',
    '.....RR',
    '.....RR',
  ]);
});

test('rect: 1-pixel sizes and empty sizes', () => {
  const c = new Canvas(6, 3);
  rect(c, 0, 0, 1, 3, WHITE);
  rect(c, 2, 1, 3, 1, WHITE);
  rect(c, 5, 0, 0, 3, WHITE);
  rect(c, 5, 0, 1, -2, WHITE);
  fillRect(c, 5, 0, -1, 3, WHITE);
  assert.equal(ascii(c), ['#.....', '#.###.', '#.....']);
});

test('clipping: shapes partly off the canvas draw their visible part, no throw, no invalid writes', () => {
  const c = new Canvas(6, 4);
  rect(c, -2, -1, 5, 4, WHITE);
  fillRect(c, 4, 2, 100, 100, RED);
  circle(c, 6, 0, 2, WHITE);
  assert.equal(ascii(c, { W: WHITE, R: RED }), [
    '..W.W.', //
    '..W.W.',
    'WWW.RW', // the circle's (5, 2) is drawn after the fill
    '....RR',
  ]);
  fillRect(c, -1e9, -1e9, 2e9, 2e9, RED); // clamped loops: covers the canvas without looping 4e18 times
  assert.ok(ascii(c, { R: RED }).every((l) => l === 'RRRRRR'));
  assert.is(c.invalidWrites, 0);
});

test('circle r=3 is the midpoint circle, symmetric both ways', () => {
  const c = new Canvas(9, 9);
  circle(c, 4, 4, 3, WHITE);
  const frame = ascii(c);
  assert.equal(frame, [
    '.........',
    '...###...',
    '..#...#..',
    '.#.....#.',
    '.#.....#.',
    '.#.....#.',
    '..#...#..',
    '...###...',
    '.........',
  ]);
  assert.equal(frame, [...frame].reverse());
  assert.equal(
    frame,
    frame.map((l) => [...l].reverse().join('')),
  );
  // and transposed (8-way symmetry)
  assert.equal(
    frame,
    frame.map((_, x) => frame.map((l) => l[x]).join('')),
  );
});

test('fillCircle covers exactly the outline and its inside', () => {
  for (let r = 0; r <= 6; r++) {
    const outline = new Canvas(15, 15);
    const filled = new Canvas(15, 15);
    circle(outline, 7, 7, r, WHITE);
    fillCircle(filled, 7, 7, r, WHITE);
    const o = ascii(outline);
    const f = ascii(filled);
    for (let y = 0; y < 15; y++) {
      const first = o[y]!.indexOf('#');
      const last = o[y]!.lastIndexOf('#');
      const expected =
        first < 0 ? '.'.repeat(15) : '.'.repeat(first) + '#'.repeat(last - first + 1) + '.'.repeat(14 - last);
      assert.is(f[y], expected, `r=${r} row ${y}`);
    }
  }
});

test('circle r=0 is one pixel, r<0 is nothing; huge circles around the canvas draw nothing', () => {
  const c = new Canvas(5, 5);
  circle(c, 2, 2, 0, WHITE);
  circle(c, 2, 2, -1, WHITE);
  assert.equal(ascii(c), ['.....', '.....', '..#..', '.....', '.....']);
  c.clear();
  circle(c, 2, 2, 1e9, WHITE);
  circle(c, 1e9, 1e9, 3, WHITE);
  assert.ok(ascii(c).every((l) => l === '.....'));
  fillCircle(c, 2, 2, 1e4, WHITE);
  assert.ok(ascii(c).every((l) => l === '#####'));
});

test('NaN, Infinity and bad colours are counted in invalidWrites and draw nothing', () => {
  const c = new Canvas(5, 5);
  line(c, Number.NaN, 0, 4, 4, WHITE);
  rect(c, 0, 0, Number.POSITIVE_INFINITY, 2, WHITE);
  fillRect(c, 0, Number.NaN, 2, 2, WHITE);
  circle(c, 2, 2, Number.NaN, WHITE);
  fillCircle(c, Number.NEGATIVE_INFINITY, 2, 1, WHITE);
  line(c, 0, 0, 4, 4, -1);
  fillRect(c, 0, 0, 2, 2, 0x1000000);
  assert.is(c.invalidWrites, 7);
  assert.ok(ascii(c).every((l) => l === '.....'));
});

test.run();
