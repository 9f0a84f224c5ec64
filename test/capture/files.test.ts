import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { GifRecorder } from '../../src/capture/gif-recorder.ts';
import { writePng } from '../../src/capture/png.ts';
import { startCapture } from '../../src/capture/run-capture.ts';
import { saveScreenshot, screenshotName } from '../../src/capture/screenshot.ts';
import { runCli } from '../helpers/run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'ledtable-capture-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

const flat = (width: number, height: number, rgb: number) => {
  const pixels = new Uint8Array(width * height * 3);
  for (let i = 0; i < pixels.length; i += 3) pixels.set([rgb >> 16, (rgb >> 8) & 255, rgb & 255], i);
  return pixels;
};

test('PNG: scaled up with hard edges, the size the scale asks for', async () => {
  const pixels = flat(20, 15, 0);
  pixels.set([255, 255, 255], (7 * 20 + 10) * 3); // one white LED at (10, 7)
  const file = join(dir, 'nested', 'frame.png');
  await writePng(file, { width: 20, height: 15, pixels }, { scale: 8 });
  const { data, info } = await sharp(file).raw().toBuffer({ resolveWithObject: true });
  assert.equal([info.width, info.height], [160, 120]);
  const at = (x: number, y: number) => data[(y * 160 + x) * info.channels];
  assert.is(at(80, 56), 255); // first pixel of the LED's block
  assert.is(at(87, 63), 255); // last pixel of the block
  assert.is(at(79, 56), 0); // the neighbour: no blur across the edge
  assert.is(at(88, 63), 0);
});

test('GIF plan: identical frames merge, frames under 20 ms merge away, the total time stays', () => {
  const recorder = new GifRecorder(1, 1, { rate: 60 });
  const red = new Uint8Array([255, 0, 0]);
  const blue = new Uint8Array([0, 0, 255]);
  for (let i = 0; i < 30; i++) recorder.add(red); // 500 ms
  for (let i = 0; i < 6; i++) recorder.add(i % 2 ? red : blue); // 60 Hz flicker for 100 ms
  for (let i = 0; i < 30; i++) recorder.add(blue);
  const { frames, delays } = recorder.plan();
  assert.ok(
    delays.every((d) => d >= 20 && d % 10 === 0),
    delays.join(),
  );
  const total = delays.reduce((a, b) => a + b, 0);
  assert.is(total, 1100);
  assert.equal([...(frames[0] ?? [])], [255, 0, 0]);
  assert.ok(frames.length < 10);
});

test('GIF: written frames read back by sharp with the same count, delays and size', async () => {
  const recorder = new GifRecorder(20, 15, { rate: 60, scale: 4 });
  const colors = [0xff0000, 0x00ff00, 0x0000ff, 0xffffff];
  for (const c of colors) for (let i = 0; i < 12; i++) recorder.add(flat(20, 15, c));
  const file = join(dir, 'run.gif');
  const written = await recorder.write(file);
  assert.is(written.frames, 4);
  const meta = await sharp(file, { animated: true }).metadata();
  assert.is(meta.pages, 4);
  assert.equal(meta.delay, [200, 200, 200, 200]);
  assert.equal([meta.width, meta.pageHeight], [80, 60]);
  const { data } = await sharp(file, { page: 2 }).raw().toBuffer({ resolveWithObject: true });
  assert.equal([...data.subarray(0, 3)], [0, 0, 255]);
});

test('GIF: a long run lowers the scale to stay within the pixel budget', async () => {
  const recorder = new GifRecorder(20, 15, { rate: 60, scale: 16, maxPixels: 1_000_000 });
  for (let i = 0; i < 100; i++) recorder.add(flat(20, 15, i * 0x020202));
  const written = await recorder.write(join(dir, 'long.gif'));
  assert.ok(written.scale < 16 && written.frames * written.width * written.height <= 1_000_000);
});

test('--out needs .png or .gif', () => {
  assert.throws(() => startCapture('run.jpg', { width: 20, height: 15, rate: 60 }, {}), /\.png.*\.gif/);
});

test('screenshots go to <dir>/screenshots with a sortable name', async () => {
  assert.is(screenshotName(new Date(2024, 4, 1, 14, 30, 12, 5)), 'ledtable-2024-05-01-143012-005.png');
  const file = await saveScreenshot({ width: 20, height: 15, pixels: flat(20, 15, 0x102030) }, dir, {
    scale: 2,
  });
  assert.ok(file.startsWith(join(dir, 'screenshots')));
  assert.equal([(await sharp(file).metadata()).width], [40]);
});

test('ledtable play --headless --out FILE.gif: sharp reads back the frames the run reported', async () => {
  const file = join(dir, 'testpattern.gif');
  const { code, err } = await runCli(
    dir,
    'play',
    'testpattern',
    '--headless',
    '--ticks',
    '400',
    '--seed',
    '1',
    '--out',
    file,
  );
  assert.is(code, 0, err);
  const reported = Number(/wrote .*: (\d+) frames over 400 ticks/.exec(err)?.[1]);
  assert.ok(reported >= 2, err);
  const meta = await sharp(file, { animated: true }).metadata();
  assert.is(meta.pages, reported);
  assert.equal([meta.width, meta.pageHeight], [320, 240]);
});

test('ledtable play --headless --out FILE.png --led-dots writes the last frame', async () => {
  const file = join(dir, 'last.png');
  const { code, err } = await runCli(
    dir,
    'play',
    'viewer',
    '--headless',
    '--ticks',
    '5',
    '--out',
    file,
    '--led-dots',
  );
  assert.is(code, 0, err);
  const { data, info } = await sharp(file).raw().toBuffer({ resolveWithObject: true });
  assert.equal([info.width, info.height], [320, 240]);
  assert.equal([...data.subarray(0, 3)], [0, 0, 0], 'between the dots is black');
});

test('a bad --out is a usage error', async () => {
  const { code, err } = await runCli(dir, 'play', 'testpattern', '--headless', '--out', join(dir, 'x.bmp'));
  assert.is(code, 2);
  assert.match(err, /must end in \.png.*or \.gif/);
});

test.run();
