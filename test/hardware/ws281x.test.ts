import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readBoard } from '../../hardware/board.ts';
import { Ws281xDriver, type Ws281xModule } from '../../hardware/ws281x.ts';
import { WhiteExtractor } from '../../src/output/white.ts';

/** A fake of rpi-ws281x-native's surface: records init options and each rendered Uint32Array. */
function fakeLibrary(initError?: string) {
  const calls: string[] = [];
  const renders: number[][] = [];
  let options: Record<string, unknown> | undefined;
  let array = new Uint32Array(0);
  const lib = ((count: number, opts: Record<string, unknown>) => {
    calls.push('init');
    if (initError) throw new Error(initError);
    options = opts;
    array = new Uint32Array(count);
    return { count, array };
  }) as unknown as Ws281xModule;
  lib.render = () => {
    calls.push('render');
    renders.push(Array.from(array));
  };
  lib.reset = () => {
    calls.push('reset');
    array.fill(0);
    lib.render();
  };
  lib.finalize = () => {
    calls.push('finalize');
  };
  return { lib, calls, renders, options: () => options };
}

const asRoot = () => 0;

/** Fake /proc files for a board: its device-tree model and cpuinfo revision. */
function boardFiles(model: string, revision: string) {
  const dir = mkdtempSync(join(tmpdir(), 'ledtable-board-'));
  writeFileSync(join(dir, 'model'), `${model}\0`);
  writeFileSync(join(dir, 'cpuinfo'), `processor\t: 0\nRevision\t: ${revision}\nSerial\t\t: 1\n`);
  return { model: join(dir, 'model'), cpuinfo: join(dir, 'cpuinfo') };
}
const pi3 = boardFiles('Raspberry Pi 3 Model B Rev 1.2', 'a02082');

test('renders 0xRRGGBB per LED with dma 10, gpio, strip type, invert; blanks and finalizes on close', async () => {
  const fake = fakeLibrary();
  const driver = new Ws281xDriver({
    ledCount: 3,
    gpio: 12,
    stripType: 'sk6812',
    invert: true,
    load: async () => fake.lib,
    getuid: asRoot,
    board: pi3,
  });
  await driver.open();
  assert.equal(fake.options(), {
    dma: 10,
    freq: 800000,
    gpio: 12,
    invert: true,
    brightness: 255,
    stripType: 'sk6812',
  });
  driver.show(Uint8Array.from([0xff, 0, 0, 0, 0x80, 0, 1, 2, 3]));
  assert.equal(fake.renders, [[0xff0000, 0x008000, 0x010203]]);
  await driver.close();
  await driver.close();
  assert.equal(fake.renders[1], [0, 0, 0]);
  assert.equal(fake.calls, ['init', 'render', 'reset', 'render', 'finalize']);
});

test('RGBW strip types (sk6812-grbw): 0xWWRRGGBB per LED with W extracted; RGB strip types ignore W', async () => {
  const fake = fakeLibrary();
  const driver = new Ws281xDriver({
    ledCount: 2,
    stripType: 'sk6812-grbw',
    white: new WhiteExtractor('min'),
    load: async () => fake.lib,
    getuid: asRoot,
    board: pi3,
  });
  await driver.open();
  assert.is(fake.options()?.stripType, 'sk6812-grbw');
  driver.show(Uint8Array.from([200, 100, 50, 255, 255, 255]));
  assert.equal(fake.renders, [[0x32963200, 0xff000000]]);
  await driver.close();
  const plain = new Ws281xDriver({ ledCount: 1, white: new WhiteExtractor('min') });
  assert.is(plain.white, undefined);
});

test('refuses to start when not root (the library would be a silent stub), naming the fix', async () => {
  let loaded = false;
  const driver = new Ws281xDriver({
    ledCount: 300,
    load: async () => {
      loaded = true;
      return fakeLibrary().lib;
    },
    getuid: () => 1000,
  });
  try {
    await driver.open();
    assert.unreachable();
  } catch (error) {
    assert.match((error as Error).message, /ws281x needs root .* run with sudo/);
    assert.match((error as Error).message, /ddp:HOST/);
  }
  assert.not.ok(loaded, 'the library is never loaded without root');
});

