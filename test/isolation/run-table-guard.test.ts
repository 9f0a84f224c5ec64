/**
 * The real-time table guards every game (issue 17): a game stuck in an endless loop in update is
 * stopped after its 1 s call limit, the table shows the crash and goes back to the menu, and
 * SIGTERM still ends the run cleanly (exit 0). Runs runTable itself, on a fake terminal. Which
 * games have a time limit per tick follows --guard.
 */
import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { CliIo } from '../../src/cli/io.ts';
import { resolveOptions } from '../../src/cli/options.ts';
import { runTable } from '../../src/cli/run-table.ts';
import { prepareTable } from '../../src/cli/table-setup.ts';
import { MemoryLogger } from '../../src/engine/log.ts';
import { type GuardLimits, guardLimitsOf } from '../../src/isolation/game-guard.ts';

const HOSTILE = join(import.meta.dirname, '../fixtures/hostile-games');

/** runTable's inputs for game `id` with `args`, on a fresh data folder and a silent fake terminal. */
async function tableFor(id: string, args: readonly string[]) {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledtable-guard-'));
  const { options, gameParams } = resolveOptions([...args, '--data-dir', dataDir, '--output', 'null'], {});
  const log = new MemoryLogger();
  const setup = await prepareTable(options, gameParams, log);
  const game = setup.tableBase.catalog.find((g) => g.id === id)!;
  const io = {
    stdout: { isTTY: false, write: () => true } as unknown as NodeJS.WriteStream,
    stderr: { write: () => true } as unknown as NodeJS.WriteStream,
    stdin: Object.assign(new EventEmitter(), { isTTY: false }) as unknown as NodeJS.ReadStream,
    env: {},
  } satisfies CliIo;
  return { setup, game, io, log };
}

test('runTable: a game looping forever in update is stopped, the menu comes back, SIGTERM exits 0', async () => {
  const { setup, game, io, log } = await tableFor('loop-update', ['--games', HOSTILE]);
  const started = performance.now();
  const running = runTable(setup, { game }, io, log);
  const crashed = () => log.lines.some((line) => line.includes('loop-update crashed'));
  while (!crashed() && performance.now() - started < 8000) await new Promise((r) => setTimeout(r, 20));
  const ms = performance.now() - started;
  process.emit('SIGTERM');
  const code = await running;
  assert.ok(crashed(), log.lines.join('\n'));
  assert.match(log.lines.join('\n'), 'loop-update: update ran for more than 1000 ms and was stopped');
  assert.ok(ms < 3000, `${Math.round(ms)} ms`);
  assert.is(code, 0);
});

/** The running game's time limit per tick when runTable starts `id` with `args`. */
async function tickLimit(id: string, args: readonly string[]): Promise<number | undefined> {
  const { setup, game, io, log } = await tableFor(id, args);
  let limits: GuardLimits | undefined;
  const code = await runTable(
    setup,
    {
      game,
      launch: { seed: 1 },
      keys: false, // no first-time hint over the game
      attach: (table, stop) => {
        // the game starts at the next tick
        const started = performance.now();
        const poll = setInterval(() => {
          const running = table.engine.game?.definition;
          if (!running && performance.now() - started < 3000) return;
          clearInterval(poll);
          limits = running && guardLimitsOf(running);
          stop();
        }, 10);
      },
    },
    io,
    log,
  );
  assert.is(code, 0, log.lines.join('\n'));
  assert.ok(limits, `${id} ran without its guard`);
  return limits.callMs;
}

test('--guard: built-in games tick without a time limit (the watchdog is their backstop); --guard all, --watch and --games folders have one', async () => {
  assert.is(await tickLimit('snake', []), undefined);
  assert.is(await tickLimit('snake', ['--guard', 'all']), 1000);
  assert.is(await tickLimit('snake', ['--watch']), 1000, 'a game being written (--watch) has its limit');
  assert.is(await tickLimit('mover', ['--games', join(import.meta.dirname, '../fixtures/games')]), 1000);
});

test.run();
