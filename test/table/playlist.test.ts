import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { LiveSettings } from '../../src/config/settings-menu.ts';
import { ManualClock } from '../../src/engine/clock.ts';
import { defineGame } from '../../src/index.ts';
import { ReplayRecorder } from '../../src/replay/replay.ts';
import type { Demo } from '../../src/table/demos.ts';
import { idleOptions } from '../../src/table/idle-options.ts';
import { IdleShow } from '../../src/table/idle-show.ts';
import type { IdleShowName } from '../../src/table/idle-show-names.ts';
import { playlistMode } from '../../src/table/playlist.ts';
import { DEFAULT_PLAYLIST, type PlaylistItem, parsePlaylistItem } from '../../src/table/playlist-item.ts';
import { Table } from '../../src/table/table.ts';

/** An app that fills the table with the colour its `color` setting names. */
const painter = defineGame({
  id: 'painter',
  title: 'Painter',
  kind: 'app',
  settings: { color: { label: 'C', values: ['red', 'green', 'blue'] } },
  create(ctx) {
    const color = { red: 0xff0000, green: 0x00ff00, blue: 0x0000ff }[ctx.settings.color];
    return { update() {}, draw: (g) => g.clear(color) };
  },
});
/** An app that shows the wall clock's minute (mod 256) in the blue of every pixel. */
const minuteApp = defineGame({
  id: 'minute',
  title: 'Minute',
  kind: 'app',
  create(ctx) {
    return { update() {}, draw: (g) => g.clear(Math.floor(ctx.now() / 60000) % 256) };
  },
});
/** A game that fills yellow (its demo). */
const yellow = defineGame({
  id: 'yellow',
  title: 'Yellow',
  create() {
    return { update() {}, draw: (g) => g.clear(0xffff00) };
  },
});

function demoOf(game: typeof yellow, ticks: number): Demo {
  const clock = new ManualClock();
  const table = new Table({ catalog: [game], clock, idleSeconds: 0 });
  table.engine.start();
  table.play(game, { seed: 3 });
  const recorder = new ReplayRecorder(table);
  clock.step(ticks);
  return { game, replay: recorder.finish() };
}

const items = (...entries: string[]): PlaylistItem[] => entries.map((e) => parsePlaylistItem(e, 3));

function idleTable(
  playlist: PlaylistItem[],
  extra: { wallClock?: () => number; warn?: (m: string) => void } = {},
) {
  const clock = new ManualClock();
  const catalog = [painter, minuteApp, yellow];
  const table = new Table({
    catalog,
    clock,
    idleSeconds: 1,
    screensaver: playlistMode({ items: playlist, catalog, demos: [demoOf(yellow, 600)], ...extra }),
  });
  table.engine.start();
  return { clock, table, engine: table.engine };
}

test('playlist entries: app, settings, seconds, demos; mistakes name the form', () => {
  assert.equal(parsePlaylistItem('clock', 20), { kind: 'app', id: 'clock', settings: {}, seconds: 60 });
  assert.equal(parsePlaylistItem('effects:effect=fire:speed=4@30', 20), {
    kind: 'app',
    id: 'effects',
    settings: { effect: 'fire', speed: '4' },
    seconds: 30,
  });
  assert.equal(parsePlaylistItem('demos', 20), { kind: 'demos', seconds: 20 });
  assert.equal(parsePlaylistItem('demos@12.5', 20), { kind: 'demos', seconds: 12.5 });
  assert.throws(() => parsePlaylistItem('clock@', 20), /ID\[:KEY=VALUE…\]\[@SECONDS\]/);
  assert.throws(() => parsePlaylistItem('Clock!', 20), /effects:effect=fire@30/);
  assert.throws(() => parsePlaylistItem('clock@0', 20), /more than 0/);
  assert.throws(() => parsePlaylistItem('demos:x=1', 20), /demos takes no settings/);
  for (const entry of DEFAULT_PLAYLIST) parsePlaylistItem(entry, 20);
});

test('an idle table plays the entries in turn for their seconds; any button returns to the menu', () => {
  const { clock, engine } = idleTable(items('painter:color=red@2', 'demos', 'painter:color=blue@1'));
  clock.step(59);
  assert.is(engine.top.title, 'Menu');
  clock.step(3);
  assert.is(engine.top.title, 'Playlist');
  assert.is(engine.frame.get(10, 10), 0xff0000, 'red for two seconds');
  clock.step(120);
  assert.is(engine.frame.get(10, 10), 0xffff00, 'then the game demo, three seconds');
  assert.not.equal(engine.frame.get(10, 2), 0xffff00, 'with its title over the top rows');
  clock.step(180);
  assert.is(engine.frame.get(10, 10), 0x0000ff, 'then blue');
  clock.step(60);
  assert.is(engine.frame.get(10, 10), 0xff0000, 'and round again');
  engine.input.push({ player: 0, button: 'a', down: true });
  clock.step(1);
  assert.is(engine.top.title, 'Menu');
});

