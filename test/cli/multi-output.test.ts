import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { resolveOptions } from '../../src/cli/options.ts';
import { createDrivers } from '../../src/cli/outputs.ts';
import { Canvas } from '../../src/gfx/canvas.ts';
import { ColorPipeline } from '../../src/output/color-pipeline.ts';
import { compileLayout, layoutFromSpec } from '../../src/output/layout.ts';
import { OutputStage } from '../../src/output/output-stage.ts';
import { UdpReceiver } from '../hardware/udp-receiver.ts';

const noFiles = (path: string): string => {
  throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
};

/** A canvas where pixel (x, y) is 0xXXYY01 (x, y < 256): every LED says which pixel it shows. */
function positionCanvas(width: number, height: number): Canvas {
  const canvas = new Canvas(width, height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) canvas.set(x, y, (x << 16) | (y << 8) | 1);
  return canvas;
}

async function stageFor(argv: string[]) {
  const { options, problems } = resolveOptions(argv, {}, noFiles);
  assert.equal(problems, []);
  const layout = layoutFromSpec(options.layout, options.width, options.height);
  const drivers = await createDrivers({ layout, options, stdout: process.stdout, env: {} });
  const pipeline = new ColorPipeline({ brightness: 100, gamma: 1, budgetMilliamps: 0 });
  const stage = new OutputStage(layout, drivers, pipeline, (_d, error) => {
    throw error;
  });
  return { stage, drivers };
}

test('40×30 over four DDP receivers, one 20×15 panel each with its own layout: every pixel once, each only its part', async () => {
  const rx = await Promise.all([0, 1, 2, 3].map(() => UdpReceiver.start()));
  const panels = [
    { x: 0, y: 0, layout: 'columns/serpentine/top-left' },
    { x: 20, y: 0, layout: 'rows/serpentine/top-right' },
    { x: 0, y: 15, layout: 'columns/progressive/bottom-left' },
    { x: 20, y: 15, layout: 'rows/serpentine/bottom-right' },
  ];
  const argv = ['--width', '40', '--height', '30', '--layout', 'rows,progressive,top-left'];
  panels.forEach((p, i) => {
    argv.push('--output', `ddp:127.0.0.1:${rx[i]!.port}?region=20x15+${p.x}+${p.y}&layout=${p.layout}`);
  });
  const { stage, drivers } = await stageFor(argv);
  assert.is(drivers.length, 4);
  await stage.open();
  stage.show(positionCanvas(40, 30));
  await Promise.all(rx.map((r) => r.until(1)));
  const seen = new Map<string, number>();
  panels.forEach((panel, i) => {
    const packet = rx[i]!.packets[0]!;
    assert.is(packet.length, 10 + 900, `receiver ${i} gets 300 LEDs in one packet`);
    const local = layoutFromSpec(panel.layout.replaceAll('/', ','), 20, 15);
    for (let py = 0; py < 15; py++) {
      for (let px = 0; px < 20; px++) {
        const led = local.ledOf[py * 20 + px]!;
        const at = 10 + led * 3;
        const [x, y, one] = [packet[at]!, packet[at + 1]!, packet[at + 2]!];
        assert.equal([x, y, one], [panel.x + px, panel.y + py, 1], `receiver ${i} LED ${led}`);
        seen.set(`${x},${y}`, (seen.get(`${x},${y}`) ?? 0) + 1);
      }
    }
  });
  assert.is(seen.size, 1200, 'every pixel of the 40×30 canvas arrived');
  assert.ok(
    [...seen.values()].every((n) => n === 1),
    'and exactly once',
  );
  await stage.close();
  await Promise.all(rx.map((r) => r.close()));
});

test('64×64 over E1.31: 4096 LEDs need 25 universes at 170 LEDs each (24 × 170 = 4080 < 4096); every pixel once', async () => {
  const rx = await UdpReceiver.start();
  const { stage } = await stageFor([
    '--width',
    '64',
    '--height',
    '64',
    '--layout',
    'rows,serpentine,top-left',
    '--e131-universe',
    '10',
    '--output',
    `e131:127.0.0.1:${rx.port}`,
  ]);
  await stage.open();
  stage.show(positionCanvas(64, 64));
  await rx.until(25);
  const universes = rx.packets.map((p) => p.readUInt16BE(113));
  assert.equal(
    universes,
    Array.from({ length: 25 }, (_, i) => 10 + i),
  );
  assert.equal(
    rx.packets.map((p) => p.length - 126),
    [...new Array(24).fill(510), 16 * 3],
  );
  const strip = Buffer.concat(rx.packets.map((p) => p.subarray(126)));
  const layout = compileLayout(64, 64, {
    order: 'rows',
    serpentine: true,
    start: 'top-left',
    rotate: 0,
    mirror: 'none',
  });
  const seen = new Set<number>();
  for (let led = 0; led < 4096; led++) {
    const [x, y] = [strip[led * 3]!, strip[led * 3 + 1]!];
    assert.is(layout.ledOf[y * 64 + x], led, `LED ${led} shows pixel ${x},${y}`);
    seen.add(y * 64 + x);
  }
  assert.is(seen.size, 4096);
  await stage.close();
  await rx.close();
});

test('two controllers with half a strip each (leds=FIRST-LAST), RGBW on one', async () => {
  const [a, b] = await Promise.all([UdpReceiver.start(), UdpReceiver.start()]);
  const { stage } = await stageFor([
    '--output',
    `ddp:127.0.0.1:${a.port}?leds=0-149,ddp:127.0.0.1:${b.port}?leds=150-299&order=rgbw&white=min`,
  ]);
  await stage.open();
  const canvas = new Canvas(20, 15);
  canvas.clear(0x808080);
  stage.show(canvas);
  await Promise.all([a.until(1), b.until(1)]);
  assert.is(a.packets[0]!.length, 10 + 450);
  assert.is(a.packets[0]![2], 0x0b, 'RGB data type');
  assert.is(b.packets[0]!.length, 10 + 600);
  assert.is(b.packets[0]![2], 0x1b, 'RGBW data type');
  assert.equal(Array.from(b.packets[0]!.subarray(10, 14)), [0, 0, 0, 0x80], 'grey goes to the white LED');
  await stage.close();
  await Promise.all([a.close(), b.close()]);
});

test('bad per-output parameters are usage errors naming the output and the fix', async () => {
  const bad: [string[], RegExp][] = [
    [['--output', 'ddp:127.0.0.1?region=30x15+0+0'], /region=30x15\+0\+0 leaves the 20×15 canvas/],
    [['--output', 'ddp:127.0.0.1?leds=0-300'], /leds=0-300 lies outside the table's LEDs 0-299/],
    [['--output', 'tpm2file:/tmp/x.tpm2?order=grbw'], /carries RGB only/],
  ];
  for (const [argv, expected] of bad) {
    try {
      await stageFor(argv);
      assert.unreachable(argv.join(' '));
    } catch (error) {
      assert.match((error as Error).message, expected);
    }
  }
  const { problems } = resolveOptions(['--output', 'ddp:h?regoin=1'], {}, noFiles);
  assert.match(
    problems.join('\n'),
    /unknown parameter "regoin"; parameters: region, leds, layout, order, white/,
  );
});

test.run();
