import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Canvas } from '../../src/gfx/canvas.ts';
import { GREEN, RED, WHITE } from '../../src/gfx/color.ts';
import { FONT_3X5, FONT_5X7 } from '../../src/gfx/font.ts';
import { drawBanner, drawScrollingText, drawText, textWidth } from '../../src/gfx/text.ts';
import { ascii } from './ascii.ts';

const linear = (byte: number) => (byte / 255) ** 2.2;

test('"HI 42" renders to the exact frame', () => {
  const c = new Canvas(20, 5);
  const width = drawText(c, 'HI 42', 1, 0, WHITE);
  assert.is(width, 18);
  assert.equal(ascii(c), [
    '.#.#.###....#.#.###.',
    '.#.#..#.....#.#...#.',
    '.###..#.....###.###.',
    '.#.#..#.......#.#...',
    '.#.#.###......#.###.',
  ]);
});

test('textWidth: glyph widths plus spacing, no trailing spacing', () => {
  assert.is(textWidth(''), 0);
  assert.is(textWidth('1'), 3);
  assert.is(textWidth('HI 42'), 18);
  assert.is(textWidth('hi 42'), 18);
  assert.is(textWidth('MW'), 11);
  assert.is(textWidth('.:'), 3);
  assert.is(textWidth('10', FONT_5X7), 11);
  assert.is(textWidth('€'), 3); // missing: the small box
  assert.is(textWidth('a😀b'), 11); // an astral character is one box, not two
});

test('drawText returns what textWidth says, in both fonts', () => {
  for (const font of [FONT_3X5, FONT_5X7]) {
    for (const s of ['', 'SCORE 1234', 'a+b=c?', '€ 😀 ←→']) {
      const c = new Canvas(8, 8);
      assert.is(drawText(c, s, 2, 1, WHITE, font), textWidth(s, font), s);
    }
  }
});

test('unknown characters draw as a small box and never throw', () => {
  const c = new Canvas(5, 5);
  drawText(c, '€', 1, 0, WHITE);
  assert.equal(ascii(c), ['.....', '.###.', '.#.#.', '.###.', '.....']);
});

test('text is clipped at every edge without invalid writes; NaN is counted', () => {
  const c = new Canvas(6, 4);
  drawText(c, 'HI', -2, -2, WHITE);
  assert.equal(ascii(c), ['#..#..', '#..#..', '#.###.', '......']);
  drawText(c, 'LONG TEXT', 3, 2, WHITE, FONT_5X7);
  drawText(c, 'X', 1e9, -1e9, WHITE);
  assert.is(c.invalidWrites, 0);
  assert.is(drawText(c, 'HI', Number.NaN, 0, WHITE), 7);
  drawScrollingText(c, 'HI', { x: 0, y: 0, width: 6, color: WHITE, offset: Number.NaN });
  drawScrollingText(c, 'HI', { x: 0, y: Number.POSITIVE_INFINITY, width: 6, color: WHITE, offset: 0 });
  assert.is(c.invalidWrites, 3);
});

function scrolled(text: string, offset: number, gap?: number): string[] {
  const c = new Canvas(12, 5);
  drawScrollingText(c, text, {
    x: 0,
    y: 0,
    width: 12,
    color: WHITE,
    offset,
    ...(gap === undefined ? {} : { gap }),
  });
  return ascii(c);
}

test('scrolling: offset 0 starts at the window edge and the text repeats after the gap', () => {
  assert.equal(scrolled('HI', 0, 2), [
    '#.#.###..#.#', //
    '#.#..#...#.#',
    '###..#...###',
    '#.#..#...#.#',
    '#.#.###..#.#',
  ]);
});

test('scrolling wraps seamlessly: offset = textWidth + gap equals offset 0, also fractionally and backwards', () => {
  const period = textWidth('SCORE 120') + 6;
  assert.equal(scrolled('SCORE 120', period), scrolled('SCORE 120', 0));
  assert.equal(scrolled('SCORE 120', 3 * period + 4.25), scrolled('SCORE 120', 4.25));
  assert.equal(scrolled('SCORE 120', -period + 7), scrolled('SCORE 120', 7));
  // every whole offset is the previous one moved left by one pixel
  for (let o = 0; o < period; o++) {
    const a = scrolled('SCORE 120', o);
    const b = scrolled('SCORE 120', o + 1);
    for (let y = 0; y < 5; y++) assert.is(b[y]!.slice(0, 11), a[y]!.slice(1), `offset ${o} row ${y}`);
  }
});

