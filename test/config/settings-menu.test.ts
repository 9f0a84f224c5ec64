/**
 * The settings-menu machinery: an option declared with a `setting` part is a line of the table's
 * settings screen, stepped within its declaration, applied through its live hook and saved in
 * settings.json under its key, where the next start reads it back.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { OPTION_GROUPS, OPTION_SPECS } from '../../src/cli/options.ts';
import { createTableControls } from '../../src/cli/table-controls.ts';
import { formatHelp, formatOptionsMarkdown } from '../../src/config/help.ts';
import { collectSpecs, defineOptions, type OptionSpec } from '../../src/config/options.ts';
import { resolveOptionsWith, savedSettingsProblemWith } from '../../src/config/parse.ts';
import {
  LiveSettings,
  nextSetting,
  type SettingValue,
  settingChoices,
  settingSpecs,
  showSeconds,
  showSetting,
} from '../../src/config/settings-menu.ts';
import { ManualClock } from '../../src/engine/clock.ts';
import { defineGame } from '../../src/engine/game.ts';
import { textWidth } from '../../src/gfx/text.ts';
import type { Button } from '../../src/input/buttons.ts';
import type { SettingsScreen } from '../../src/table/settings-screen.ts';
import { Table } from '../../src/table/table.ts';
import { glowOptions } from './glow-options.ts';

const solo = defineGame({
  id: 'solo',
  title: 'Solo',
  create: () => ({ update() {}, draw: (g) => g.clear() }),
});

test('a declared option with a setting: a line on the screen, left/right change it, saved and read back', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledtable-glow-'));
  const groups = [...OPTION_GROUPS, glowOptions];
  const controls = createTableControls({
    options: { service: false },
    pipeline: { setBrightness() {} },
    dataDir,
    env: {},
    report: (m) => assert.unreachable(m),
    groups,
  });
  const clock = new ManualClock();
  const table = new Table({ catalog: [solo], clock, controls, idleSeconds: 0 });
  table.engine.start();
  const tap = (button: Button) => {
    table.engine.input.push({ player: 0, button, down: true });
    table.engine.input.push({ player: 0, button, down: false });
    clock.step(2);
  };
  tap('left'); // SETTINGS is the last menu entry
  tap('a');
  const screen = table.engine.top as SettingsScreen;
  assert.is(screen.title, 'Settings');
  const labels: string[] = [];
  for (let i = 0; i < 4; i++) {
    labels.push(screen.current);
    tap('down');
  }
  assert.equal(labels, ['LIGHT', 'IDLE', 'PLAYERS', 'GLOW'], 'placed by its order, after PLAYERS');
  tap('up');
  assert.is(screen.currentValue, '3', 'starts at the option (here its default)');
  const seen: string[] = [];
  for (const button of ['right', 'left', 'left', 'left', 'left', 'left', 'right'] as const) {
    tap(button);
    seen.push(screen.currentValue);
  }
  assert.equal(seen, ['4', '3', '2', '1', 'OFF', 'OFF', '1'], 'one a step, kept within 0..9');
  tap('back');
  const saved = JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8'));
  assert.is(saved.glow, 1, 'saved in settings.json under the option key');
  controls.settings?.set('glow', 12); // another panel (the web page) changes it by key
  assert.is(controls.settings?.get('glow'), 9, 'kept within 0..9');

  // the next start: the saved settings path of main.ts (under the flags)
  const specs = collectSpecs(groups);
  assert.is(savedSettingsProblemWith(specs, saved), undefined);
  const read = (argv: string[]) => resolveOptionsWith(specs, argv, {}, () => '', saved);
  assert.is(read([]).options.glow, 1);
  assert.is(read(['--glow', '7']).options.glow, 7, 'a flag still wins');
  const again = createTableControls({
    options: { service: false, ...read([]).options },
    pipeline: { setBrightness() {} },
    dataDir,
    env: {},
    report: (m) => assert.unreachable(m),
    groups,
  });
  assert.is(
    again
      .lines?.()
      .find((line) => line.label === 'GLOW')
      ?.value(),
    '1',
  );
});

test('--help and the README table say where a setting is on the table', () => {
  const help = formatHelp([glowOptions], []).replace(/\s+/g, ' ');
  assert.match(help, /\[integer 0\.\.9; default 3; config "glow"; settings screen: GLOW\]/);
  assert.match(
    formatOptionsMarkdown([glowOptions]),
    /How much the fake glow glows; 0 = off\. Settings screen: GLOW\. \|/,
  );
});

/** A spec as declared, for the step rules. */
function spec(decl: Omit<OptionSpec, 'flag' | 'help' | 'scope' | 'name'>): OptionSpec {
  return { name: 'x', flag: '--x', help: 'x', scope: 'config', ...decl };
}

