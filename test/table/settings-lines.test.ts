/**
 * The settings screen line by line, as a player sees it: every line of a table with sound, an idle
 * show, a night schedule and the service's action lines, in order, with the values left/right
 * give, one frame, and what lands in settings.json. Written before the lines were generated from
 * the option declarations; it pins what the player sees, not how the lines are made.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createTableControls } from '../../src/cli/table-controls.ts';
import { ManualClock } from '../../src/engine/clock.ts';
import { defineGame } from '../../src/engine/game.ts';
import { frameToText } from '../../src/gfx/frame-text.ts';
import type { Button } from '../../src/input/buttons.ts';
import { IdleShow } from '../../src/table/idle-show.ts';
import { NightSchedule, nightHooks } from '../../src/table/night.ts';
import { SettingsScreen } from '../../src/table/settings-screen.ts';
import { Table } from '../../src/table/table.ts';

const solo = defineGame({
  id: 'solo',
  title: 'Solo',
  create: () => ({ update() {}, draw: (g) => g.clear() }),
});

/** A table like the service's: sound, the idle show, the night schedule, an UPDATE action line. */
function fullTable() {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledtable-lines-'));
  const levels = { volume: 80, music: true, effects: true };
  const show = new IdleShow('mix', [], { catalog: [solo], demos: [] });
  const night = new NightSchedule(undefined, 0);
  const updates: string[] = [];
  const pipeline = {
    percent: 100,
    lastMilliamps: 2345,
    setBrightness(p: number) {
      this.percent = p;
    },
  };
  const controls = createTableControls({
    options: { brightness: 100, idle: 120, defaultPlayers: 0, service: true },
    pipeline,
    sound: levels,
    dataDir,
    env: {},
    report: (m) => assert.unreachable(m),
    run: () => {},
    hooks: { idleShow: (name) => show.choose(name), ...nightHooks(night) },
    extras: [{ order: 80, line: { label: 'UPDATE', value: () => '', action: () => updates.push('update') } }],
  });
  const clock = new ManualClock();
  const table = new Table({ catalog: [solo], clock, controls, idleSeconds: 0 });
  table.engine.start();
  const screen = new SettingsScreen(table, controls);
  table.push(screen);
  clock.step(1);
  const tap = (button: Button) => {
    table.engine.input.push({ player: 0, button, down: true });
    table.engine.input.push({ player: 0, button, down: false });
    clock.step(2);
  };
  const saved = () => JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8'));
  return { table, screen, tap, saved, levels, show, night, pipeline, updates };
}

test('every line in order; right, right, left, left, left on each; what is saved', () => {
  const { screen, tap, saved, levels, show, night, pipeline } = fullTable();
  const walk: string[] = [];
  for (let i = 0; i < 13; i++) {
    const seen = [screen.currentValue];
    for (const button of ['right', 'right', 'left', 'left', 'left'] as const) {
      tap(button);
      seen.push(screen.currentValue);
    }
    walk.push(`${screen.current}: ${seen.join(' ')}`.trimEnd());
    tap('down');
  }
  assert.equal(walk, [
    'LIGHT: 100 100 100 90 80 70',
    'IDLE: 2M 5M 10M 5M 2M 1M',
    'PLAYERS: MIN 1 2 1 MIN MIN',
    'VOLUME: 80 90 100 90 80 70',
    'MUSIC: ON ON ON OFF OFF OFF',
    'EFFECTS: ON ON ON OFF OFF OFF',
    'SHOW: MIX CLOCK EFFEC CLOCK MIX PLAIN',
    'UPDATE:',
    'NIGHT: OFF 22-7 23-7 22-7 OFF 22-6',
    'DIM: OFF 5 10 5 OFF OFF',
    'POWER: 2.3A 2.3A 2.3A 2.3A 2.3A 2.3A',
    'SHUT DOWN:',
    'REBOOT:',
  ]);
  assert.is(screen.current, 'LIGHT', 'the lines go round');
  assert.is(pipeline.percent, 70, 'brightness applies at once');
  assert.equal(levels, { volume: 70, music: false, effects: false }, 'sound applies at once');
  assert.is(show.current, 'plain');
  assert.equal(night.window, { from: 22 * 60, to: 6 * 60 });
  assert.is(night.nightLight, 0);
  tap('back');
  assert.equal(saved(), {
    brightness: 70,
    idle: 60,
    defaultPlayers: 0,
    volume: 70,
    music: false,
    effects: false,
    idleShow: 'plain',
    night: '22:00-06:00',
    nightLight: 0,
  });
});

test('a value line and an action line as drawn', () => {
  const { table, screen, tap } = fullTable();
  const frames: string[] = [];
  for (const label of ['LIGHT', 'NIGHT', 'UPDATE']) {
    while (screen.current !== label) tap('down');
    frames.push(frameToText(table.engine.frame));
  }
  assert.equal(frames, [
    [
      '#...###..##.#.#.###.',
      '#....#..#...#.#..#..',
      '#....#..#.#.###..#..',
      '#....#..#.#.#.#..#..',
      '###.###..##.#.#..#..',
      '....................',
      '...#....###...###...',
      '..##...#...#.#...#..',
      '...#...#..##.#..##..',
      '#..#...#.#.#.#.#.#.#',
      '...#...##..#.##..#..',
      '...#...#...#.#...#..',
      '..###...###...###...',
      '....................',
      '#.#.#.#.#.#.#.#.#.#.',
    ].join('\n'),
    [
      '#..#.###..##.#.#.###',
      '##.#..#..#...#.#..#.',
      '#.##..#..#.#.###..#.',
      '#..#..#..#.#.#.#..#.',
      '#..#.###..##.#.#..#.',
      '....................',
      '..###..#####.#####..',
      '.#...#.#.....#......',
      '.#...#.#.....#......',
      '##...#.####..####..#',
      '.#...#.#.....#......',
      '.#...#.#.....#......',
      '..###..#.....#......',
      '....................',
      '#.#.#.#.#.#.#.#.#.#.',
    ].join('\n'),
    [
      '######.###..##.#####',
      '###############.##.#',
      '######.########.##.#',
      '#####..########.##.#',
      '#####..###.####.##.#',
      '....................',
      '....................',
      '.........#..........',
      '........#.#.........',
      '........###.........',
      '........#.#.........',
      '........#.#.........',
      '....................',
      '....................',
      '#.#.#.#.#.#.#.#.#.#.',
    ].join('\n'),
  ]);
});

test.run();
