import { symlinkSync, writeFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { decodePicture, type Picture, PictureError } from './decode.ts';
import type { FitMode } from './fit.ts';
import { renderPicture } from './render.ts';
import { animatedGif, bombPng, image, imageRgba, tempDir, truncatedPng } from './test-images.ts';

const tmp = tempDir();
test.after(() => tmp.remove());

const W = 20;
const H = 15;
const at = (frame: Uint8Array, x: number, y: number) => [
  ...frame.subarray((y * W + x) * 3, (y * W + x) * 3 + 3),
];
const show = async (file: string, fit: FitMode = 'fill'): Promise<[Picture, Uint8Array]> => {
  const picture = await decodePicture(file, W, H);
  return [picture, renderPicture(picture, W, H, fit)[0]!];
};
const failure = async (file: string): Promise<PictureError> => {
  try {
    await decodePicture(file, W, H);
  } catch (error) {
    assert.instance(error, PictureError);
    return error as PictureError;
  }
  throw new Error(`${file} decoded, but should not have`);
};

test('a fine black/white checkerboard averages to linear mid-grey (sRGB 188, not 128), small or big', async () => {
  // 2000×1500 goes through the working-size resize (8× the table); 410×300 too, at another ratio.
  for (const [w, h] of [
    [410, 300],
    [2000, 1500],
  ] as const) {
    const file = tmp.path(`checker-${w}.png`);
    await image(w, h, (x, y) => ((x + y) % 2 ? 0xffffff : 0))
      .png()
      .toFile(file);
    const [, frame] = await show(file);
    for (const [x, y] of [
      [0, 0],
      [10, 7],
      [19, 14],
    ] as const) {
      for (const v of at(frame, x, y))
        assert.ok(v >= 187 && v <= 189, `${w}×${h} pixel ${x},${y}: ${v}, expected 188 (linear half light)`);
    }
  }
});

test('a red/blue split keeps its halves (a trace of the other colour at most on the seam)', async () => {
  const file = tmp.path('split.png');
  await image(400, 300, (x) => (x < 200 ? 0xff0000 : 0x0000ff))
    .png()
    .toFile(file);
  const [, frame] = await show(file);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const [r, g, b] = at(frame, x, y) as [number, number, number];
      // The working-size resize (Lanczos) leaves under 1% of the light of the other half on the
      // two LEDs next to the seam (sRGB 23 is 0.8% linear); everywhere else the colours are pure.
      const trace = x === 9 || x === 10 ? 30 : 0;
      if (x < 10) assert.ok(r > 250 && g === 0 && b <= trace, `(${x},${y}) should be red: ${r},${g},${b}`);
      else assert.ok(b > 250 && g === 0 && r <= trace, `(${x},${y}) should be blue: ${r},${g},${b}`);
    }
  }
});

test('pictures with an ICC profile keep their colours (sRGB and Display P3)', async () => {
  for (const profile of ['srgb', 'p3']) {
    const file = tmp.path(`profile-${profile}.jpg`);
    await image(400, 300, () => 0xff0000)
      .jpeg({ quality: 95 })
      .withIccProfile(profile)
      .toFile(file);
    const [, frame] = await show(file);
    const [r, g, b] = at(frame, 10, 7) as [number, number, number];
    assert.ok(r > 200 && g < 60 && b < 60, `${profile}: ${r},${g},${b} should be red`);
  }
});

test('an EXIF-rotated JPEG appears upright', async () => {
  // Stored landscape with red on top; orientation 6 says "turn 90° clockwise to view", so
  // upright it is portrait with red on the right.
  const file = tmp.path('rotated.jpg');
  await image(300, 200, (_x, y) => (y < 100 ? 0xff0000 : 0x0000ff))
    .jpeg({ quality: 95 })
    .withMetadata({ orientation: 6 })
    .toFile(file);
  const [picture, frame] = await show(file);
  assert.equal([picture.original.width, picture.original.height], [200, 300]);
  assert.ok((at(frame, 17, 7)[0] ?? 0) > 200, 'right side red');
  assert.ok((at(frame, 2, 7)[2] ?? 0) > 200, 'left side blue');
});

test('transparency is composited on black', async () => {
  const file = tmp.path('alpha.png');
  // The transparent half is white underneath: it must still come out black.
  await imageRgba(400, 300, (x) => (x < 200 ? [0x00ff00, 255] : [0xffffff, 0]))
    .png()
    .toFile(file);
  const [, frame] = await show(file);
  assert.equal(at(frame, 3, 7), [0, 255, 0]);
  assert.equal(at(frame, 16, 7), [0, 0, 0]);
});