test('a fractional offset splits each pixel between two neighbours, keeping the light constant', () => {
  for (const frac of [0.25, 0.5, 0.75]) {
    const c = new Canvas(12, 5);
    // '|' is one column; with gap 6 its repeat sits at strip column 7: screen 7 at offset 0
    drawScrollingText(c, '|', { x: 0, y: 0, width: 12, color: WHITE, offset: frac, gap: 6 });
    const left = c.get(6, 2);
    const right = c.get(7, 2);
    assert.ok(left > 0 && left < WHITE && right > 0 && right < WHITE, `frac ${frac}`);
    assert.is(left & 0xff, (left >> 16) & 0xff); // stays grey: white split, not tinted
    const l = linear(left & 0xff);
    const r = linear(right & 0xff);
    assert.ok(Math.abs(l - frac) < 0.01, `left share ${l} for ${frac}`);
    assert.ok(Math.abs(r - (1 - frac)) < 0.01, `right share ${r} for ${frac}`);
    assert.is(c.get(5, 2), 0);
    assert.is(c.get(8, 2), 0);
  }
  // as the offset grows, the light moves left monotonically
  let previous = Number.POSITIVE_INFINITY;
  for (let o = 0; o <= 2; o += 0.125) {
    const c = new Canvas(12, 5);
    drawScrollingText(c, '|', { x: 0, y: 0, width: 12, color: WHITE, offset: o, gap: 6 });
    let weighted = 0;
    for (let x = 0; x < 12; x++) weighted += x * linear(c.get(x, 0) & 0xff) * (x > 2 ? 1 : 0);
    assert.ok(weighted < previous + 1e-9, `centre moved right at offset ${o}`);
    previous = weighted;
  }
});

test('scrolling writes and reads only inside the window', () => {
  const c = new Canvas(16, 7);
  c.clear(RED);
  for (let x = 4; x < 12; x++) for (let y = 0; y < 7; y++) c.set(x, y, 0);
  for (const offset of [0, 0.5, 3.3, 17.75]) {
    for (let x = 4; x < 12; x++) for (let y = 0; y < 7; y++) c.set(x, y, 0);
    drawScrollingText(c, 'WIDE TEXT', { x: 4, y: 1, width: 8, color: GREEN, offset, font: FONT_3X5 });
    for (let y = 0; y < 7; y++) {
      for (let x = 0; x < 16; x++) {
        const p = c.get(x, y);
        if (x < 4 || x >= 12) assert.is(p, RED, `outside (${x}, ${y}) at offset ${offset}`);
        else assert.is(p & 0xff00ff, 0, `red leaked into (${x}, ${y}) at offset ${offset}`);
      }
    }
  }
  assert.is(c.invalidWrites, 0);
});

test('banner: centred when it fits, scrolling by tick × speed when not, deterministic', () => {
  const c = new Canvas(20, 5);
  drawBanner(c, 'HI', 0, WHITE, 12345);
  const expected = new Canvas(20, 5);
  drawText(expected, 'HI', 6, 0, WHITE);
  assert.equal(ascii(c), ascii(expected));

  const long = 'A LONG MESSAGE';
  for (const tick of [0, 1, 7, 100]) {
    const a = new Canvas(20, 5);
    const b = new Canvas(20, 5);
    drawBanner(a, long, 0, WHITE, tick);
    drawScrollingText(b, long, { x: 0, y: 0, width: 20, color: WHITE, offset: tick * 0.25 });
    assert.equal(a.pixels, b.pixels, `tick ${tick}`);
    const again = new Canvas(20, 5);
    drawBanner(again, long, 0, WHITE, tick);
    assert.equal(again.pixels, a.pixels);
  }
  const fast = new Canvas(20, 5);
  const ref = new Canvas(20, 5);
  drawBanner(fast, long, 0, WHITE, 10, { speed: 2, x: 2, width: 10 });
  drawScrollingText(ref, long, { x: 2, y: 0, width: 10, color: WHITE, offset: 20 });
  assert.equal(fast.pixels, ref.pixels);
});

test.run();
