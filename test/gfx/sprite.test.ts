import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Canvas } from '../../src/gfx/canvas.ts';
import { BLUE, GREEN, RED, WHITE } from '../../src/gfx/color.ts';
import { drawSprite, sprite } from '../../src/gfx/sprite.ts';
import { ascii } from './ascii.ts';

const legend = { R: RED, G: GREEN, B: BLUE, W: WHITE };
const arrow = sprite(['RG.', 'R .', 'BBW'], { R: RED, G: GREEN, B: BLUE, W: WHITE });

test('sprite compiles rows once: -1 for transparent, colours otherwise', () => {
  assert.is(arrow.width, 3);
  assert.is(arrow.height, 3);
  assert.equal(Array.from(arrow.pixels), [RED, GREEN, -1, RED, -1, -1, BLUE, BLUE, WHITE]);
});

test('transparent pixels keep the background', () => {
  const c = new Canvas(4, 4);
  c.clear(WHITE);
  drawSprite(c, arrow, 1, 0);
  assert.equal(ascii(c, legend), ['WRGW', 'WRWW', 'WBBW', 'WWWW']);
});

test('flipX, flipY and both', () => {
  const c = new Canvas(7, 7);
  drawSprite(c, arrow, 0, 0, { flipX: true });
  drawSprite(c, arrow, 4, 0, { flipY: true });
  drawSprite(c, arrow, 0, 4, { flipX: true, flipY: true });
  assert.equal(ascii(c, legend), [
    '.GR.BBW', //
    '..R.R..',
    'WBB.RG.',
    '.......',
    'WBB....',
    '..R....',
    '.GR....',
  ]);
});

test('scale turns each pixel into a block, clipped at the edges', () => {
  const c = new Canvas(5, 5);
  drawSprite(c, arrow, -1, 0, { scale: 2 });
  assert.equal(ascii(c, legend), [
    'RGG..', //
    'RGG..',
    'R....',
    'R....',
    'BBBWW',
  ]);
  assert.is(c.invalidWrites, 0);
});

test('tint multiplies every opaque pixel', () => {
  const white = sprite(['W#'], { W: WHITE, '#': 0x808080 });
  const c = new Canvas(2, 1);
  drawSprite(c, white, 0, 0, { tint: 0x00ff80 });
  assert.is(c.get(0, 0), 0x00ff80);
  assert.is(c.get(1, 0), 0x008040);
});

test('sprites off the canvas, NaN positions and bad scales', () => {
  const c = new Canvas(3, 3);
  drawSprite(c, arrow, 100, -100, { scale: 3 });
  drawSprite(c, arrow, -1e9, 0);
  assert.is(c.invalidWrites, 0);
  drawSprite(c, arrow, Number.NaN, 0);
  assert.is(c.invalidWrites, 1);
  assert.throws(() => drawSprite(c, arrow, 0, 0, { scale: 1.5 }), /scale must be an integer ≥ 1, got 1.5/);
  assert.throws(() => drawSprite(c, arrow, 0, 0, { scale: 0 }), /scale/);
});

test('errors name the unknown character and its row, and ragged rows', () => {
  assert.throws(
    () => sprite(['RR', 'RX'], { R: RED }),
    (e: Error) => e.message.includes('"X"') && e.message.includes('row 1') && e.message.includes('palette'),
  );
  assert.throws(
    () => sprite(['RRR', 'RR'], { R: RED }),
    (e: Error) => e.message.includes('row 1') && e.message.includes('same width'),
  );
  assert.throws(() => sprite(['R'], { R: 0x1000000 }), /palette entry "R"/);
});

test.run();