function walk(s: OptionSpec, from: SettingValue, directions: readonly number[]): string[] {
  let value = from;
  return directions.map((d) => {
    value = nextSetting(s, value, d);
    return showSetting(s, value);
  });
}

/** A percentage with a step list: the shape of LIGHT. */
const light = spec({
  type: 'int',
  default: 50,
  min: 0,
  max: 100,
  setting: { label: 'L', order: 1, steps: [5, 10, 50, 100] },
});

test('steps: numbers stop at the ends and keep a value between steps; a step rule; bools; wrapping choices', () => {
  assert.equal(walk(light, 50, [1, 1, 1, -1, -1, -1, -1]), ['100', '100', '100', '50', '10', '5', '5']);
  assert.equal(walk(light, 70, [1]), ['100']);
  assert.equal(walk(light, 70, [-1]), ['50']);
  assert.equal(walk(light, 200, [1]), ['200'], 'right never lowers a value above the last step');
  assert.equal(walk(light, 2, [-1]), ['2'], 'left never raises a value below the first step');
  const volume = spec({
    type: 'int',
    default: 80,
    min: 0,
    max: 100,
    setting: { label: 'V', order: 1, step: 10 },
  });
  assert.equal(walk(volume, 85, [1, 1, 1]), ['90', '100', '100']);
  assert.equal(walk(volume, 15, [-1, -1, -1]), ['10', '0', '0']);
  const level = spec({ type: 'int', default: 1, min: 1, max: 3, setting: { label: 'N', order: 1 } });
  assert.equal(walk(level, 1, [1, 1, 1, -1]), ['2', '3', '3', '2'], 'default: every integer');
  const music = spec({ type: 'bool', default: true, setting: { label: 'M', order: 1 } });
  assert.equal(walk(music, true, [1, -1, -1, 1]), ['ON', 'OFF', 'OFF', 'ON'], 'left = off, right = on');
  const show = spec({
    type: 'enum',
    values: ['a', 'bb', 'c'],
    default: 'a',
    setting: { label: 'S', order: 1, wrap: true },
  });
  assert.equal(walk(show, 'a', [1, 1, 1, -1]), ['BB', 'C', 'A', 'C']);
  const colour = spec({
    type: 'enum',
    values: ['red', 'green'],
    default: 'red',
    setting: { label: 'C', order: 1 },
  });
  assert.equal(walk(colour, 'red', [1, 1, -1, -1]), ['GREEN', 'GREEN', 'RED', 'RED'], 'no wrap: stops');
  assert.equal([0, 59, 60, 90, 300].map(showSeconds), ['OFF', '59S', '1M', '2M', '5M']);
});

test('set keeps values within the declaration and runs the hook; a live line without its hook is left out', () => {
  const group = defineOptions('Fake', {
    level: {
      flag: '--level',
      type: 'int',
      default: 5,
      min: 0,
      max: 10,
      help: 'Level.',
      scope: 'config',
      setting: { label: 'LEVEL', order: 2, live: true },
    },
    mode: {
      flag: '--mode',
      type: 'enum',
      values: ['on', 'off'],
      default: 'on',
      help: 'Mode.',
      scope: 'config',
      setting: { label: 'MODE', order: 1 },
    },
    name: {
      flag: '--name',
      type: 'string',
      default: 'ab',
      check: (v) => (/^[a-z]+$/.test(v) ? undefined : 'letters'),
      help: 'Name.',
      scope: 'config',
      setting: { label: 'NAME', order: 3, steps: ['ab', 'cd'], live: true },
    },
    plain: { flag: '--plain', type: 'int', default: 1, help: 'Not on the screen.', scope: 'config' },
  });
  const applied: string[] = [];
  const settings = new LiveSettings({
    specs: group.specs,
    values: { level: 12, mode: 'sideways' },
    hooks: { level: (n: number) => applied.push(`level ${n}`) },
  });
  assert.equal(
    settings.lines().map((line) => line.label),
    ['MODE', 'LEVEL'],
    'by order; NAME is live and has no hook; plain has no setting',
  );
  assert.equal(
    settings.saved(),
    { mode: 'on', level: 10 },
    'starting values kept within: 12 → 10, a wrong enum → default',
  );
  assert.equal(applied, [], 'the starting value is not applied again');
  settings.set('level', 3.6);
  settings.set('level', 'high');
  settings.set('mode', 'sideways');
  settings.set('plain', 4);
  assert.equal(settings.saved(), { mode: 'on', level: 4 });
  assert.equal(applied, ['level 4'], 'rounded to an integer; unusable values ignored');
  settings.lines()[1]!.step(-1);
  assert.equal(applied, ['level 4', 'level 3']);
});

