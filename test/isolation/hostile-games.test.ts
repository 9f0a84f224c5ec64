/**
 * Issue 17: whatever a game does, the table is back at the menu within 3 s. Each game in
 * test/fixtures/hostile-games misbehaves in one way (throws in each phase, throws values that are
 * not errors, loops, recurses, allocates, throws from timers, leaves rejections, calls
 * process.exit, draws garbage, ends with garbage); each is played through the guard the real
 * table uses (with a 100 ms call limit to keep the test fast), while `back` is pressed now and
 * then like a player would. The menu must be on top within 180 ticks (3 s at 60 Hz) and 3 s of
 * wall time.
 */
import { join } from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { discoverGames } from '../../src/cli/discover.ts';
import { MemoryLogger } from '../../src/engine/log.ts';
import { guardGame } from '../../src/isolation/game-guard.ts';
import { crashRunningGame, StrayErrors } from '../../src/isolation/stray-errors.ts';
import { Menu } from '../../src/table/menu.ts';
import { Stepper } from '../../src/table/stepper.ts';

const DIR = join(import.meta.dirname, '../fixtures/hostile-games');
const { games, problems } = await discoverGames(DIR);
const limits = { callMs: 100, heapMb: Math.round(getHeapStatistics().used_heap_size / 1048576) + 64 };
/** Between ticks: timers (every 8th tick, as they need a millisecond) and promise callbacks run. */
const between = (tick: number) =>
  new Promise((resolve) => (tick % 8 === 0 ? setTimeout(resolve, 1) : setImmediate(resolve)));

test('the hostile folder has 27 games; the one with a malformed icon is refused at discovery', () => {
  assert.is(games.length + problems.length, 28);
  assert.is(problems.length, 1, problems.join('\n'));
  assert.match(problems[0]!, 'icon-malformed/index.ts: icon pixels do not match its size');
});

for (const game of games) {
  test(`${game.id}: the menu is back within 3 s`, async () => {
    const log = new MemoryLogger();
    const guarded = guardGame(game, limits);
    const stepper = new Stepper({ catalog: [guarded], width: 20, height: 15, rate: 60, log });
    const { engine, table } = stepper;
    let fatal: unknown;
    const stray = new StrayErrors(crashRunningGame(engine, log));
    const onStray = (error: unknown) => {
      if (!stray.handle(error)) fatal = error;
    };
    process.on('uncaughtException', onStray);
    process.on('unhandledRejection', onStray);
    const started = performance.now();
    let ticks = 0;
    try {
      table.play(guarded);
      while (!(engine.top instanceof Menu) && ticks < 600) {
        if (ticks % 20 === 10) engine.input.push({ player: 0, button: 'back', down: true });
        if (ticks % 20 === 11) engine.input.push({ player: 0, button: 'back', down: false });
        stepper.stepNow();
        ticks++;
        await between(ticks); // timers and promise callbacks of the game run here, as between real ticks
      }
      const ms = performance.now() - started;
      if (process.env.HOSTILE_TIMES) console.log(game.id, ticks, Math.round(ms));
      assert.instance(engine.top, Menu, `still on ${engine.top.title} after ${ticks} ticks`);
      assert.ok(ticks <= 180, `${ticks} ticks`);
      assert.ok(ms < 3000, `${Math.round(ms)} ms`);
      for (let i = 0; i < 16; i++) {
        stepper.stepNow(); // the menu keeps running, and the game's timers are gone
        await between(i);
      }
      assert.instance(engine.top, Menu);
      assert.is(fatal, undefined, 'no error outside the game');
      assert.is(({} as Record<string, unknown>).polluted, undefined);
    } finally {
      process.off('uncaughtException', onStray);
      process.off('unhandledRejection', onStray);
      stepper.stop();
    }
  });
}

test.run();
