import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Harness } from '../../src/testing/index.ts';
import { placeRecording } from './fit.ts';
import { parseTpm2 } from './format.ts';
import tpm2 from './index.ts';

const packet = (type: number, data: number[]) => [
  0xc9,
  type,
  data.length >> 8,
  data.length & 0xff,
  ...data,
  0x36,
];

/** A recording where frame f lights every LED at (f+1, 0, 0). */
function recording(leds: number, frames: number): Uint8Array {
  const out: number[] = [];
  for (let f = 0; f < frames; f++)
    out.push(
      ...packet(
        0xda,
        Array.from({ length: leds * 3 }, (_, i) => (i % 3 === 0 ? f + 1 : 0)),
      ),
    );
  return Uint8Array.from(out);
}

function tempFile(name: string, bytes: Uint8Array): string {
  const path = join(mkdtempSync(join(tmpdir(), 'ledtable-tpm2-')), name);
  writeFileSync(path, bytes);
  return path;
}

test('parseTpm2: data frames kept, commands and garbage skipped', () => {
  const bytes = Uint8Array.from([
    0x00,
    ...packet(0xda, [1, 2, 3]),
    ...packet(0xc0, [9]),
    0xc9,
    0xda,
    0x00, // cut-off packet
    ...packet(0xda, [4, 5, 6, 7, 8, 9]),
  ]);
  const r = parseTpm2(bytes);
  assert.equal(
    r.frames.map((f) => Array.from(f)),
    [
      [1, 2, 3],
      [4, 5, 6, 7, 8, 9],
    ],
  );
  assert.is(r.pixels, 2);
  assert.ok(r.skipped >= 2);
});

test('placement: strip order through the wiring when the LED count matches', () => {
  const pixelOf = (led: number) => (led === 0 ? 3 : led === 3 ? 0 : led);
  const p = placeRecording({ pixels: 4, width: 2, height: 2, ledCount: 4, pixelOf, fit: 'scale' });
  assert.equal(Array.from(p.sourceOf), [3, 1, 2, 0]);
  assert.is(p.short, '');
});

test('placement: a 4×4 recording is scaled down or cropped onto 2×2, with a message', () => {
  const base = { pixels: 16, width: 2, height: 2, ledCount: 4, pixelOf: (l: number) => l };
  const scaled = placeRecording({ ...base, fit: 'scale' });
  assert.equal(Array.from(scaled.sourceOf), [0, 2, 8, 10]);
  assert.is(scaled.short, '4X4 SCALED');
  assert.match(scaled.message, /read as 4×4 rows; scaled to 2×2/);
  const cropped = placeRecording({ ...base, fit: 'crop' });
  assert.equal(Array.from(cropped.sourceOf), [5, 6, 9, 10]);
  assert.is(cropped.short, '4X4 CROPPED');
  const snake = placeRecording({ ...base, fit: 'crop', order: 'snake' });
  assert.equal(Array.from(snake.sourceOf), [6, 5, 9, 10], 'row 1 of the source runs right to left');
});

test('plays a strip-order recording at the FPS setting, looping, deterministically', async () => {
  const path = tempFile('red.tpm2', recording(300, 3));
  const t = await Harness.start(tpm2, { params: { path }, settings: { fps: 30 } });
  await t.step(1); // loads, shows frame 0 with the name banner
  await t.step(120); // banner gone (2 s)
  // At 30 fps on a 60 Hz loop each frame lasts 2 ticks: after 121 ticks, frame 121/2 = 60 → 60 % 3 = 0.
  assert.is(t.pixel(0, 0), 0x010000);
  await t.step(2);
  assert.is(t.pixel(0, 0), 0x020000);
  await t.step(2);
  assert.is(t.pixel(19, 14), 0x030000);
  await t.step(2);
  assert.is(t.pixel(5, 5), 0x010000, 'loops');
  assert.is(t.crash, undefined);
});

test('a recording of another size is scaled with a message on the table and in the log', async () => {
  const path = tempFile('small.tpm2', recording(16, 2));
  const t = await Harness.start(tpm2, { params: { path } });
  await t.step(1);
  assert.ok(
    t.log.lines.some((l) => /read as 4×4 rows; scaled to 20×15/.test(l)),
    t.log.lines.join('\n'),
  );
  await t.step(130);
  assert.not.equal(t.pixel(10, 7), 0, 'the picture covers the middle');
  assert.is(t.pixel(0, 7), 0, 'aspect kept: black bars at the sides');
});

test('a missing path shows a problem instead of crashing', async () => {
  const t = await Harness.start(tpm2, { params: { path: '/nonexistent/x.tpm2' } });
  await t.step(5);
  assert.is(t.crash, undefined);
  assert.ok(t.log.lines.some((l) => l.includes('/nonexistent/x.tpm2')));
});

test('plays the bundled samples; right switches file', async () => {
  const t = await Harness.start(tpm2);
  await t.step(3);
  assert.ok(t.log.lines.some((l) => l.includes('1-rainbow-20x15.tpm2: 60 frames of 300 LEDs')));
  t.tap('right');
  await t.step(3);
  assert.ok(t.log.lines.some((l) => l.includes('2-rings-16x16.tpm2: 32 frames of 256 LEDs')));
  assert.is(t.crash, undefined);
});

test.run();
