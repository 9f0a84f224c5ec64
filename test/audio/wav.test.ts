/**
 * WAV files both ways: what the writer makes reads back sample for sample, samples in other
 * formats (8/24-bit, stereo, other rates; sox writes them as an independent encoder) decode to
 * mono at the mixer's rate, and a game's `sample` sound plays from its folder.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Mixer } from '../../src/audio/mixer.ts';
import { onPath } from '../../src/audio/open-output.ts';
import { soundBank } from '../../src/audio/sound-bank.ts';
import { decodeWav, WavWriter, wavHeader } from '../../src/audio/wav.ts';

const RATE = 22050;
const dir = mkdtempSync(join(tmpdir(), 'ledtable-wavfile-'));
const ramp = Int16Array.from({ length: 1000 }, (_, i) => (i - 500) * 60);

test('the writer streams samples and patches the sizes at close; the reader gets them back', () => {
  const file = join(dir, 'ramp.wav');
  const writer = new WavWriter(file, RATE);
  writer.write(ramp.subarray(0, 400));
  writer.write(ramp.subarray(400));
  writer.close();
  const bytes = readFileSync(file);
  assert.is(bytes.length, 44 + 2000);
  assert.ok(bytes.subarray(0, 44).equals(wavHeader(2000, RATE)));
  const decoded = decodeWav(bytes, RATE);
  assert.equal(
    Array.from(decoded, (v) => Math.round(v * 32768)),
    Array.from(ramp),
  );
});

test('8-bit stereo at 44,100 Hz becomes mono at 22,050 Hz (channels averaged)', () => {
  const frames = 882;
  const header = Buffer.from(wavHeader(frames * 2, 44100, 2));
  header.writeUInt16LE(8, 34); // bits
  header.writeUInt16LE(2, 32); // block align
  header.writeUInt32LE(44100 * 2, 28);
  const data = Buffer.alloc(frames * 2);
  for (let f = 0; f < frames; f++) {
    data[f * 2] = 128 + 64; // left +0.5
    data[f * 2 + 1] = 128; // right 0
  }
  const mono = decodeWav(Buffer.concat([header, data]), RATE);
  assert.is(mono.length, 441);
  assert.ok(mono.every((v) => Math.abs(v - 0.25) < 1e-6));
});

test('a file that is not a WAV, or not PCM, says how to convert it', () => {
  assert.throws(
    () => decodeWav(Buffer.from('ID3 not a wav at all'), RATE, 'boom.wav'),
    /boom.wav is not a WAV file; convert it with: sox/,
  );
  const header = Buffer.from(wavHeader(4, RATE));
  header.writeUInt16LE(2, 20); // ADPCM
  assert.throws(
    () => decodeWav(Buffer.concat([header, Buffer.alloc(4)]), RATE),
    /format 2 with 16 bits, not integer PCM/,
  );
});

test('a sample sound plays from the game folder; a missing file names itself', () => {
  const file = join(dir, 'boom.wav');
  const writer = new WavWriter(file, RATE);
  writer.write(ramp);
  writer.close();
  const text = 'sample boom file=boom.wav vol=1';
  const bank = soundBank(text, 'test', RATE, (name) => readFileSync(join(dir, name)));
  const mixer = new Mixer(RATE, 60);
  mixer.play(bank.effects.get('boom')!);
  const tick = mixer.renderTick();
  // master gain at volume 100 is 0.5 (headroom)
  for (let i = 0; i < tick.length; i++) assert.ok(Math.abs(tick[i]! - ramp[i]! * 0.5) <= 1, `sample ${i}`);
  assert.throws(
    () =>
      soundBank('sample gone file=gone.wav', 'games/x sounds', RATE, (name) => readFileSync(join(dir, name))),
    /games\/x sounds: sample gone: cannot read gone.wav/,
  );
});

test('sox-made files (24-bit stereo at 48 kHz) decode to the same tone (independent encoder)', () => {
  if (!onPath('sox', process.env)) {
    console.log('  skipped: sox is not installed (apt-get install sox)');
    return;
  }
  const file = join(dir, 'sox.wav');
  execFileSync('sox', [
    '-n',
    '-r',
    '48000',
    '-b',
    '24',
    '-c',
    '2',
    file,
    'synth',
    '0.1',
    'sine',
    '441',
    'vol',
    '0.5',
  ]);
  const mono = decodeWav(readFileSync(file), RATE);
  assert.is(mono.length, Math.floor((4800 * RATE) / 48000));
  const peak = Math.max(...Array.from(mono, Math.abs));
  assert.ok(peak > 0.45 && peak <= 0.51, `peak ${peak}`);
  // 441 Hz at 22,050 Hz: one period is 50 samples
  let crossings = 0;
  for (let i = 1; i < mono.length; i++) if (mono[i - 1]! < 0 && mono[i]! >= 0) crossings++;
  assert.ok(Math.abs(crossings - 44) <= 1, `${crossings} periods in 0.1 s`);
});

test.run();
