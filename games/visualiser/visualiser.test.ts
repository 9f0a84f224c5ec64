import { execFileSync } from 'node:child_process';
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { PcmCapture } from '../../src/sound-in/pcm-capture.ts';
import { readWavInfo, writeWav } from '../../src/sound-in/wav.ts';
import { Harness } from '../../src/testing/index.ts';
import visualiser from './index.ts';
import { Spectrum } from './spectrum.ts';

const RATE = 22050;
const dir = mkdtempSync(join(tmpdir(), 'ledtable-visualiser-'));

/** Tones one after the other: [frequency Hz, seconds, amplitude 0..1]. */
function tones(file: string, parts: readonly (readonly [number, number, number])[]): string {
  const samples: number[] = [];
  for (const [hz, seconds, amp] of parts) {
    const n = Math.round(seconds * RATE);
    for (let i = 0; i < n; i++) samples.push(amp * Math.sin((2 * Math.PI * hz * i) / RATE));
  }
  writeWav(join(dir, file), samples, RATE);
  return join(dir, file);
}

/** The production path: the WAV's PCM data as a stream into a PcmCapture, all of it read. */
async function captureOf(file: string): Promise<PcmCapture> {
  const info = readWavInfo(file);
  const capture = new PcmCapture({
    sampleRate: info.rate,
    rate: 60,
    maxLatency: Number.POSITIVE_INFINITY,
  });
  await capture.attach(
    createReadStream(file, {
      start: info.dataOffset,
      end: info.dataOffset + info.dataLength - 1,
      highWaterMark: 999,
    }),
  );
  return capture;
}

async function listen(file: string): Promise<Harness> {
  const capture = await captureOf(file);
  return Harness.start(visualiser, { audioIn: () => capture });
}

/** Height in rows of each of the 20 bars (lit pixels counted from the bottom, peak dots aside). */
function heights(t: Harness): number[] {
  const out: number[] = [];
  for (let x = 0; x < 20; x++) {
    let h = 0;
    while (h < 15 && t.pixel(x, 14 - h) !== 0 && t.pixel(x, 14 - h) !== 0xffffff) h++;
    out.push(h);
  }
  return out;
}

const spectrum = new Spectrum(1024, RATE, 20);

test('a 440 Hz tone lights its band, then a 4 kHz tone lights another', async () => {
  const t = await listen(
    tones('two.wav', [
      [440, 1, 0.5],
      [4000, 1, 0.5],
    ]),
  );
  await t.step(45);
  const first = heights(t);
  const low = spectrum.bandOf(440);
  assert.is(first.indexOf(Math.max(...first)), low, `tallest bar at band ${low}: ${first}`);
  assert.ok(first[low]! >= 12, `the tone fills its bar: ${first}`);
  await t.step(60);
  const second = heights(t);
  const high = spectrum.bandOf(4000);
  assert.is(second.indexOf(Math.max(...second)), high, `tallest bar at band ${high}: ${second}`);
  assert.ok(second[low]! <= 4, `the 440 Hz bar has fallen: ${second}`);
});

test('automatic gain: a whisper and a shout of the same tone fill the bar alike', async () => {
  const quiet = await listen(tones('quiet.wav', [[1000, 1.5, 0.02]]));
  const loud = await listen(tones('loud.wav', [[1000, 1.5, 0.9]]));
  await quiet.step(60);
  await loud.step(60);
  const band = spectrum.bandOf(1000);
  const q = heights(quiet)[band]!;
  const l = heights(loud)[band]!;
  assert.ok(q >= 12 && Math.abs(q - l) <= 1, `quiet ${q} rows, loud ${l} rows`);
});

test('the VU face: silence is dark, a tone fills the meter', async () => {
  const t = await listen(
    tones('vu.wav', [
      [0, 0.5, 0],
      [300, 1, 0.4],
    ]),
  );
  t.tap('right');
  await t.step(20);
  assert.is(t.pixel(10, 5), 0, 'silence: no bar');
  await t.step(40);
  assert.ok(t.pixel(12, 5) !== 0, 'the tone lights most of the meter');
});

test('without sound the app says so and why', async () => {
  const none = await Harness.start(visualiser);
  await none.step(2);
  assert.ok(none.frame().includes('#'), 'NO MIC');
  const silent = new PcmCapture({ sampleRate: RATE, rate: 60 });
  silent.problem = 'arecord is not installed: sudo apt install alsa-utils';
  const t = await Harness.start(visualiser, { audioIn: () => silent });
  await t.step(2);
  assert.is(t.pixel(0, 0), 0);
  assert.ok(t.frame().split('\n').slice(9, 14).join('').includes('#'), 'the problem scrolls below');
});

test('a WAV made by sox goes the same way', async () => {
  const file = join(dir, 'sox.wav');
  try {
    execFileSync('sox', [
      '-n',
      '-r',
      String(RATE),
      '-c',
      '1',
      '-b',
      '16',
      file,
      'synth',
      '1',
      'sine',
      '2000',
      'vol',
      '0.5',
    ]);
  } catch {
    console.log('  (skipped: sox is not installed)');
    return;
  }
  const t = await listen(file);
  await t.step(40);
  const h = heights(t);
  assert.is(h.indexOf(Math.max(...h)), spectrum.bandOf(2000), `${h}`);
});

test('the capture is closed when the app stops', async () => {
  let closed = 0;
  const capture = new PcmCapture({ sampleRate: RATE, rate: 60, onClose: () => closed++ });
  const t = await Harness.start(visualiser, { audioIn: () => capture });
  await t.step(2);
  t.tap('back');
  await t.step(2);
  assert.is(closed, 1);
});

test.after(() => rmSync(dir, { recursive: true, force: true }));

test.run();
