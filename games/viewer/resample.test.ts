import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { fitWindow } from './fit.ts';
import { TO_LINEAR, toSrgb } from './linear.ts';
import { PictureCache } from './picture-cache.ts';
import { delaysInTicks } from './render.ts';
import { areaResample } from './resample.ts';

test('sRGB ⇄ linear round-trips every byte', () => {
  for (let v = 0; v < 256; v++) assert.is(toSrgb(TO_LINEAR[v] ?? 0), v);
  assert.is(toSrgb(0.5), 188);
});

test('fitWindow: contain, cover and fill geometry', () => {
  // 400×100 on 20×15: contain scales by 20 source px per LED and centres vertically.
  assert.equal(fitWindow(400, 100, 20, 15, 'contain'), { x0: 0, y0: -100, sx: 20, sy: 20 });
  // cover: 100/15 source px per LED, the middle 133.3 px of the width.
  const cover = fitWindow(400, 100, 20, 15, 'cover');
  assert.ok(Math.abs(cover.sx - 100 / 15) < 1e-9 && cover.y0 === 0);
  assert.ok(Math.abs(cover.x0 - (400 - (100 / 15) * 20) / 2) < 1e-9);
  assert.equal(fitWindow(400, 100, 20, 15, 'fill'), { x0: 0, y0: 0, sx: 20, sy: 100 / 15 });
  // attention moves the crop, clamped inside the picture.
  assert.is(fitWindow(400, 100, 20, 15, 'attention', { left: 1000, top: 0 }).x0, 400 - (100 / 15) * 20);
});

test('areaResample: exact checkerboard gives linear half grey; partial cover dims the edge', () => {
  const src = new Uint8Array(40 * 30 * 3);
  for (let y = 0; y < 30; y++)
    for (let x = 0; x < 40; x++) src.fill((x + y) % 2 ? 255 : 0, (y * 40 + x) * 3, (y * 40 + x + 1) * 3);
  const out = new Uint8Array(20 * 15 * 3);
  areaResample(src, 40, 30, fitWindow(40, 30, 20, 15, 'fill'), 20, 15, out);
  assert.ok(out.every((v) => v === 188));
  // A white 3×1 source on 2×1 LEDs, shifted by half a pixel: the edge LED gets half the light.
  const white = new Uint8Array(9).fill(255);
  const two = new Uint8Array(6);
  areaResample(white, 3, 1, { x0: -0.5, y0: 0, sx: 1.5, sy: 1 }, 2, 1, two);
  assert.equal([...two], [toSrgb(2 / 3), toSrgb(2 / 3), toSrgb(2 / 3), 255, 255, 255]);
});

test('delaysInTicks: ms → ticks at the loop rate, keeping the total', () => {
  assert.equal([...delaysInTicks([100, 200, 50], 60)], [6, 12, 3]);
  // 30 ms at 60 Hz is 1.8 ticks: the running total rounds to 2, 2, 1, 2, 2 (9 ticks = 150 ms).
  assert.equal([...delaysInTicks([30, 30, 30, 30, 30], 60)], [2, 2, 1, 2, 2]);
  assert.equal([...delaysInTicks([1, 1], 60)], [1, 1]);
});

test('PictureCache keeps the newest within its byte budget, least recently used out first', () => {
  const picture = (bytes: number) =>
    ({
      bytes,
      frames: [],
      delays: [],
      width: 1,
      height: 1,
      loop: 0,
      pixelArt: false,
      focus: undefined,
    }) as never;
  const cache = new PictureCache(100);
  cache.set(1, picture(40));
  cache.set(2, picture(40));
  cache.get(1); // 1 is now more recent than 2
  cache.set(3, picture(40));
  assert.ok(cache.has(1) && !cache.has(2) && cache.has(3));
  assert.is(cache.bytes, 80);
  cache.set(4, picture(500)); // bigger than the budget: kept alone
  assert.ok(cache.has(4) && cache.size === 1);
});

test.run();
