import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import tpm2 from '../../games/tpm2/index.ts';
import { Tpm2FileDriver } from '../../hardware/tpm2-file.ts';
import { Canvas } from '../../src/gfx/canvas.ts';
import { ColorPipeline } from '../../src/output/color-pipeline.ts';
import type { LedDriver } from '../../src/output/driver.ts';
import { compileLayout, DEFAULT_LAYOUT } from '../../src/output/layout.ts';
import { MemoryDriver } from '../../src/output/memory-driver.ts';
import { OutputStage } from '../../src/output/output-stage.ts';
import { Harness } from '../../src/testing/index.ts';

// The table as shipped: gamma 2.2, 80 % brightness and a current budget the full-white corner
// exceeds, so brightness, gamma and the limiter all change the bytes. (The older tests used a
// pipeline with gamma 1 and 100 %, under which recording before or after it is the same.)
const stageWith = (drivers: LedDriver[]) =>
  new OutputStage(
    compileLayout(20, 15, DEFAULT_LAYOUT),
    drivers,
    new ColorPipeline({ brightness: 80, gamma: 2.2, budgetMilliamps: 2000 }),
    (_driver, error) => {
      throw error;
    },
  );

function picture(): Canvas {
  const canvas = new Canvas(20, 15);
  for (let y = 0; y < 15; y++)
    for (let x = 0; x < 20; x++)
      canvas.set(x, y, x < 4 && y < 4 ? 0xffffff : (56 << 16) | ((x * 12) << 8) | (y * 17));
  return canvas;
}

test('tpm2file: record → play tpm2 sends the same LED bytes as the run did', async () => {
  const path = join(mkdtempSync(join(tmpdir(), 'ledtable-roundtrip-')), 'run.tpm2');
  const live = new MemoryDriver();
  const recorder = new Tpm2FileDriver({ path, ledCount: 300 });
  const recording = stageWith([recorder, live]);
  await recording.open();
  for (let i = 0; i < 20; i++) recording.show(picture());
  const sent = Array.from(live.lastFrame ?? []);
  await recording.close(); // appends the black frame

  const t = await Harness.start(tpm2, { params: { path }, settings: { fps: 5 } });
  await t.step(121); // past the 2 s name banner; frame 10 of 21 (the black one is last)
  assert.is(t.pixel(5, 5), picture().get(5, 5), 'the player draws the colours the game drew');
  const played = new MemoryDriver();
  const playback = stageWith([played]);
  await playback.open();
  playback.show(t.canvas);
  assert.equal(Array.from(played.lastFrame ?? []), sent);
  await playback.close();
});

test('tpm2file with stage led records the bytes the LEDs were sent', async () => {
  const path = join(mkdtempSync(join(tmpdir(), 'ledtable-roundtrip-')), 'led.tpm2');
  const live = new MemoryDriver();
  const stage = stageWith([new Tpm2FileDriver({ path, ledCount: 300, stage: 'led' }), live]);
  await stage.open();
  stage.show(picture());
  const sent = Array.from(live.lastFrame ?? []);
  await stage.close();
  const { readFileSync } = await import('node:fs');
  const bytes = readFileSync(path);
  assert.equal(Array.from(bytes.subarray(4, 4 + 900)), sent);
});

test.run();