test('the next idle period goes on where the last one stopped', () => {
  const { clock, engine } = idleTable(items('painter:color=red@2', 'painter:color=green@2'));
  clock.step(62);
  assert.is(engine.frame.get(10, 10), 0xff0000);
  engine.input.push({ player: 0, button: 'a', down: true });
  clock.step(1);
  engine.input.push({ player: 0, button: 'a', down: false });
  clock.step(62);
  assert.is(engine.top.title, 'Playlist');
  assert.is(engine.frame.get(10, 10), 0x00ff00, 'green, the entry after red');
});

test("apps in the playlist get the table's params (the text app shows the owner's message)", () => {
  const shade = defineGame({
    id: 'shade',
    title: 'Shade',
    kind: 'app',
    create(ctx) {
      return { update() {}, draw: (g) => g.clear(Number(ctx.params.shade ?? 0)) };
    },
  });
  const clock = new ManualClock();
  const table = new Table({
    catalog: [shade],
    clock,
    idleSeconds: 1,
    params: (id) => (id === 'shade' ? { shade: 0x123456 } : {}),
    screensaver: playlistMode({ items: items('shade@100'), catalog: [shade], demos: [] }),
  });
  table.engine.start();
  clock.step(63);
  assert.is(table.engine.top.title, 'Playlist');
  assert.is(table.engine.frame.get(5, 5), 0x123456);
});

test('apps in the playlist read the wall clock the table supplies (the clock shows the real time)', () => {
  let now = 42 * 60_000;
  const { clock, engine } = idleTable(items('minute@100'), { wallClock: () => now });
  clock.step(62);
  assert.is(engine.frame.get(0, 0), 42);
  now += 60_000;
  clock.step(1);
  assert.is(engine.frame.get(0, 0), 43);
});

test('an unknown app is reported once and skipped; a bad setting is skipped when its turn comes', () => {
  const warnings: string[] = [];
  const { clock, engine, table } = idleTable(
    items('nope@5', 'nope@6', 'painter:color=pink@5', 'painter:color=green@5'),
    {
      warn: (m) => warnings.push(m),
    },
  );
  assert.equal(warnings, ['idle playlist: no app "nope"; available: painter, minute, yellow']);
  clock.step(62);
  assert.is(engine.frame.get(10, 10), 0x00ff00, 'pink is not a colour of the painter: green plays');
  assert.ok(table.log instanceof Object);
});

test('recorded demos of apps are left out of "demos" (an app plays live as its own entry)', () => {
  const clock = new ManualClock();
  const appDemo = demoOf(minuteApp as unknown as typeof yellow, 100);
  const warnings: string[] = [];
  const table = new Table({
    catalog: [painter, minuteApp, yellow],
    clock,
    idleSeconds: 1,
    screensaver: playlistMode({
      items: items('demos'),
      catalog: [painter, minuteApp, yellow],
      demos: [appDemo],
      warn: (m) => warnings.push(m),
    }),
  });
  table.engine.start();
  clock.step(62);
  assert.is(table.engine.top.title, 'Screensaver', 'no game demos: the plain screensaver');
  assert.match(warnings[0] ?? '', /no game demos/);
});

test('nothing playable: the plain colour screensaver', () => {
  const { clock, engine } = idleTable(items('nope'));
  clock.step(62);
  assert.is(engine.top.title, 'Screensaver');
});

test('idle shows: the SHOW line steps through mix, clock, effects, demos, plain', () => {
  const show = new IdleShow('mix', items('painter:color=red@2'), {
    catalog: [painter, yellow],
    demos: [demoOf(yellow, 100)],
  });
  // the SHOW line as the settings screen gets it: from idleShow's declaration, with the show as hook
  const settings = new LiveSettings({
    specs: idleOptions.specs,
    values: { idleShow: show.current },
    hooks: { idleShow: (name: IdleShowName) => show.choose(name) },
  });
  const [line, ...others] = settings.lines();
  assert.equal(others, [], 'NIGHT and DIM need the night schedule as hook');
  assert.is(line!.label, 'SHOW');
  const seen = [line!.value()];
  for (let i = 0; i < 5; i++) {
    line!.step(1);
    seen.push(line!.value());
  }
  assert.equal(seen, ['MIX', 'CLOCK', 'EFFEC', 'DEMOS', 'PLAIN', 'MIX']);
  line!.step(-1);
  assert.is(show.current, 'plain');
  const clock = new ManualClock();
  const table = new Table({
    catalog: [painter, yellow],
    clock,
    idleSeconds: 1,
    screensaver: show.screensaver,
  });
  table.engine.start();
  clock.step(62);
  assert.is(table.engine.top.title, 'Screensaver', 'plain');
  line!.step(-1); // demos
  table.engine.input.push({ player: 0, button: 'a', down: true });
  clock.step(1);
  table.engine.input.push({ player: 0, button: 'a', down: false });
  clock.step(62);
  assert.is(table.engine.frame.get(10, 10), 0xffff00, 'the demos show');
});

test.run();
