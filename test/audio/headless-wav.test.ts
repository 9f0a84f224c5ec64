/**
 * Headless runs write the run's sound: a Tetris line clear at tick N starts its effect at sample
 * N·rate/fps, the same seed and inputs give byte-identical files (replays too), volume 0 is
 * silence. sox reads the files as an independent check (skipped with a message when missing).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { SevenBag } from '../../games/tetris/bag.ts';
import { WALL } from '../../games/tetris/palette.ts';
import { I, J, L } from '../../games/tetris/pieces.ts';
import { SOUNDS } from '../../games/tetris/sounds.ts';
import { Mixer } from '../../src/audio/mixer.ts';
import { onPath } from '../../src/audio/open-output.ts';
import { soundBank } from '../../src/audio/sound-bank.ts';
import { runHeadless } from '../../src/cli/headless.ts';
import { defaultOptions } from '../../src/cli/options.ts';
import { prepareTable } from '../../src/cli/table-setup.ts';
import { MemoryLogger } from '../../src/engine/log.ts';
import { Random } from '../../src/engine/random.ts';
import { runCli } from '../helpers/run-cli.ts';

const RATE = 22050;
const FPS = 60;
const TICKS = 90;
const dir = mkdtempSync(join(tmpdir(), 'ledtable-wav-'));
const hasSox = onPath('sox', process.env);

/** A seed whose first three pieces are I, J and L: flat on the floor they fill the bottom row. */
function lineClearSeed(): { seed: number; pieces: number[] } {
  for (let seed = 1; ; seed++) {
    const bag = new SevenBag(new Random(seed));
    const pieces = [bag.next(), bag.next(), bag.next()];
    if ([...pieces].sort().join() === [I, J, L].sort().join()) return { seed, pieces };
  }
}

/** Taps that move each piece from spawn (columns 3..) to its place, then hard-drop it. */
function lineClearInputs(pieces: readonly number[]): string {
  const shift: Record<number, number> = { [I]: -3, [J]: 1, [L]: 4 };
  const events: object[] = [];
  pieces.forEach((piece, k) => {
    let tick = 10 + k * 24;
    const moves = shift[piece]!;
    const button = moves < 0 ? 'left' : 'right';
    for (let m = 0; m < Math.abs(moves); m++, tick += 2) {
      events.push(
        { tick, player: 0, button, down: true },
        { tick: tick + 1, player: 0, button, down: false },
      );
    }
    events.push({ tick: tick + 2, player: 0, button: 'up', down: true });
    events.push({ tick: tick + 3, player: 0, button: 'up', down: false });
  });
  const file = join(dir, 'clear.json');
  writeFileSync(file, JSON.stringify(events));
  return file;
}

const { seed, pieces } = lineClearSeed();
const inputs = lineClearInputs(pieces);

async function tetrisWav(name: string, ...extra: string[]): Promise<{ file: string; frames: string[] }> {
  const file = join(dir, name);
  const { code, err } = await runCli(
    dir,
    'play',
    'tetris',
    '--headless',
    '--ticks',
    String(TICKS),
    '--seed',
    String(seed),
    '--inputs',
    inputs,
    '--out',
    file,
    ...extra,
  );
  assert.is(code, 0, err);
  assert.match(err, `sound: wav ${file}`);
  return { file, frames: [] };
}

function samplesOf(file: string): Int16Array {
  const bytes = readFileSync(file);
  assert.is(bytes.toString('ascii', 0, 4), 'RIFF');
  const data = bytes.subarray(44);
  return new Int16Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength));
}

/**
 * The tick whose frame first flashes a full row of the well white (the line clear), read from
 * the frames of the same run: the well is the cells between the two grey walls of the bottom row.
 */
async function clearTick(): Promise<number> {
  const options = { ...defaultOptions(), seed, inputs, ticks: TICKS };
  const setup = await prepareTable(options, {}, new MemoryLogger());
  let found = -1;
  await runHeadless(setup, 'tetris', {}, new MemoryLogger(), {
    onFrame(frame, tick) {
      if (found >= 0) return;
      const y = frame.height - 1;
      const row = Array.from({ length: frame.width }, (_, x) => frame.get(x, y));
      const left = row.indexOf(WALL);
      const right = row.lastIndexOf(WALL);
      const well = row.slice(left + 1, right);
      if (well.length === 10 && well.every((c) => c === 0xffffff)) found = tick;
    },
  });
  if (found < 0) throw new Error('no line clear within the run');
  return found;
}

