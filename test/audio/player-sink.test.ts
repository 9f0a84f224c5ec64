/**
 * The player outputs at their boundary: real processes reading raw PCM on stdin (aplay into an
 * ALSA file PCM; `cat` standing in for a player we can kill), a manual millisecond clock for the
 * queue estimate. A missing player is one line; a player killed mid-game never stops the game.
 */
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import tetris from '../../games/tetris/index.ts';
import { AudioService } from '../../src/audio/audio-service.ts';
import { onPath, openAudioOutput } from '../../src/audio/open-output.ts';
import { SilentSink } from '../../src/audio/pcm-sink.ts';
import { alsaPlayer, PlayerSink, type PlayerSpec, soxPlayer } from '../../src/audio/player-sink.ts';
import { decodeWav } from '../../src/audio/wav.ts';
import { Stepper } from '../../src/table/stepper.ts';

const RATE = 22050;
const FPS = 60;
const TICK_MS = 1000 / FPS;
const dir = mkdtempSync(join(tmpdir(), 'ledtable-player-'));

/** A "player" that appends what it reads to `file` (sh's exec: its pid is the one we kill). */
const catInto = (file: string): PlayerSpec => ({
  label: 'cat',
  command: 'sh',
  args: ['-c', `exec cat >> '${file}'`],
});

function clock() {
  const time = { now: 0 };
  return { time, now: () => time.now };
}

/** A tick of a 441 Hz square wave at ±12000 (a loud, known signal). */
function square(tick: number): Int16Array {
  const n = Math.floor(((tick + 1) * RATE) / FPS) - Math.floor((tick * RATE) / FPS);
  const start = Math.floor((tick * RATE) / FPS);
  return Int16Array.from({ length: n }, (_, i) => (Math.floor((start + i) / 25) % 2 ? 12000 : -12000));
}

const pcmOf = (file: string) => {
  const bytes = readFileSync(file);
  return new Int16Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + (bytes.byteLength & ~1)));
};

