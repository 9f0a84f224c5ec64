import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createTableControls } from '../../src/cli/table-controls.ts';
import { LiveSettings } from '../../src/config/settings-menu.ts';
import { ManualClock } from '../../src/engine/clock.ts';
import { defineGame } from '../../src/engine/game.ts';
import { BrightnessFader } from '../../src/output/brightness-fader.ts';
import { idleOptions } from '../../src/table/idle-options.ts';
import { IdleShow } from '../../src/table/idle-show.ts';
import { isNight, localMinutes, NightSchedule, nightHooks, parseNightWindow } from '../../src/table/night.ts';
import { SettingsScreen } from '../../src/table/settings-screen.ts';
import { Table } from '../../src/table/table.ts';

const BERLIN = 'Europe/Berlin';
const at = (iso: string) => Date.parse(iso);

test('night windows: HH:MM-HH:MM, across midnight or not; mistakes show the form', () => {
  assert.equal(parseNightWindow('23:00-07:00'), { from: 23 * 60, to: 7 * 60 });
  assert.equal(parseNightWindow('1:30-6:15'), { from: 90, to: 375 });
  assert.is(parseNightWindow(''), undefined);
  assert.throws(() => parseNightWindow('11pm-7am'), /HH:MM-HH:MM in 24-hour time, e.g. 23:00-07:00/);
  assert.throws(() => parseNightWindow('24:00-07:00'), /HH:MM-HH:MM/);
  assert.throws(() => parseNightWindow('07:00-07:00'), /same time/);
});

test('isNight in local time: across midnight, and through a daylight-saving change', () => {
  const night = parseNightWindow('23:00-07:00');
  assert.ok(isNight(night, at('2026-06-01T21:00:00Z'), BERLIN), '23:00 CEST: night begins');
  assert.not.ok(isNight(night, at('2026-06-01T20:59:00Z'), BERLIN), '22:59 CEST');
  assert.ok(isNight(night, at('2026-06-02T04:59:00Z'), BERLIN), '06:59 CEST');
  assert.not.ok(isNight(night, at('2026-06-02T05:00:00Z'), BERLIN), '07:00 CEST: day');
  // 29 March 2026: clocks go from 02:00 CET to 03:00 CEST; 06:59 local is 04:59 UTC now
  assert.ok(isNight(night, at('2026-03-29T04:59:00Z'), BERLIN));
  assert.not.ok(isNight(night, at('2026-03-29T05:00:00Z'), BERLIN));
  assert.is(localMinutes(at('2026-03-29T01:00:00Z'), BERLIN), 3 * 60, '01:00 UTC is 03:00 CEST');
  const afternoon = parseNightWindow('13:00-15:00');
  assert.ok(isNight(afternoon, at('2026-01-10T13:30:00Z'), BERLIN));
  assert.not.ok(isNight(afternoon, at('2026-01-10T11:30:00Z'), BERLIN));
});

test('the night rule: an idle table at night dims; any button wakes it until it is idle again', () => {
  const night = new NightSchedule(parseNightWindow('23:00-07:00'), 10, BERLIN);
  const t0 = at('2026-06-01T22:00:00Z'); // midnight in Berlin
  assert.is(night.factor(t0, true, 120), 1, 'someone plays');
  assert.is(night.factor(t0 + 119_000, false, 120), 1, 'idle for 119 s');
  assert.is(night.factor(t0 + 120_000, false, 120), 0.1, 'idle for 120 s: night light');
  assert.is(night.factor(t0 + 130_000, true, 120), 1, 'a button wakes it');
  assert.is(night.factor(t0 + 249_000, false, 120), 1);
  assert.is(night.factor(t0 + 250_000, false, 120), 0.1);
  const day = new NightSchedule(parseNightWindow('23:00-07:00'), 0, BERLIN);
  assert.is(day.factor(at('2026-06-01T10:00:00Z'), false, 120), 1);
  assert.is(day.factor(at('2026-06-01T10:30:00Z'), false, 120), 1, 'idle by day: full brightness');
  const none = new NightSchedule(undefined, 0);
  assert.is(none.factor(t0 + 10_000_000, false, 1), 1, 'no window: never dims');
});

