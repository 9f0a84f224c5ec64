import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Canvas } from '../../src/gfx/canvas.ts';
import { BLUE, RED, WHITE } from '../../src/gfx/color.ts';
import { FONT_5X7 } from '../../src/gfx/font.ts';
import { Graphics } from '../../src/gfx/graphics.ts';
import { circle, fillCircle, fillRect, line, rect } from '../../src/gfx/shapes.ts';
import { drawSprite, sprite } from '../../src/gfx/sprite.ts';
import { drawBanner, drawScrollingText, drawText } from '../../src/gfx/text.ts';

test('every verb draws what its free function draws', () => {
  const a = new Canvas(20, 15);
  const b = new Canvas(20, 15);
  const g = new Graphics(a);
  const s = sprite(['R.', 'BR'], { R: RED, B: BLUE });
  g.clear(0x101010);
  b.clear(0x101010);
  g.set(1, 1, RED);
  b.set(1, 1, RED);
  g.line(0, 0, 19, 14, WHITE);
  line(b, 0, 0, 19, 14, WHITE);
  g.rect(2, 2, 5, 4, RED);
  rect(b, 2, 2, 5, 4, RED);
  g.fillRect(10, 1, 3, 3, BLUE);
  fillRect(b, 10, 1, 3, 3, BLUE);
  g.circle(14, 9, 4, WHITE);
  circle(b, 14, 9, 4, WHITE);
  g.fillCircle(4, 11, 2, BLUE);
  fillCircle(b, 4, 11, 2, BLUE);
  g.sprite(s, 17, 12, { flipX: true, scale: 2 });
  drawSprite(b, s, 17, 12, { flipX: true, scale: 2 });
  assert.is(g.text('7', 8, 8, WHITE, FONT_5X7), drawText(b, '7', 8, 8, WHITE, FONT_5X7));
  g.scrollText('HELLO', { x: 1, y: 9, width: 10, color: RED, offset: 2.5 });
  drawScrollingText(b, 'HELLO', { x: 1, y: 9, width: 10, color: RED, offset: 2.5 });
  g.banner('A LONG BANNER', 0, WHITE, 33);
  drawBanner(b, 'A LONG BANNER', 0, WHITE, 33);
  assert.equal(a.pixels, b.pixels);
  assert.is(g.get(1, 1), b.get(1, 1));
  assert.is(g.textWidth('HI'), 7);
  assert.is(g.textWidth('HI', FONT_5X7), 9);
});

test('target() retargets drawing and the size getters', () => {
  const first = new Canvas(4, 4);
  const second = new Canvas(6, 3);
  const g = new Graphics(first);
  assert.is(g.width, 4);
  g.target(second);
  assert.is(g.canvas, second);
  assert.equal([g.width, g.height], [6, 3]);
  g.set(5, 2, WHITE);
  assert.is(second.get(5, 2), WHITE);
  assert.ok(first.pixels.every((v) => v === 0));
  g.clear();
  assert.ok(second.pixels.every((v) => v === 0));
});

test.run();