/** Resolves once `file` holds bytes (the player runs and got samples); rejects after 10 s (a hang). */
async function untilWritten(file: string): Promise<void> {
  const end = performance.now() + 10_000;
  while (!statSync(file, { throwIfNoEntry: false })?.size) {
    if (performance.now() > end) throw new Error(`${file}: the player wrote nothing in 10 s`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

test('aplay plays exactly our samples: a 20 ms cushion of silence, a 64-sample fade-in, then every tick', async () => {
  if (!onPath('aplay', process.env)) {
    console.log('  skipped: aplay is not installed (apt-get install alsa-utils)');
    return;
  }
  const out = join(dir, 'aplay.raw');
  const { time, now } = clock();
  const lines: string[] = [];
  const sink = new PlayerSink({
    player: alsaPlayer(RATE, 40, `file:FILE=${out},FORMAT=raw`),
    rate: RATE,
    fps: FPS,
    bufferMs: 40,
    log: (l) => lines.push(l),
    now,
  });
  const written: number[] = [];
  for (let t = 0; t < 30; t++) {
    const tick = square(t);
    sink.write(tick);
    written.push(...tick);
    time.now += TICK_MS;
  }
  await sink.close();
  assert.equal(lines, []);
  const played = pcmOf(out);
  const cushion = (RATE * 40) / 2000;
  assert.ok(
    played.subarray(0, cushion).every((s) => s === 0),
    'the cushion is silence',
  );
  for (let i = 0; i < 64; i++) assert.is(played[cushion + i], Math.round((written[i]! * i) / 64));
  assert.equal([...played.subarray(cushion + 64, cushion + written.length)], written.slice(64));
  assert.is(sink.stats.underruns, 0);
  assert.ok(
    sink.stats.latencyMs > 20 && sink.stats.latencyMs <= 40 + TICK_MS,
    `latency ${sink.stats.latencyMs} ms`,
  );
});

test('the sox player reads our raw format: sox turns the stream into a WAV of the same samples', async () => {
  if (!onPath('sox', process.env)) {
    console.log('  skipped: sox is not installed (apt-get install sox)');
    return;
  }
  const out = join(dir, 'sox-player.wav');
  const { time, now } = clock();
  const sink = new PlayerSink({
    player: soxPlayer(RATE, 40, out),
    rate: RATE,
    fps: FPS,
    bufferMs: 40,
    log: () => {},
    now,
  });
  const written: number[] = [];
  for (let t = 0; t < 10; t++, time.now += TICK_MS) {
    sink.write(square(t));
    written.push(...square(t));
  }
  await sink.close();
  const decoded = Array.from(decodeWav(readFileSync(out), RATE), (v) => Math.round(v * 32768));
  const cushion = (RATE * 40) / 2000;
  assert.is(decoded.length, cushion + written.length);
  assert.equal(decoded.slice(cushion + 64), written.slice(64));
});

test('a stall is one counted underrun: a silence cushion and a fade-in, not a click', async () => {
  const out = join(dir, 'stall.raw');
  const { time, now } = clock();
  const sink = new PlayerSink({
    player: catInto(out),
    rate: RATE,
    fps: FPS,
    bufferMs: 40,
    log: () => {},
    now,
  });
  let t = 0;
  for (; t < 20; t++, time.now += TICK_MS) sink.write(square(t));
  time.now += 300; // the loop stalled for 300 ms: the speaker ran dry
  for (; t < 40; t++, time.now += TICK_MS) sink.write(square(t));
  await sink.close();
  assert.is(sink.stats.underruns, 1);
  const played = pcmOf(out);
  const cushion = (RATE * 40) / 2000;
  const afterStall = cushion + Math.floor((20 * RATE) / FPS);
  assert.ok(
    played.subarray(afterStall, afterStall + cushion).every((s) => s === 0),
    'a cushion of silence',
  );
  const resumed = square(20);
  for (let i = 0; i < 64; i++)
    assert.is(played[afterStall + cushion + i], Math.round((resumed[i]! * i) / 64));
  assert.is(played[afterStall + cushion + 64], resumed[64], 'then the samples as they are');
});

test('after 2 s of silence nothing is written (the queue drains); sound resumes fresh, not as an underrun', async () => {
  const out = join(dir, 'idle.raw');
  const { time, now } = clock();
  const sink = new PlayerSink({
    player: catInto(out),
    rate: RATE,
    fps: FPS,
    bufferMs: 40,
    log: () => {},
    now,
  });
  const quiet = new Int16Array(367);
  for (let t = 0; t < 300; t++, time.now += TICK_MS) sink.write(quiet);
  sink.write(square(0));
  await sink.close();
  const cushion = (RATE * 40) / 2000;
  const played = pcmOf(out);
  assert.is(
    played.length,
    cushion + 120 * 367 + cushion + square(0).length,
    'two seconds of silence, then the sound',
  );
  assert.is(sink.stats.underruns, 0);
  assert.is(played[played.length - square(0).length + 64], square(0)[64]);
});

test('ticks arriving faster than real time are dropped beyond the buffer, so latency stays bounded', async () => {
  const out = join(dir, 'burst.raw');
  const { now } = clock();
  const sink = new PlayerSink({
    player: catInto(out),
    rate: RATE,
    fps: FPS,
    bufferMs: 40,
    log: () => {},
    now,
  });
  for (let t = 0; t < 30; t++) sink.write(square(t)); // no time passes at all
  await sink.close();
  assert.ok(sink.dropped > 0);
  assert.ok(sink.stats.latencyMs <= 40 + TICK_MS, `latency ${sink.stats.latencyMs} ms`);
});

test('a missing player is one line, and writes go nowhere without throwing', async () => {
  const lines: string[] = [];
  const sink = new PlayerSink({
    player: { label: 'nothing', command: 'ledtable-no-such-player', args: [] },
    rate: RATE,
    fps: FPS,
    bufferMs: 40,
    log: (l) => lines.push(l),
  });
  await sink.whenExited();
  for (let t = 0; t < 10; t++) sink.write(square(t));
  await sink.close();
  assert.is(lines.length, 1);
  assert.match(lines[0]!, /ledtable-no-such-player not found.*continuing without sound/);
  assert.not.ok(sink.playing);
});

test('--audio auto without aplay or pacat on PATH: silence and one line', () => {
  const lines: string[] = [];
  const sink = openAudioOutput({
    spec: 'auto',
    rate: RATE,
    fps: FPS,
    bufferMs: 40,
    env: { PATH: dir },
    log: (l) => lines.push(l),
  });
  assert.instance(sink, SilentSink);
  assert.is(lines.length, 1);
  assert.match(lines[0]!, /no player found \(aplay from alsa-utils/);
});

test('auto with a player that cannot open a device: one line, no retries', async () => {
  const lines: string[] = [];
  const sink = new PlayerSink({
    player: {
      label: 'aplay',
      command: 'sh',
      args: ['-c', 'echo "aplay: main:831: audio open error: No such file" >&2; exit 1'],
    },
    rate: RATE,
    fps: FPS,
    bufferMs: 40,
    log: (l) => lines.push(l),
    quietFallback: true,
    now: () => 0, // however slow this machine is, it failed at once
  });
  await sink.whenExited();
  for (let t = 0; t < 5; t++) sink.write(square(t));
  await sink.close();
  assert.equal(lines, [
    'sound: sh stopped: aplay: main:831: audio open error: No such file; continuing without sound',
  ]);
  assert.is(sink.stats.restarts, 0);
});

test('a player killed mid-game: the game plays on, the player restarts after a second', async () => {
  const out = join(dir, 'killed.raw');
  const { time, now } = clock();
  const lines: string[] = [];
  const sink = new PlayerSink({
    player: catInto(out),
    rate: RATE,
    fps: FPS,
    bufferMs: 40,
    log: (l) => lines.push(l),
    now,
  });
  const audio = new AudioService({ sink, fps: FPS });
  const stepper = new Stepper({ catalog: [tetris], audio, seed: 1 });
  stepper.table.play(tetris, { seed: 1 });
  const tickOnce = async (n: number) => {
    for (let i = 0; i < n; i++) {
      await stepper.step(1);
      time.now += TICK_MS;
    }
  };
  await tickOnce(30);
  // Mid-game means the player is running: on a loaded machine `sh` may not even have opened the
  // file yet after 30 ticks (they take microseconds), and a kill then leaves no file at all.
  await untilWritten(out);
  const first = sink.pid!;
  process.kill(first, 'SIGKILL');
  await sink.whenExited();
  const beforeKill = pcmOf(out).length;
  await tickOnce(30); // half a second: still down
  assert.is(stepper.engine.game?.definition.id, 'tetris', 'the game is still running');
  assert.is(sink.stats.failures, 1);
  assert.match(lines.join('\n'), /sh stopped: killed by SIGKILL; restarting it in 1 s/);
  await tickOnce(60);
  assert.is(sink.stats.restarts, 1);
  assert.ok(sink.playing && sink.pid !== first, 'a new player');
  stepper.stop();
  await audio.close();
  assert.ok(pcmOf(out).length > beforeKill, 'the new player got samples');
});

test.run();
