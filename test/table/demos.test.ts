import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { discoverGames } from '../../src/cli/discover.ts';
import { ManualClock } from '../../src/engine/clock.ts';
import { MemoryLogger } from '../../src/engine/log.ts';
import { defineGame } from '../../src/index.ts';
import { ReplayRecorder } from '../../src/replay/replay.ts';
import { BUILT_IN_REPLAYS, type Demo, loadDemos } from '../../src/table/demos.ts';
import { playlistMode } from '../../src/table/playlist.ts';
import { Table } from '../../src/table/table.ts';

/** Fills the frame with its seed's colour and counts ticks in the top-left pixel's blue. */
const fill = (id: string, color: number) =>
  defineGame({
    id,
    title: id.toUpperCase(),
    create() {
      let ticks = 0;
      return {
        update() {
          ticks++;
        },
        draw(g) {
          g.clear(color);
          g.set(0, 14, ticks & 0xff);
        },
      };
    },
  });
const red = fill('red', 0xff0000);
const green = fill('green', 0x00ff00);

function demoOf(game: ReturnType<typeof fill>, ticks: number): Demo {
  const clock = new ManualClock();
  const table = new Table({ catalog: [game], clock, idleSeconds: 0 });
  const engine = table.engine;
  engine.start();
  table.play(game, { seed: 3 });
  const recorder = new ReplayRecorder(table);
  clock.step(ticks);
  return { game, replay: recorder.finish() };
}

function idleTable(demos: Demo[]) {
  const clock = new ManualClock();
  const table = new Table({
    catalog: [red, green],
    clock,
    idleSeconds: 1,
    screensaver: playlistMode({ items: [{ kind: 'demos', seconds: 4 }], catalog: [red, green], demos }),
  });
  const engine = table.engine;
  engine.start();
  return { clock, engine };
}

test('an idle playlist of demos plays them in turn; the title shows first; any button returns to the menu', () => {
  const { clock, engine } = idleTable([demoOf(red, 600), demoOf(green, 600)]);
  clock.step(61);
  assert.is(engine.top.title, 'Playlist');
  clock.step(2);
  assert.is(engine.frame.get(10, 12), 0xff0000, 'the red demo plays');
  assert.not.equal(engine.frame.get(10, 2), 0xff0000, 'its title banner covers the top rows');
  clock.step(130);
  assert.is(engine.frame.get(10, 2), 0xff0000, 'the banner is gone after two seconds');
  clock.step(110);
  assert.is(engine.frame.get(10, 12), 0x00ff00, 'after demoSeconds the next demo plays');
  engine.input.push({ player: 0, button: 'b', down: true });
  clock.step(1);
  assert.is(engine.top.title, 'Menu');
});

test('a replay shorter than demoSeconds ends its demo sooner', () => {
  const { clock, engine } = idleTable([demoOf(red, 30), demoOf(green, 30)]);
  clock.step(61 + 32);
  assert.is(engine.frame.get(10, 12), 0x00ff00);
});

test('without demos the idle table shows the plain screensaver', () => {
  const { clock, engine } = idleTable([]);
  clock.step(61);
  assert.is(engine.top.title, 'Screensaver');
});

test('the shipped demo replays load for the games that exist', async () => {
  const { games } = await discoverGames();
  const warnings: string[] = [];
  const demos = loadDemos(BUILT_IN_REPLAYS, games, { width: 20, height: 15, rate: 60 }, (m) =>
    warnings.push(m),
  );
  assert.equal(warnings, []);
  assert.ok(demos.length > 0);
  for (const demo of demos) assert.ok(games.includes(demo.game));
});

test('the idle playlist plays every shipped demo in turn without one warning or error', async () => {
  // (connect4.json's old "medium" level used to show a red error frame on every cycle.)
  const { games } = await discoverGames();
  const demos = loadDemos(BUILT_IN_REPLAYS, games, { width: 20, height: 15, rate: 60 });
  const log = new MemoryLogger();
  const clock = new ManualClock();
  const table = new Table({
    catalog: games,
    clock,
    log,
    idleSeconds: 1,
    screensaver: playlistMode({ items: [{ kind: 'demos', seconds: 2 }], catalog: games, demos }),
  });
  table.engine.start();
  const titles = new Set<string>();
  for (let tick = 0; tick < 60 * (1 + 2 * demos.length); tick++) {
    clock.step(1);
    titles.add(table.engine.top.title);
  }
  assert.ok(titles.has('Playlist'));
  assert.not.ok(titles.has('Message'), 'no error screen');
  assert.equal(
    log.lines.filter((line) => !line.startsWith('info:')),
    [],
  );
});

test.run();