test('the settings screen lines NIGHT and DIM change the schedule and are saved as night and nightLight', () => {
  const night = new NightSchedule(undefined, 0, BERLIN);
  const nightSettings = (window: string) =>
    new LiveSettings({
      specs: idleOptions.specs,
      values: { night: window, nightLight: night.nightLight },
      hooks: nightHooks(night),
    });
  const settings = nightSettings('');
  const [hours, dim] = settings.lines();
  assert.equal([hours!.label, dim!.label], ['NIGHT', 'DIM']);
  assert.is(hours!.value(), 'OFF');
  hours!.step(1);
  assert.is(hours!.value(), '22-7');
  hours!.step(1);
  assert.is(hours!.value(), '23-7');
  assert.equal(night.window, { from: 23 * 60, to: 7 * 60 });
  assert.is(settings.saved().night, '23:00-07:00');
  dim!.step(1);
  dim!.step(1);
  assert.is(dim!.value(), '10');
  assert.is(settings.saved().nightLight, 10);
  assert.is(night.factor(at('2026-06-01T22:00:00Z'), false, 120), 1);
  assert.is(night.factor(at('2026-06-01T22:05:00Z'), false, 120), 0.1, 'idle at midnight: 10 %');
  for (let i = 0; i < 6; i++) hours!.step(-1);
  assert.is(hours!.value(), '23-7', 'six choices round');
  assert.is(nightSettings('23:30-06:15').lines()[0]!.value(), '23:30-6:15');
});

test('brightness fades: 100 % per second towards the target × the night factor', () => {
  const set: number[] = [];
  const fader = new BrightnessFader({ setBrightness: (p) => set.push(p) }, 80);
  assert.equal(set, [80]);
  fader.frame(0);
  fader.setBrightness(40);
  fader.frame(100);
  assert.is(fader.current, 70, 'a tenth of a second later: 10 % closer');
  fader.frame(500);
  assert.is(fader.current, 40, 'reached, never overshot');
  const calls = set.length;
  fader.frame(600);
  assert.is(set.length, calls, 'no rebuild of the lookup table while nothing changes');
  fader.setFactor(0);
  fader.frame(700);
  fader.frame(1200);
  assert.is(fader.current, 0, 'dark at night after 0.4 s');
  fader.setFactor(1);
  fader.frame(60_000); // a long pause between frames counts as at most one second
  assert.is(fader.current, 40);
});

test('the SHOW line is on the settings screen and saved in settings.json as idleShow', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledtable-show-'));
  const solo = defineGame({
    id: 'solo',
    title: 'Solo',
    create: () => ({ update() {}, draw: (g) => g.clear() }),
  });
  const show = new IdleShow('mix', [], { catalog: [solo], demos: [] });
  const controls = createTableControls({
    options: { brightness: 100, idle: 120, defaultPlayers: 0, service: false },
    pipeline: { setBrightness() {} },
    dataDir,
    env: {},
    report: (m) => assert.unreachable(m),
    hooks: { idleShow: (name) => show.choose(name) },
  });
  const clock = new ManualClock();
  const table = new Table({ catalog: [solo], clock, controls, idleSeconds: 0 });
  table.engine.start();
  const screen = new SettingsScreen(table, controls);
  table.push(screen);
  const tap = (button: 'down' | 'right' | 'back') => {
    table.engine.input.push({ player: 0, button, down: true });
    table.engine.input.push({ player: 0, button, down: false });
    clock.step(2);
  };
  while (screen.current !== 'SHOW') tap('down');
  tap('right');
  tap('right');
  tap('back');
  assert.is(show.current, 'effects');
  assert.is(JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8')).idleShow, 'effects');
});

test.run();
