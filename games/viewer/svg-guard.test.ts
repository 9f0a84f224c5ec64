/**
 * Hostile pictures (issue 17): SVG features that cost minutes or read other files are refused
 * before rendering, a huge SVG is rasterised at the table's working size, and a decode that
 * exceeds its time budget is killed in its own process while the next picture still decodes.
 */
import { writeFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { decodePicture, PictureError } from './decode.ts';
import { DecodeProcess } from './decode-process.ts';
import { tempDir } from './test-images.ts';

const tmp = tempDir();
test.after(() => tmp.remove());
const svg = (name: string, body: string, size = 100) => {
  const path = tmp.path(name);
  writeFileSync(
    path,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}">${body}</svg>`,
  );
  return path;
};
const refusal = async (file: string): Promise<PictureError> => {
  try {
    await decodePicture(file, 20, 15);
  } catch (error) {
    assert.instance(error, PictureError);
    return error as PictureError;
  }
  throw new Error(`${file} decoded, but should not have`);
};

test('a 9000² SVG with a huge blur is refused before rendering, naming the feature', async () => {
  const bomb = svg(
    'bomb.svg',
    '<filter id="f"><feGaussianBlur stdDeviation="900"/></filter><rect width="9000" height="9000" filter="url(#f)"/>',
    9000,
  );
  const error = await refusal(bomb);
  assert.is(error.short, 'SVG REFUSED');
  assert.match(error.message, 'filters (blur, shadows…) are refused');
});

test('an SVG may not read files beside it, nor anywhere else', async () => {
  writeFileSync(tmp.path('secret.png'), 'x');
  for (const body of [
    '<image href="secret.png" width="10" height="10"/>',
    '<use href="other.svg#a"/>',
    '<rect style="fill: url(file:///etc/passwd)" width="5" height="5"/>',
    '<style>@import "x.css";</style>',
    '<foreignObject width="5" height="5"/>',
  ]) {
    const error = await refusal(svg('ref.svg', body));
    assert.is(error.short, 'SVG REFUSED', body);
  }
  writeFileSync(tmp.path('x.svgz'), 'x');
  assert.is((await refusal(tmp.path('x.svgz'))).short, 'SVG REFUSED');
});

test('a DTD (entity expansion) is refused', async () => {
  const path = tmp.path('lol.svg');
  writeFileSync(
    path,
    '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa">]><svg xmlns="http://www.w3.org/2000/svg" width="9" height="9">&a;</svg>',
  );
  assert.is((await refusal(path)).short, 'SVG REFUSED');
});

test('a 90000² SVG renders at the working size, not at the size it claims; #id links are fine', async () => {
  const big = svg(
    'big.svg',
    '<defs><circle id="c" cx="45000" cy="45000" r="40000" fill="red"/></defs><use href="#c"/>',
    90000,
  );
  const picture = await decodePicture(big, 20, 15);
  assert.ok(picture.width <= 160 && picture.height <= 160, `${picture.width}×${picture.height}`);
  const middle = ((picture.height >> 1) * picture.width + (picture.width >> 1)) * 3;
  assert.ok(picture.frames[0]![middle]! > 200, 'the red circle is there');
});

test('a decode over its time budget is killed (TOO SLOW); the next one decodes in a fresh process', async () => {
  const decoder = new DecodeProcess();
  const ok = svg('ok.svg', '<rect width="100" height="100" fill="#00ff00"/>');
  try {
    let error: unknown;
    await decoder.decode(ok, 20, 15, 1).catch((e: unknown) => {
      error = e;
    });
    assert.instance(error, PictureError);
    assert.is((error as PictureError).short, 'TOO SLOW');
    const picture = await decoder.decode(ok, 20, 15);
    assert.is(picture.frames[0]![1], 255, 'green');
  } finally {
    decoder.close();
  }
});

test("a picture decoded again comes from the decoder's memory; a file that changed is decoded afresh", async () => {
  const decoder = new DecodeProcess();
  const file = svg('again.svg', '<rect width="100" height="100" fill="#00ff00"/>');
  try {
    const first = await decoder.decode(file, 20, 15);
    assert.is(await decoder.decode(file, 20, 15), first, 'the same picture, not decoded again');
    assert.is.not(await decoder.decode(file, 10, 10), first, 'another working size is another picture');
    svg('again.svg', '<rect width="100" height="100" fill="#ff0000"/><!-- changed -->');
    const changed = await decoder.decode(file, 20, 15);
    assert.is.not(changed, first);
    assert.is(changed.frames[0]![0], 255, 'red: the new content');
  } finally {
    decoder.close();
  }
});

test.run();
