/**
 * The web page's settings over real HTTP on 127.0.0.1: they are the table's settings lines, made
 * from the same declarations (a new module's GLOW appears on both without a list of its own), a
 * change goes through the same LiveSettings (seen on the table's settings screen, applied by the
 * hooks, saved in settings.json), and a bad, unpaired or forged change changes and writes nothing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { OPTION_GROUPS } from '../../src/cli/options.ts';
import type { Button } from '../../src/input/buttons.ts';
import type { Menu } from '../../src/table/menu.ts';
import type { SettingsScreen } from '../../src/table/settings-screen.ts';
import type { SettingInfo, StateResponse } from '../../src/web/protocol.ts';
import { TOKEN_COOKIE } from '../../src/web/web-server.ts';
import { glowOptions } from '../config/glow-options.ts';
import { WebTable } from './web-table.ts';

let web: WebTable;
let cookie = '';

test.before(async () => {
  web = await WebTable.start({ groups: [...OPTION_GROUPS, glowOptions] });
  await post('/api/pair/code', {});
  const paired = await post('/api/pair', { code: web.code });
  cookie = paired.headers.get('set-cookie')!.split(';')[0]!;
});

test.after(async () => {
  await web.stop();
});

const post = (path: string, body: unknown, as = cookie) => web.post(path, body, as);

async function state(): Promise<StateResponse> {
  return (await (
    await fetch(`${web.url}/api/state`, { headers: { Cookie: cookie } })
  ).json()) as StateResponse;
}

const settingsFile = () => join(web.dataDir, 'settings.json');
const savedText = () => (existsSync(settingsFile()) ? readFileSync(settingsFile(), 'utf8') : '(none)');

/** The table's own settings screen: opened from the menu, every line's label and value as shown. */
async function tableScreen(): Promise<Record<string, string>> {
  const tap = async (button: Button) => {
    web.engine.input.push({ player: 0, button, down: true });
    web.engine.input.push({ player: 0, button, down: false });
    await web.step(2);
  };
  web.table.menu();
  await web.step(2);
  // SETTINGS is the menu's last entry
  for (let i = 0; i < 9 && (web.engine.top as Menu).current?.id !== 'settings'; i++) await tap('left');
  await tap('a');
  const screen = web.engine.top as SettingsScreen;
  assert.is(screen.title, 'Settings');
  const lines: Record<string, string> = {};
  while (!(screen.current in lines)) {
    lines[screen.current] = screen.currentValue;
    await tap('down');
  }
  await tap('back');
  return lines;
}

const shown = (setting: SettingInfo) => setting.choices.find((c) => c.value === setting.value)?.shown;

