import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Canvas } from '../../src/gfx/canvas.ts';
import { ColorPipeline } from '../../src/output/color-pipeline.ts';
import type { LedDriver } from '../../src/output/driver.ts';
import { compileLayout, DEFAULT_LAYOUT } from '../../src/output/layout.ts';
import { MemoryDriver } from '../../src/output/memory-driver.ts';
import { OutputStage } from '../../src/output/output-stage.ts';
import { StripMapper } from '../../src/output/strip-frame.ts';
import { TerminalDriver } from '../../src/output/terminal-driver.ts';
import { FakeTerminal } from './fake-terminal.ts';

const layout = compileLayout(20, 15, DEFAULT_LAYOUT);

function gradient(): Canvas {
  const canvas = new Canvas(20, 15);
  for (let i = 0; i < canvas.pixels.length; i++) canvas.pixels[i] = (i * 37) % 256;
  return canvas;
}

/** A driver that counts what reaches it. */
function counting(keepAliveMs?: number): LedDriver & { frames: number } {
  return {
    name: 'counting',
    frames: 0,
    ...(keepAliveMs === undefined ? {} : { keepAliveMs }),
    async open() {},
    show() {
      this.frames++;
    },
    async close() {},
  };
}

test('golden frame: previews show the LEDs as they look, exactly as the old inverse-in-the-terminal path did', async () => {
  // Brightness 60 % and a budget that makes the limiter act: every step of the pipeline matters.
  const options = { brightness: 60, gamma: 2.2, budgetMilliamps: 1500 };
  const term = new FakeTerminal(80, 24);
  const terminal = new TerminalDriver({ stream: term, width: 20, height: 15, scale: 1, colors: 'truecolor' });
  const memory = new MemoryDriver();
  const stage = new OutputStage(layout, [memory, terminal], new ColorPipeline(options), () => {});
  await stage.open();
  const canvas = gradient();
  stage.show(canvas);
  // The old path: canvas → strip order → pipeline → the terminal mapped back and undid gamma.
  const strip = new StripMapper(layout).map(canvas.pixels).slice();
  new ColorPipeline(options).apply(strip);
  assert.equal(Array.from(memory.lastFrame!), Array.from(strip), 'LED bytes are unchanged');
  const expected: number[] = [];
  for (let p = 0; p < 300; p++) {
    const led = layout.ledOf[p]!;
    const [r, g, b] = [0, 1, 2].map((c) => Math.round(255 * (strip[led * 3 + c]! / 255) ** (1 / 2.2)));
    expected.push((r! << 16) | (g! << 8) | b!);
  }
  const left = Math.floor((80 - 20) / 2);
  const top = Math.floor((24 - 8 - 1) / 2);
  const shown: number[] = [];
  for (let y = 0; y < 15; y++) for (let x = 0; x < 20; x++) shown.push(term.halfAt(left + x, 2 * top + y));
  assert.equal(shown, expected);
});

test('an unchanged frame reaches only drivers that need it: keep-alives for network receivers, every frame for recordings', async () => {
  const holds = counting(); // WS2812, TPM2 serial: the device keeps showing the last frame
  const network = counting(1000); // DDP, E1.31: re-sent each second so the receiver stays in realtime mode
  const recording = counting(0); // tpm2file: one frame per tick
  const stage = new OutputStage(
    layout,
    [holds, network, recording],
    new ColorPipeline({ brightness: 100 }),
    () => {},
    60,
  );
  const canvas = gradient();
  for (let tick = 0; tick < 150; tick++) stage.show(canvas); // 2.5 s at rest
  assert.is(holds.frames, 1);
  assert.is(network.frames, 3, 'the first frame, then one each second');
  assert.is(recording.frames, 150);
  canvas.set(0, 0, 0xffffff);
  stage.show(canvas);
  assert.is(holds.frames, 2, 'a change goes out at once');
});

test('a brightness change with the same canvas is a changed frame', () => {
  const holds = counting();
  const pipeline = new ColorPipeline({ brightness: 100 });
  const stage = new OutputStage(layout, [holds], pipeline, () => {});
  const canvas = gradient();
  stage.show(canvas);
  stage.show(canvas);
  pipeline.setBrightness(40);
  stage.show(canvas);
  assert.is(holds.frames, 2);
});

test('a tap added at rest sees the current frame as people see it', () => {
  const stage = new OutputStage(layout, [], new ColorPipeline({ brightness: 100, gamma: 2.2 }), () => {});
  const canvas = new Canvas(20, 15);
  canvas.set(3, 2, 0x80ff00);
  stage.show(canvas);
  stage.show(canvas);
  let seen: number[] = [];
  stage.tap((frame) => {
    seen = Array.from(frame.subarray((2 * 20 + 3) * 3, (2 * 20 + 3) * 3 + 3));
  });
  stage.show(canvas);
  assert.equal(seen, [0x80, 0xff, 0x00], 'sRGB 128 is sent to the LEDs as 56 and shown as 128 again');
});

test.run();
