/**
 * The real-time table runs each tick of a guarded game as one guarded span (one watchdog thread
 * per tick, not per call). A game that hangs in update, in draw, or catching everything is still
 * stopped within its limit, the crash names the call that hung, the menu comes back, and the
 * process's own timers and exit functions are back in place although the hung call's `finally`
 * never ran. A game guarded without a time limit runs its ticks directly.
 */
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { discoverGames } from '../../src/cli/discover.ts';
import { ManualClock } from '../../src/engine/clock.ts';
import { defineGame } from '../../src/engine/game.ts';
import { MemoryLogger } from '../../src/engine/log.ts';
import { guardGame } from '../../src/isolation/game-guard.ts';
import { CallTimeout, guardedCall, guardedSpan } from '../../src/isolation/guarded-call.ts';
import { guardedTicks } from '../../src/isolation/guarded-ticks.ts';
import { Menu } from '../../src/table/menu.ts';
import { Table } from '../../src/table/table.ts';

const { games } = await discoverGames(join(import.meta.dirname, '../fixtures/hostile-games'));
const hostile = (id: string) => games.find((g) => g.id === id)!;
const LIMIT_MS = 100;

test('a span names the guarded call that hung, not the span', () => {
  let ranFirst = false;
  const error = (() => {
    try {
      guardedSpan(
        () => {
          guardedCall(() => (ranFirst = true), 1000, 'first');
          guardedCall(
            () => {
              for (;;) {}
            },
            1000,
            'second',
          );
        },
        LIMIT_MS,
        'the tick',
      );
    } catch (caught) {
      return caught;
    }
  })();
  assert.ok(ranFirst);
  assert.instance(error, CallTimeout);
  assert.is((error as CallTimeout).what, 'second');
  assert.is(
    guardedCall(() => 7, 1000, 'after'),
    7,
    'calls after the span are guarded again',
  );
});

for (const [id, what] of [
  ['loop-update', 'loop-update: update'],
  ['loop-draw', 'loop-draw: draw'],
  ['loop-catching', 'loop-catching: update'],
] as const) {
  test(`${id}: one span per tick stops it, the menu is back, the process globals are restored`, () => {
    const own = { setTimeout, setInterval, setImmediate, exit: process.exit, abort: process.abort };
    const log = new MemoryLogger();
    const manual = new ManualClock();
    let table: Table | undefined;
    const clock = guardedTicks(manual, () => table?.engine);
    const game = guardGame(hostile(id), { callMs: LIMIT_MS, heapMb: 4096 });
    table = new Table({ catalog: [game], width: 20, height: 15, rate: 60, clock, log });
    table.engine.start();
    table.play(game);
    const started = performance.now();
    // the crash message stays a second: back is pressed now and then, as in hostile-games.test.ts
    for (let tick = 0; tick < 180 && !(table.engine.top instanceof Menu); tick++) {
      if (tick % 20 === 10) table.engine.input.push({ player: 0, button: 'back', down: true });
      if (tick % 20 === 11) table.engine.input.push({ player: 0, button: 'back', down: false });
      manual.step(1);
    }
    const ms = performance.now() - started;
    assert.instance(table.engine.top, Menu, `still on ${table.engine.top.title}`);
    assert.ok(ms < 1000, `${Math.round(ms)} ms`);
    assert.match(log.lines.join('\n'), `${what} ran for more than ${LIMIT_MS} ms`);
    assert.equal({ setTimeout, setInterval, setImmediate, exit: process.exit, abort: process.abort }, own);
    table.engine.stop();
  });
}

test('without a time limit (a built-in game by default) a slow tick runs to its end; exit is still refused', () => {
  const log = new MemoryLogger();
  const manual = new ManualClock();
  let table: Table | undefined;
  const clock = guardedTicks(manual, () => table?.engine);
  let updates = 0;
  const slow = defineGame({
    id: 'slow',
    title: 'Slow',
    create: () => ({
      update() {
        updates++;
        if (updates === 2) {
          const until = performance.now() + 2 * LIMIT_MS;
          while (performance.now() < until) {}
        }
        if (updates === 4) process.exit(3);
      },
      draw() {},
    }),
  });
  const game = guardGame(slow, { callMs: undefined, heapMb: 4096 });
  table = new Table({ catalog: [game], width: 20, height: 15, rate: 60, clock, log });
  table.engine.start();
  table.play(game);
  manual.step(3);
  assert.is(updates, 3, 'the slow tick ran to its end and the game went on');
  assert.not.match(log.lines.join('\n'), 'crashed');
  manual.step(1);
  assert.match(log.lines.join('\n'), 'a game may not end the process');
  table.engine.stop();
});

test.run();
