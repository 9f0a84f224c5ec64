import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { frameToImage } from '../../src/capture/frame-image.ts';

// 2×1 frame: red, blue.
const frame = new Uint8Array([255, 0, 0, 0, 0, 255]);
const px = (data: Uint8Array, width: number, x: number, y: number) => [
  ...data.subarray((y * width + x) * 3, (y * width + x) * 3 + 3),
];

test('hard edges: every image pixel of an LED has exactly its colour', () => {
  const image = frameToImage(frame, 2, 1, { scale: 4 });
  assert.equal([image.width, image.height], [8, 4]);
  for (let y = 0; y < 4; y++) {
    for (let x = 0; x < 8; x++) assert.equal(px(image.data, 8, x, y), x < 4 ? [255, 0, 0] : [0, 0, 255]);
  }
});

test('LED dots: black corners, full colour in the middle, a soft rim', () => {
  const image = frameToImage(frame, 2, 1, { scale: 16, ledDots: true });
  assert.equal(px(image.data, 32, 0, 0), [0, 0, 0]);
  assert.equal(px(image.data, 32, 15, 15), [0, 0, 0]);
  assert.equal(px(image.data, 32, 8, 8), [255, 0, 0]);
  assert.equal(px(image.data, 32, 24, 8), [0, 0, 255]);
  const rim = px(image.data, 32, 8, 1)[0] ?? 0;
  assert.ok(rim > 0 && rim < 255, `rim ${rim}`);
});

test('a bad scale is refused with the allowed range', () => {
  assert.throws(() => frameToImage(frame, 2, 1, { scale: 0 }), /1 to 64/);
});

test.run();
