/**
 * The real-time table guards every game (issue 17): a game stuck in an endless loop in update is
 * stopped after its 1 s call limit, the table shows the crash and goes back to the menu, and
 * SIGTERM still ends the run cleanly (exit 0). Runs runTable itself, on a fake terminal.
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

const HOSTILE = join(import.meta.dirname, '../fixtures/hostile-games');

test('runTable: a game looping forever in update is stopped, the menu comes back, SIGTERM exits 0', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledtable-guard-'));
  const { options, gameParams } = resolveOptions(
    ['--games', HOSTILE, '--data-dir', dataDir, '--output', 'null'],
    {},
  );
  const log = new MemoryLogger();
  const setup = await prepareTable(options, gameParams, log);
  const game = setup.tableBase.catalog.find((g) => g.id === 'loop-update')!;
  const stdin = Object.assign(new EventEmitter(), { isTTY: false });
  const io = {
    stdout: { isTTY: false, write: () => true } as unknown as NodeJS.WriteStream,
    stderr: { write: () => true } as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    env: {},
  } satisfies CliIo;
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

test.run();
