import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createTableControls } from '../../src/cli/table-controls.ts';
import { ManualClock } from '../../src/engine/clock.ts';
import { defineGame } from '../../src/engine/game.ts';
import type { Button } from '../../src/input/buttons.ts';
import { Table } from '../../src/table/table.ts';

const solo = defineGame({
  id: 'solo',
  title: 'Solo',
  players: { min: 1, max: 3 },
  create: () => ({ update() {}, draw: (g) => g.clear() }),
});

function tableWithControls(env: NodeJS.ProcessEnv = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledtable-settings-'));
  writeFileSync(join(dataDir, 'settings.json'), JSON.stringify({ fps: 50 }));
  const pipeline = {
    percent: 100,
    lastMilliamps: 1234,
    setBrightness(p: number) {
      this.percent = p;
    },
  };
  const commands: string[] = [];
  const controls = createTableControls({
    options: { brightness: 100, idle: 120, defaultPlayers: 0, service: false },
    pipeline,
    dataDir,
    env,
    report: (m) => assert.unreachable(m),
    run: (command, args) => commands.push(`${command} ${args.join(' ')}`),
  });
  const clock = new ManualClock();
  const table = new Table({ catalog: [solo], clock, controls, idleSeconds: 0 });
  const engine = table.engine;
  engine.start();
  const tap = (button: Button) => {
    engine.input.push({ player: 0, button, down: true });
    engine.input.push({ player: 0, button, down: false });
    clock.step(2);
  };
  const saved = () => JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8'));
  return { table, engine, clock, tap, pipeline, saved, commands };
}

test('SETTINGS is the last menu entry; brightness changes live and is saved on leaving', () => {
  const { engine, tap, pipeline, saved } = tableWithControls();
  tap('left'); // wraps to the last entry
  tap('a');
  assert.is(engine.top.title, 'Settings');
  tap('left');
  tap('left');
  assert.is(pipeline.percent, 80, 'applied at once');
  tap('back');
  assert.is(engine.top.title, 'Menu');
  assert.equal(
    saved(),
    { fps: 50, brightness: 80, idle: 120, defaultPlayers: 0 },
    'merged into settings.json',
  );
});

test('values are saved a second after the last change; idle time and default players apply', () => {
  const { table, engine, clock, tap, saved } = tableWithControls();
  tap('left');
  tap('a');
  tap('down'); // IDLE
  tap('left'); // 120 → 60 s
  tap('down'); // PLAYERS
  tap('right'); // MIN → 1
  tap('right'); // → 2
  clock.step(61);
  assert.is(saved().idle, 60);
  assert.is(saved().defaultPlayers, 2);
  tap('back');
  table.play(solo);
  assert.is(engine.game?.setup.players, 2, 'a game started without a choice gets the default players');
});

test('power line shows the limiter estimate; no shut down or reboot outside the service', () => {
  const { engine, tap, commands } = tableWithControls();
  tap('left');
  tap('a');
  const labels: string[] = [];
  for (let i = 0; i < 5; i++) {
    labels.push((engine.top as unknown as { current: string }).current);
    tap('down');
  }
  assert.equal(labels, ['LIGHT', 'IDLE', 'PLAYERS', 'POWER', 'LIGHT']);
  assert.equal(commands, []);
});

test('as the service: shut down and reboot ask YES/NO first', () => {
  const { engine, tap, commands } = tableWithControls({ INVOCATION_ID: 'abc123' });
  tap('left');
  tap('a');
  const current = () => (engine.top as unknown as { current: string }).current;
  while (current() !== 'SHUT DOWN') tap('down');
  tap('a');
  assert.is(current(), 'SHUT DOWN? NO');
  tap('a'); // NO: nothing happens
  assert.equal(commands, []);
  tap('down');
  assert.is(current(), 'REBOOT');
  tap('a');
  tap('right');
  assert.is(current(), 'REBOOT? YES');
  tap('back'); // cancel
  assert.equal(commands, []);
  tap('a');
  tap('left');
  tap('a');
  assert.equal(commands, ['systemctl reboot']);
});

test('a notice shows over the menu for two seconds, then the menu is as before', () => {
  const { table, engine, clock } = tableWithControls();
  clock.step(1);
  const before = Array.from(engine.frame.pixels);
  table.notify('P2 JOINED');
  clock.step(10);
  assert.not.equal(Array.from(engine.frame.pixels), before);
  clock.step(120);
  assert.equal(Array.from(engine.frame.pixels), before);
});

test.run();