test('a setting that cannot work is a programming error naming the option', () => {
  const bad = (decl: Omit<OptionSpec, 'flag' | 'help' | 'scope' | 'name'>) => () =>
    settingSpecs([spec(decl)]);
  assert.throws(
    bad({ type: 'list', default: [], setting: { label: 'L', order: 1 } }),
    /a list cannot be a settings line; fix the setting of option "x"/,
  );
  assert.throws(
    bad({ type: 'int', default: undefined, setting: { label: 'L', order: 1 } }),
    /needs a default/,
  );
  assert.throws(
    bad({ type: 'int', default: 1, max: 10, setting: { label: 'L', order: 1, steps: [1, 20] } }),
    /step 20 is not a value of the option/,
  );
  assert.throws(
    bad({ type: 'enum', values: ['a'], default: 'a', setting: { label: 'L', order: 1, steps: ['b'] } }),
    /step "b"/,
  );
});

/** Every value a line can step to from its default (both ways until nothing changes). */
function reachable(s: OptionSpec): SettingValue[] {
  const seen = new Set<SettingValue>([s.default as SettingValue]);
  for (const direction of [1, -1]) {
    let value = s.default as SettingValue;
    for (let i = 0; i < 200; i++) {
      const next = nextSetting(s, value, direction);
      if (seen.has(next) && next === value) break;
      seen.add(next);
      value = next;
    }
  }
  return [...seen];
}

test('settingChoices: what left/right reach, in order, with a value between steps placed among them', () => {
  assert.equal(settingChoices(light, 50), [5, 10, 50, 100]);
  assert.equal(
    settingChoices(light, 42),
    [5, 10, 42, 50, 100],
    'a value from the config file is kept in its place',
  );
  const volume = spec({
    type: 'int',
    default: 80,
    min: 0,
    max: 30,
    setting: { label: 'V', order: 1, step: 10 },
  });
  assert.equal(settingChoices(volume, 20), [0, 10, 20, 30]);
  const music = spec({ type: 'bool', default: true, setting: { label: 'M', order: 1 } });
  assert.equal(settingChoices(music, true), [false, true]);
  const show = spec({
    type: 'enum',
    values: ['a', 'b', 'c'],
    default: 'a',
    setting: { label: 'S', order: 1, wrap: true },
  });
  assert.equal(settingChoices(show, 'b'), ['a', 'b', 'c'], 'a wrapping list as declared');
  const night = spec({
    type: 'string',
    default: '',
    setting: { label: 'N', order: 1, steps: ['', '23:00-07:00'], wrap: true },
  });
  assert.equal(
    settingChoices(night, '22:00-06:00'),
    ['22:00-06:00', '', '23:00-07:00'],
    'another value first',
  );
});

test("the program's settings lines: every value fits 20 columns, labels and places are distinct", () => {
  const lines = settingSpecs(OPTION_SPECS);
  assert.equal(
    lines.map((s) => s.setting!.label),
    ['LIGHT', 'IDLE', 'PLAYERS', 'VOLUME', 'MUSIC', 'EFFECTS', 'SHOW', 'NIGHT', 'DIM'],
  );
  assert.is(new Set(lines.map((s) => s.setting!.order)).size, lines.length, 'distinct places');
  assert.equal(
    lines.map((s) => s.setting!.title),
    [
      'Brightness (%)',
      'Screensaver after',
      'Players when nobody chose',
      'Volume (%)',
      'Music',
      'Sound effects',
      'Idle show',
      'Night hours',
      'Night light (%)',
    ],
    'a readable title each, for the web page',
  );
  // SHOW's DEMOS is 21 columns and has always scrolled; kept as the player knows it
  const scrolls = new Set(['DEMOS']);
  for (const s of lines)
    for (const value of reachable(s)) {
      const shown = showSetting(s, value);
      if (scrolls.has(shown)) continue;
      assert.ok(textWidth(shown) <= 20, `${s.name}: "${shown}" is ${textWidth(shown)} columns wide`);
    }
});

test.run();