test('a Tetris line clear at tick N starts its effect at sample N·rate/fps', async () => {
  const { file } = await tetrisWav('clear.wav', '--no-music');
  const pcm = samplesOf(file);
  assert.is(pcm.length, Math.floor((TICKS * RATE) / FPS));
  // the clear effect alone, as the mixer renders it at the same volume
  const mixer = new Mixer(RATE, FPS);
  mixer.levels.volume = 80;
  mixer.play(soundBank(SOUNDS, 'tetris', RATE).effects.get('clear')!);
  const reference = new Int16Array(2000);
  for (let at = 0; at < reference.length; ) {
    const tick = mixer.renderTick();
    reference.set(tick.subarray(0, Math.min(tick.length, reference.length - at)), at);
    at += tick.length;
  }
  // which tick start matches it best (normalized correlation)
  let best = -1;
  let bestScore = -Infinity;
  for (let tick = 0; tick < TICKS - 6; tick++) {
    const start = Math.floor((tick * RATE) / FPS);
    let dot = 0;
    let norm = 1;
    for (let i = 0; i < reference.length; i++) {
      dot += pcm[start + i]! * reference[i]!;
      norm += pcm[start + i]! * pcm[start + i]!;
    }
    const score = dot / Math.sqrt(norm);
    if (score > bestScore) [best, bestScore] = [tick, score];
  }
  const n = await clearTick();
  assert.ok(Math.abs(best - n) <= 1, `the clear sound starts at tick ${best}, the row filled at tick ${n}`);
});

test('the same seed and inputs give byte-identical WAV files; a replay gives them again', async () => {
  const record = join(dir, 'run.replay.json');
  const a = await tetrisWav('a.wav', '--record', record);
  const b = await tetrisWav('b.wav');
  assert.ok(readFileSync(a.file).equals(readFileSync(b.file)));
  const replayed = join(dir, 'replayed.wav');
  const { code, err } = await runCli(dir, 'replay', record, '--headless', '--out', replayed);
  assert.is(code, 0, err);
  assert.ok(readFileSync(a.file).equals(readFileSync(replayed)), 'the replay has the same samples');
  assert.ok(
    samplesOf(a.file).some((s) => s !== 0),
    'and they are not silence',
  );
});

test('--volume 0 writes silence of the right length', async () => {
  const { file } = await tetrisWav('quiet.wav', '--volume', '0');
  const pcm = samplesOf(file);
  assert.is(pcm.length, Math.floor((TICKS * RATE) / FPS));
  assert.ok(pcm.every((s) => s === 0));
});

test('--audio wav:FILE writes the same samples as --out FILE.wav', async () => {
  const viaOut = await tetrisWav('out.wav');
  const viaAudio = join(dir, 'audio.wav');
  const { code } = await runCli(
    dir,
    'play',
    'tetris',
    '--headless',
    '--ticks',
    String(TICKS),
    '--seed',
    String(seed),
    '--inputs',
    inputs,
    '--audio',
    `wav:${viaAudio}`,
  );
  assert.is(code, 0);
  assert.ok(readFileSync(viaOut.file).equals(readFileSync(viaAudio)));
});

test('sox reads the file as 22,050 Hz 16-bit mono of the run length (independent reader)', async () => {
  if (!hasSox) {
    console.log('  skipped: sox is not installed (apt-get install sox)');
    return;
  }
  const { file } = await tetrisWav('sox.wav');
  const samples = Math.floor((TICKS * RATE) / FPS);
  const info = (flag: string) => execFileSync('sox', ['--i', flag, file], { encoding: 'utf8' }).trim();
  assert.is(info('-r'), String(RATE));
  assert.is(info('-c'), '1');
  assert.is(info('-b'), '16');
  assert.is(info('-s'), String(samples));
  assert.is(statSync(file).size, 44 + samples * 2);
});

test('a wrong --audio or --volume is a usage error naming the choices', async () => {
  const bad = await runCli(dir, 'play', 'tetris', '--headless', '--audio', 'speakers', '--volume', '120');
  assert.is(bad.code, 2);
  assert.match(bad.err, /--audio.*must be one of auto, off, alsa, pulse, pipewire, sox, alsa:DEVICE/);
  assert.match(bad.err, /--volume/);
});

test.run();