test("the page's settings are the table's settings lines, in its order, with its choices and values", async () => {
  const { settings, powerBudget } = await state();
  assert.equal(
    settings.map((s) => `${s.label} ${s.title}: ${s.kind}`),
    [
      'LIGHT Brightness (%): number',
      'IDLE Screensaver after: number',
      'PLAYERS Players when nobody chose: number',
      'VOLUME Volume (%): number',
      'MUSIC Music: switch',
      'EFFECTS Sound effects: switch',
      'GLOW Glow: number', // declared once, in a module the page has never heard of
      'SHOW Idle show: choice',
    ],
    'the live lines the table has (no night schedule hooks here: no NIGHT, DIM)',
  );
  const idle = settings.find((s) => s.key === 'idle')!;
  assert.equal(
    idle.choices.map((c) => c.shown),
    ['OFF', '30S', '1M', '2M', '5M', '10M', '30M'],
    "the declaration's steps, shown as the table shows them",
  );
  assert.equal(
    settings.find((s) => s.key === 'glow')!.choices.map((c) => c.shown),
    ['OFF', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
  );
  assert.equal(settings.find((s) => s.key === 'music')!.choices, [
    { value: false, shown: 'OFF' },
    { value: true, shown: 'ON' },
  ]);
  assert.equal(
    settings.find((s) => s.key === 'volume')!.choices.map((c) => c.value),
    [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100],
    'every `step` from min to max',
  );
  assert.equal(
    settings.find((s) => s.key === 'idleShow')!.choices.map((c) => c.shown),
    ['mix', 'clock', 'effects', 'demos', 'plain'],
    'an enum by its full names (the table cuts them to 5 letters)',
  );
  const screen = await tableScreen();
  for (const setting of settings.filter((s) => s.kind !== 'choice'))
    assert.is(shown(setting), screen[setting.label], setting.label);
  assert.is(screen.SHOW, 'MIX');
  assert.is(powerBudget, 8000, 'the power budget: the page’s own control, not a settings line');
  assert.not.ok('POWER' in Object.fromEntries(settings.map((s) => [s.label, 1])));
});

test("a change from the page goes through the table's settings: on its screen, applied by the hooks, saved", async () => {
  const changed = await post('/api/settings', { idle: 300, glow: 0, music: false, brightness: 40 });
  assert.is(changed.status, 200);
  const reply = changed.body.settings as SettingInfo[];
  assert.equal(
    reply.map((s) => `${s.label} ${shown(s)}`),
    ['LIGHT 40', 'IDLE 5M', 'PLAYERS MIN', 'VOLUME 80', 'MUSIC OFF', 'EFFECTS ON', 'GLOW OFF', 'SHOW mix'],
  );
  const screen = await tableScreen();
  assert.equal(
    [screen.LIGHT, screen.IDLE, screen.MUSIC, screen.GLOW],
    ['40', '5M', 'OFF', 'OFF'],
    'the table shows what the page set',
  );
  assert.is(web.pipeline.brightness, 40, 'the brightness hook ran');
  assert.is(web.sound.music, false, 'the music hook ran');
  assert.is(web.table.controls?.idleSeconds(), 300, 'the table reads the same value');
  const saved = JSON.parse(savedText());
  assert.equal([saved.idle, saved.glow, saved.music, saved.brightness], [300, 0, false, 40]);

  // numbers out of range are clamped to the option's, as on the table
  const clamped = await post('/api/settings', { volume: -20, glow: 12 });
  assert.is(clamped.status, 200);
  assert.equal(
    (clamped.body.settings as SettingInfo[])
      .filter((s) => s.key === 'volume' || s.key === 'glow')
      .map((s) => s.value),
    [0, 9],
  );
  assert.is(web.sound.volume, 0);
  assert.equal([JSON.parse(savedText()).volume, JSON.parse(savedText()).glow], [0, 9]);

  const power = await post('/api/power', { budget: 5000 });
  assert.is(power.status, 200);
  assert.is(power.body.powerBudget, 5000);
  assert.is(web.pipeline.budgetMilliamps, 5000);
  assert.is(JSON.parse(savedText()).powerBudget, 5000, 'saved next to the settings');
});

test('a bad, unpaired or forged change is refused and changes and writes nothing', async () => {
  const before = savedText();
  const brightness = web.pipeline.brightness;
  const refused = async (status: number, path: string, body: unknown, as?: string) => {
    const reply = await post(path, body, as);
    assert.is(reply.status, status, JSON.stringify(body));
    return String(reply.body.error);
  };
  assert.match(
    await refused(400, '/api/settings', { brightness: 30, loudness: 5 }),
    /no setting "loudness"; the table's settings: brightness, idle, defaultPlayers, volume, music, effects, glow, idleShow/,
  );
  assert.match(
    await refused(400, '/api/settings', { brightness: 30, music: 'yes' }),
    /"music" must be true or false/,
  );
  assert.match(await refused(400, '/api/settings', { brightness: '30' }), /"brightness" must be a number/);
  assert.match(await refused(400, '/api/settings', { idle: null }), /"idle" must be a number/);
  assert.match(
    await refused(400, '/api/settings', { idleShow: 'disco' }),
    /"idleShow" must be one of mix, clock, effects, demos, plain/,
  );
  assert.is(web.idleShow, 'mix');
  assert.is(
    await refused(400, '/api/power', { budget: -1 }),
    '"budget" must be a number of mA, 0 (no limit) or more',
  );
  assert.is(web.pipeline.brightness, brightness, 'the good entry next to a bad one was not applied');
  await refused(401, '/api/settings', { brightness: 30 }, '');
  await refused(
    403,
    '/api/settings',
    { brightness: 30 },
    `${TOKEN_COOKIE}=forged-token-that-the-table-never-gave`,
  );
  await refused(401, '/api/power', { budget: 1000 }, '');
  assert.is(web.pipeline.brightness, brightness);
  assert.is(web.pipeline.budgetMilliamps, 5000);
  assert.is(savedText(), before, 'settings.json untouched');
});

test.run();
