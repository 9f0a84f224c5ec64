import { execFileSync } from 'node:child_process';
import { closeSync, constants, mkdtempSync, openSync, readFileSync, readSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { LedsDeviceDriver, ledsByteOrder } from '../../hardware/leds-device.ts';
import { Canvas } from '../../src/gfx/canvas.ts';
import { WhiteExtractor } from '../../src/output/white.ts';
import { ledOf, plainStage, positionCanvas } from './fixtures.ts';

const dir = () => mkdtempSync(join(tmpdir(), 'ledtable-leds-'));

/** Reads whatever the FIFO holds right now (its read end is non-blocking). */
function drain(fd: number): number[] {
  const out: number[] = [];
  const chunk = Buffer.alloc(65536);
  for (;;) {
    try {
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) return out;
      out.push(...chunk.subarray(0, n));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EAGAIN') return out;
      throw error;
    }
  }
}

test('byte order: the kernel sends bytes 1 0 2 3, so a GRB strip gets R G B W written', () => {
  assert.is(ledsByteOrder('grb'), 'rgbw');
  assert.is(ledsByteOrder('grbw'), 'rgbw');
  assert.is(ledsByteOrder('rgb'), 'grbw');
  assert.is(ledsByteOrder('bgrw'), 'gbrw');
  assert.throws(() => ledsByteOrder('rgbx'), /colour order must be 3 letters/);
});

test('a regular file standing in for /dev/leds0: 4 bytes per LED in layout order, rewritten at offset 0, black on close', async () => {
  const path = join(dir(), 'leds0');
  writeFileSync(path, '');
  const driver = new LedsDeviceDriver({ path, ledCount: 300 });
  const stage = plainStage(driver);
  await stage.open();
  assert.equal(Array.from(readFileSync(path)), [0], 'brightness byte 0 (pass-through) at open');
  const grey = new Canvas(20, 15);
  grey.clear(0x808080);
  stage.show(grey);
  stage.show(positionCanvas(20, 15));
  stage.show(positionCanvas(20, 15)); // unchanged: the stage sends nothing (the strip holds it)
  const bytes = readFileSync(path);
  assert.is(bytes.length, 1200, 'two frames rewrite the same 1200 bytes, never append');
  for (let y = 0; y < 15; y++) {
    for (let x = 0; x < 20; x++) {
      const at = ledOf(x, y) * 4;
      assert.equal(Array.from(bytes.subarray(at, at + 4)), [x, y, 1, 0], `pixel ${x},${y}`);
    }
  }
  assert.is(driver.writes, 3, 'one write at open, then one per changed frame');
  await stage.close();
  assert.ok(
    readFileSync(path).every((b) => b === 0),
    'all black after close',
  );
  assert.is(driver.writes, 4);
  await driver.close(); // safe twice
});

test('a FIFO standing in for the device: after each show() the pipe holds exactly one whole frame', async () => {
  const path = join(dir(), 'leds0');
  execFileSync('mkfifo', [path]);
  const reader = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const driver = new LedsDeviceDriver({ path, ledCount: 3, stripOrder: 'grb' });
    await driver.open();
    assert.equal(drain(reader), [0]);
    driver.show(Uint8Array.from([10, 20, 30, 40, 50, 60, 70, 80, 90]));
    assert.equal(drain(reader), [10, 20, 30, 0, 40, 50, 60, 0, 70, 80, 90, 0]);
    driver.show(Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9]));
    assert.equal(drain(reader), [1, 2, 3, 0, 4, 5, 6, 0, 7, 8, 9, 0]);
    await driver.close();
    assert.equal(drain(reader), new Array(12).fill(0), 'one black frame on close');
  } finally {
    closeSync(reader);
  }
});

test('SK6812 RGBW (grbw) with min extraction: W takes the grey part; an RGB strip order is pre-swapped', async () => {
  const path = join(dir(), 'leds0');
  writeFileSync(path, '');
  const rgbw = new LedsDeviceDriver({
    path,
    ledCount: 2,
    stripOrder: 'grbw',
    white: new WhiteExtractor('min'),
  });
  await rgbw.open();
  rgbw.show(Uint8Array.from([200, 100, 50, 255, 255, 255]));
  assert.equal(Array.from(readFileSync(path)), [150, 50, 0, 50, 0, 0, 0, 255]);
  await rgbw.close();

  const rgb = new LedsDeviceDriver({ path, ledCount: 1, stripOrder: 'rgb' });
  await rgb.open();
  rgb.show(Uint8Array.from([1, 2, 3]));
  assert.equal(Array.from(readFileSync(path).subarray(0, 4)), [2, 1, 3, 0]);
  await rgb.close();
});

test('a missing device names the overlay line and install.sh; show before open says to open', async () => {
  const driver = new LedsDeviceDriver({ path: join(dir(), 'leds9'), ledCount: 300 });
  try {
    await driver.open();
    assert.unreachable();
  } catch (error) {
    const message = (error as Error).message;
    assert.match(message, /leds: .*leds9 does not exist/);
    assert.match(message, /dtoverlay=ws2812-pio,gpio=18,num_leds=N/);
    assert.match(message, /systemd\/install\.sh/);
  }
  assert.throws(() => driver.show(new Uint8Array(900)), /call open\(\) first/);
  await driver.close();
  assert.throws(() => new LedsDeviceDriver({ path: '/dev/leds0', ledCount: 0 }), /LED count must be ≥ 1/);
});

test.run();
