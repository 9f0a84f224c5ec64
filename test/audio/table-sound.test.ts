/**
 * The table's sound through the real table on a manual clock, with an output that keeps every
 * tick: pause fades the music and resume brings it back, quitting stops it, the menu is quiet
 * unless menu sounds are on, and the SETTINGS lines change the levels and save them.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { AudioService } from '../../src/audio/audio-service.ts';
import { emptyStats, type PcmSink } from '../../src/audio/pcm-sink.ts';
import { createTableControls } from '../../src/cli/table-controls.ts';
import { ManualClock } from '../../src/engine/clock.ts';
import { defineGame } from '../../src/engine/game.ts';
import type { MemoryLogger } from '../../src/engine/log.ts';
import type { Button } from '../../src/input/buttons.ts';
import { Table } from '../../src/table/table.ts';

/** Keeps the peak of every tick. */
class PeakSink implements PcmSink {
  readonly description = 'peaks';
  readonly stats = emptyStats();
  readonly peaks: number[] = [];
  write(samples: Int16Array): void {
    let peak = 0;
    for (const s of samples) peak = Math.max(peak, Math.abs(s));
    this.peaks.push(peak);
  }
  async close(): Promise<void> {}
  /** Peak over the last `ticks` ticks. */
  last(ticks: number): number {
    return Math.max(0, ...this.peaks.slice(-ticks));
  }
}

const hum = defineGame({
  id: 'hum',
  title: 'Hum',
  sounds: 'music drone bpm=60 steps=1\n  part a wave=triangle vol=1 env=1,0,1,1 : a3:8\nsfx ping : a5',
  create(ctx) {
    ctx.music.play('drone');
    return {
      update(input) {
        if (input.any.pressed('a')) ctx.sound.play('ping');
      },
      draw: (g) => g.clear(),
    };
  },
});

function setup(menuSounds = false) {
  const sink = new PeakSink();
  const audio = new AudioService({ sink, fps: 60, menuSounds });
  const dataDir = mkdtempSync(join(tmpdir(), 'ledtable-sound-'));
  const controls = createTableControls({
    options: { brightness: 100, idle: 120, defaultPlayers: 0, service: false },
    pipeline: { setBrightness() {} },
    dataDir,
    env: {},
    report: (m) => assert.unreachable(m),
    sound: audio.mixer.levels,
  });
  const clock = new ManualClock();
  const table = new Table({ catalog: [hum], clock, audio, controls, idleSeconds: 0 });
  table.engine.start();
  const tap = (button: Button) => {
    table.engine.input.push({ player: 0, button, down: true });
    table.engine.input.push({ player: 0, button, down: false });
    clock.step(2);
  };
  const saved = () => JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8'));
  return { sink, audio, table, clock, tap, saved };
}

test('the menu is quiet unless menu sounds are on', () => {
  const quiet = setup(false);
  quiet.tap('right');
  quiet.clock.step(10);
  assert.is(quiet.sink.last(12), 0);
  const loud = setup(true);
  loud.tap('right');
  loud.clock.step(10);
  assert.ok(loud.sink.last(12) > 0);
});

test('pause fades the music out and holds it; resume brings it back; quitting stops it', () => {
  const { sink, table, clock, tap } = setup();
  table.play(hum);
  clock.step(60);
  assert.ok(sink.last(10) > 1000, 'the music plays');
  tap('back'); // pause (its own short sound)
  clock.step(60);
  assert.is(sink.last(20), 0, 'faded out and silent while paused');
  tap('a'); // resume
  clock.step(60);
  assert.ok(sink.last(10) > 1000, 'back again');
  tap('back');
  tap('back'); // quit to the menu
  clock.step(60);
  assert.is(table.engine.depth, 1);
  assert.is(sink.last(20), 0, 'the game took its music with it');
});

test('a game started again over itself keeps the music it plays (the new one owns it)', () => {
  const { sink, table, clock } = setup();
  table.play(hum);
  clock.step(30);
  table.play(hum); // e.g. a restart: the old runner is disposed after the new one started the piece
  clock.step(60);
  assert.ok(sink.last(10) > 1000);
});

test('SETTINGS has VOLUME, MUSIC and EFFECTS; changes apply at once and are saved', () => {
  const { audio, table, tap, saved } = setup();
  tap('left'); // SETTINGS is the last entry
  tap('a');
  assert.is(table.engine.top.title, 'Settings');
  const find = (label: string) => {
    for (let i = 0; i < 12 && (table.engine.top as unknown as { current: string }).current !== label; i++)
      tap('down');
    assert.is((table.engine.top as unknown as { current: string }).current, label);
  };
  find('VOLUME');
  tap('left');
  assert.is(audio.mixer.levels.volume, 90);
  find('MUSIC');
  tap('left');
  assert.is(audio.mixer.levels.music, false);
  find('EFFECTS');
  tap('left');
  assert.is(audio.mixer.levels.effects, false);
  tap('back');
  assert.equal(
    { volume: saved().volume, music: saved().music, effects: saved().effects },
    { volume: 90, music: false, effects: false },
  );
});

test('a mistake in the sounds text ends the game with the line named; so does an unknown name', () => {
  const broken = defineGame({
    id: 'broken',
    title: 'Broken',
    sounds: 'sfx ok : c4\nsfx bad : c4 q7',
    create: () => ({ update() {}, draw: (g) => g.clear() }),
  });
  const typo = defineGame({
    id: 'typo',
    title: 'Typo',
    sounds: 'sfx lock : c4',
    create: (ctx) => ({ update: () => ctx.sound.play('lok'), draw: (g) => g.clear() }),
  });
  for (const [game, message] of [
    [broken, /broken crashed: broken's sounds line 2 \(sfx bad\): "q7" in "q7" is not a note/],
    [typo, /typo crashed: no sound "lok" in typo's sounds; it has: lock/],
  ] as const) {
    const { table, clock } = setup();
    table.play(game);
    clock.step(2);
    assert.match((table.log as MemoryLogger).lines.join('\n'), message);
    assert.is(table.engine.game, undefined, 'the game ended; the table runs on');
  }
});

test.run();