test('"Hardware revision is not supported" names the board and the alternatives', async () => {
  const fake = fakeLibrary('Hardware revision is not supported');
  const driver = new Ws281xDriver({
    ledCount: 300,
    load: async () => fake.lib,
    getuid: asRoot,
    board: boardFiles('Raspberry Pi 4 Model B Rev 1.5', 'd03115'),
  });
  try {
    await driver.open();
    assert.unreachable();
  } catch (error) {
    const message = (error as Error).message;
    assert.match(message, /does not support Raspberry Pi 4 Model B Rev 1\.5 \(revision d03115\)/);
    assert.match(message, /ddp:HOST or e131:HOST/);
    assert.match(message, /tpm2:/);
  }
  assert.equal(fake.calls, ['init', 'finalize']);
});

test('a machine that is not a Pi, or a Pi 5, is refused before the library is loaded', async () => {
  for (const [model, expected] of [
    ['', /no Raspberry Pi model in .* is not a Raspberry Pi; drive the strip instead through --output ddp/],
    [
      'Raspberry Pi 5 Model B Rev 1.0',
      /cannot drive the Raspberry Pi 5 Model B Rev 1\.0 \(revision d04170\).*--output leds:\/dev\/leds0 with `dtoverlay=ws2812-pio/,
    ],
  ] as const) {
    let loaded = false;
    const driver = new Ws281xDriver({
      ledCount: 300,
      load: async () => {
        loaded = true;
        return fakeLibrary().lib;
      },
      getuid: asRoot,
      board: model
        ? boardFiles(model, 'd04170')
        : { model: '/nonexistent/model', cpuinfo: '/nonexistent/cpuinfo' },
    });
    try {
      await driver.open();
      assert.unreachable();
    } catch (error) {
      assert.match((error as Error).message, expected);
    }
    assert.not.ok(loaded);
  }
});

test('readBoard without a device tree says so', () => {
  const info = readBoard({ model: '/nonexistent/model', cpuinfo: '/nonexistent/cpuinfo' });
  assert.is(info.model, undefined);
  assert.match(info.text, /no Raspberry Pi model in \/nonexistent\/model/);
});

test('a missing library, an unsupported pin and other init errors each explain the fix', async () => {
  const missing = new Ws281xDriver({
    ledCount: 300,
    load: async () => {
      throw new Error("Cannot find package 'rpi-ws281x-native'");
    },
    getuid: asRoot,
    board: pi3,
  });
  try {
    await missing.open();
    assert.unreachable();
  } catch (error) {
    assert.match((error as Error).message, /npm install rpi-ws281x-native/);
  }
  const pin = new Ws281xDriver({
    ledCount: 300,
    gpio: 4,
    load: async () => fakeLibrary().lib,
    getuid: asRoot,
    board: pi3,
  });
  try {
    await pin.open();
    assert.unreachable();
  } catch (error) {
    assert.match((error as Error).message, /GPIO 4 cannot drive the strip; use --ws281x-gpio 18/);
  }
  const busy = new Ws281xDriver({
    ledCount: 300,
    load: async () => fakeLibrary('mmap() failed').lib,
    getuid: asRoot,
    board: pi3,
  });
  try {
    await busy.open();
    assert.unreachable();
  } catch (error) {
    assert.match((error as Error).message, /failed to start on GPIO 18 \(mmap\(\) failed\)/);
  }
});

test('show before open throws; close before open is a no-op', async () => {
  const driver = new Ws281xDriver({
    ledCount: 1,
    load: async () => fakeLibrary().lib,
    getuid: asRoot,
    board: pi3,
  });
  assert.throws(() => driver.show(new Uint8Array(3)), /call open\(\) first/);
  await driver.close();
});

test.run();