test('an animated GIF keeps its frames, delays and loop count', async () => {
  const file = tmp.path('anim.gif');
  await animatedGif(file, [0xff0000, 0x00ff00, 0x0000ff], [100, 200, 50], 2);
  const picture = await decodePicture(file, W, H);
  assert.is(picture.frames.length, 3);
  assert.equal(picture.delays, [100, 200, 50]);
  assert.is(picture.loop, 2);
  const frames = renderPicture(picture, W, H, 'cover');
  assert.equal(at(frames[0]!, 5, 5), [255, 0, 0]);
  assert.equal(at(frames[1]!, 5, 5), [0, 255, 0]);
  assert.equal(at(frames[2]!, 5, 5), [0, 0, 255]);
});

test('pixel art at an exact multiple keeps hard edges; smooth art of that size is averaged', async () => {
  const art = tmp.path('art.png');
  // 20×15 art scaled 8×: a one-pixel white column at x = 3 on black.
  await image(160, 120, (x) => (Math.floor(x / 8) === 3 ? 0xffffff : 0))
    .png()
    .toFile(art);
  const [picture, frame] = await show(art, 'contain');
  assert.ok(picture.pixelArt);
  assert.equal(at(frame, 3, 4), [255, 255, 255]);
  assert.equal(at(frame, 2, 4), [0, 0, 0]);
  assert.equal(at(frame, 4, 4), [0, 0, 0]);
  const smooth = tmp.path('smooth.png');
  // Same size, but the line is 4 pixels wide, off the block grid: a half-lit LED, not a hard edge.
  await image(160, 120, (x) => (x >= 28 && x < 32 ? 0xffffff : 0))
    .png()
    .toFile(smooth);
  const [soft, softFrame] = await show(smooth, 'contain');
  assert.not.ok(soft.pixelArt);
  const v = at(softFrame, 3, 4)[0] ?? 0;
  assert.ok(v > 150 && v < 220, `half-covered LED should be linear half grey, got ${v}`);
});

test('fit modes: contain letterboxes, cover and fill fill the table', async () => {
  const file = tmp.path('wide.png');
  await image(400, 100, () => 0xffffff)
    .png()
    .toFile(file);
  const rows = (frame: Uint8Array) =>
    Array.from({ length: H }, (_, y) => ((at(frame, 10, y)[0] ?? 0) > 128 ? '#' : '.')).join('');
  const picture = await decodePicture(file, W, H);
  // 4:1 on 20×15: 5 rows high, centred (rows 5..9).
  assert.is(rows(renderPicture(picture, W, H, 'contain')[0]!), '.....#####.....');
  assert.is(rows(renderPicture(picture, W, H, 'cover')[0]!), '###############');
  assert.is(rows(renderPicture(picture, W, H, 'fill')[0]!), '###############');
  // each size and fit mode is resampled once per picture: going back to one costs nothing
  assert.is(renderPicture(picture, W, H, 'contain'), renderPicture(picture, W, H, 'contain'));
  assert.is.not(renderPicture(picture, W, H, 'contain'), renderPicture(picture, W, H, 'cover'));
  assert.is(rows(renderPicture(picture, W, H, 'contain')[0]!), '.....#####.....');
  assert.is(renderPicture(picture, 10, 5, 'contain')[0]!.length, 10 * 5 * 3);
});

test('attention crops to the interesting part; cover crops the middle', async () => {
  const file = tmp.path('attention.png');
  // Dark grey wide picture with a bright, saturated patch near the right end.
  await image(800, 200, (x, y) => (x > 650 && x < 760 && y > 50 && y < 150 ? 0xff8040 : 0x101010))
    .png()
    .toFile(file);
  const picture = await decodePicture(file, W, H);
  const lit = (frame: Uint8Array) => {
    let n = 0;
    for (let i = 0; i < frame.length; i += 3) if ((frame[i] ?? 0) > 128) n++;
    return n;
  };
  assert.is(lit(renderPicture(picture, W, H, 'cover')[0]!), 0);
  assert.ok(lit(renderPicture(picture, W, H, 'attention')[0]!) > 20);
});

test('bad files give a message for the table and one for the log', async () => {
  const empty = tmp.path('empty.png');
  writeFileSync(empty, '');
  const text = tmp.path('notes.png');
  writeFileSync(text, 'shopping list: eggs, milk\n');
  const cut = tmp.path('cut.png');
  await truncatedPng(cut);
  const bomb = tmp.path('bomb.png');
  bombPng(bomb);
  const dangling = tmp.path('gone.jpg');
  symlinkSync(tmp.path('does-not-exist.jpg'), dangling);
  const cases: [string, string, RegExp][] = [
    [empty, 'EMPTY FILE', /empty \(0 bytes\)/],
    [text, 'NOT A PICTURE', /not a picture.*JPEG, PNG/],
    [cut, 'DAMAGED FILE', /damaged or cut short/],
    [bomb, 'TOO BIG', /50000×50000 pixels.*limit; shrink it first/],
    [dangling, 'FILE GONE', /no longer exists/],
    [tmp.dir, 'NOT A FILE', /not a file/],
  ];
  for (const [file, short, message] of cases) {
    const error = await failure(file);
    assert.is(error.short, short, file);
    assert.match(error.message, message);
  }
});

test.run();
