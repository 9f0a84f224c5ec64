import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Canvas } from '../../src/gfx/canvas.ts';
import { compileLayout, DEFAULT_LAYOUT, layoutFromMap } from '../../src/output/layout.ts';
import { StripMapper } from '../../src/output/strip-frame.ts';

test('maps the default 20×15 canvas to strip order', () => {
  const canvas = new Canvas(20, 15);
  canvas.set(0, 0, 0x010203); // LED 0
  canvas.set(0, 14, 0x040506); // LED 14
  canvas.set(1, 14, 0x070809); // LED 15 (odd column runs upwards)
  canvas.set(19, 0, 0xffffff); // LED 299
  const out = new StripMapper(compileLayout(20, 15, DEFAULT_LAYOUT)).map(canvas.pixels);
  assert.is(out.length, 900);
  assert.equal(Array.from(out.subarray(0, 3)), [1, 2, 3]);
  assert.equal(Array.from(out.subarray(14 * 3, 15 * 3)), [4, 5, 6]);
  assert.equal(Array.from(out.subarray(15 * 3, 16 * 3)), [7, 8, 9]);
  assert.equal(Array.from(out.subarray(299 * 3)), [255, 255, 255]);
  assert.is(
    out.reduce((n, v) => n + v, 0),
    1 + 2 + 3 + 4 + 5 + 6 + 7 + 8 + 9 + 3 * 255,
  );
});

test('reuses one buffer and rewrites it fully each call', () => {
  const mapper = new StripMapper(compileLayout(4, 3, DEFAULT_LAYOUT));
  const canvas = new Canvas(4, 3);
  canvas.clear(0xff0000);
  const first = mapper.map(canvas.pixels);
  canvas.clear(0x00ff00);
  const second = mapper.map(canvas.pixels);
  assert.ok(first === second, 'same buffer');
  for (let i = 0; i < second.length; i += 3)
    assert.equal([second[i], second[i + 1], second[i + 2]], [0, 255, 0]);
});

test('LEDs without a pixel stay black; pixels without an LED are dropped', () => {
  const layout = layoutFromMap(
    [
      [3, -1],
      [0, 1],
    ],
    2,
    2,
  );
  const canvas = new Canvas(2, 2);
  canvas.clear(0x0a0b0c);
  const out = new StripMapper(layout).map(canvas.pixels);
  assert.equal(Array.from(out), [10, 11, 12, 10, 11, 12, 0, 0, 0, 10, 11, 12]);
});

test('a canvas of the wrong size is refused with both sizes in the message', () => {
  const mapper = new StripMapper(compileLayout(20, 15, DEFAULT_LAYOUT));
  assert.throws(() => mapper.map(new Uint8Array(10)), /expected 900 bytes \(20×15 RGB\), got 10/);
});

test.run();
