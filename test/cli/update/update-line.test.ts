/**
 * The table's side of an update: the UPDATE line asks systemd to start ledtable-update.service
 * (through the shell seam, recorded here) and its progress screen follows the status file the
 * updater writes (written here by hand); after the restart the new table shows the result once.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Shell, ShellResult } from '../../../src/cli/update/shell.ts';
import { resumeUpdate, START_TIMEOUT_MS, updateLine } from '../../../src/cli/update/update-line.ts';
import { STALE_MS, type UpdateStatus, writeStatus } from '../../../src/cli/update/update-status.ts';
import { ManualClock } from '../../../src/engine/clock.ts';
import { defineGame } from '../../../src/engine/game.ts';
import type { Canvas } from '../../../src/gfx/canvas.ts';
import { frameToText } from '../../../src/gfx/frame-text.ts';
import { REFRESH_TICKS } from '../../../src/table/progress-screen.ts';
import { Table } from '../../../src/table/table.ts';

const solo = defineGame({
  id: 'solo',
  title: 'Solo',
  create: () => ({ update() {}, draw: (g) => g.clear() }),
});

const GREEN = 0x40ff60;
const RED = 0xff4030;
const BAR = 0x2080ff;

/** A table, a data directory, a wall clock and a shell that records systemctl calls. */
function setup(answer: ShellResult = { code: 0, stdout: '', stderr: '' }) {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledtable-update-line-'));
  const clock = new ManualClock();
  const table = new Table({ catalog: [solo], clock, idleSeconds: 0 });
  table.engine.start();
  const calls: string[] = [];
  const shell: Shell = async (command, args) => {
    calls.push([command, ...args].join(' '));
    return answer;
  };
  let wall = Date.parse('2026-12-02T12:00:00Z');
  const watch = { dataDir, shell, now: () => wall };
  const status = (s: Omit<UpdateStatus, 'at'>) =>
    writeStatus(join(dataDir, 'update.json'), { ...s, at: new Date(wall).toISOString() });
  return {
    table,
    calls,
    watch,
    status,
    later: (ms: number) => {
      wall += ms;
    },
    /** One poll of the status file (the screen reads it every REFRESH_TICKS). */
    poll: () => clock.step(REFRESH_TICKS),
    remove: () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

/** Pixels of one colour in rows y0..y1. */
function count(frame: Canvas, color: number, y0: number, y1: number): number {
  let n = 0;
  for (let y = y0; y <= y1; y++) for (let x = 0; x < frame.width; x++) if (frame.get(x, y) === color) n++;
  return n;
}

const earlier = '2026-12-01T08:00:00.000Z';
const started = '2026-12-02T12:00:01.000Z';

test('UPDATE starts the unit through systemctl, then shows the run’s steps and result from its status file', async () => {
  const t = setup();
  // a finished run from yesterday is not this one
  t.status({
    started: earlier,
    step: 'RESTART',
    done: 1,
    result: { status: 'updated', from: 'aaaaaaa', to: 'bbbbbbb' },
  });
  const line = updateLine(() => t.table, t.watch);
  assert.is(line.label, 'UPDATE');
  line.action?.();
  await Promise.resolve();
  assert.equal(t.calls, ['systemctl start --no-block ledtable-update.service']);
  t.poll();
  assert.is(t.table.engine.top.title, 'UPDATE');
  assert.is(count(t.table.engine.frame, GREEN, 5, 9), 0, 'yesterday’s result is not shown');

  t.status({ started, step: 'BUILD', done: 0.45 });
  t.poll();
  const bar = count(t.table.engine.frame, BAR, 12, 12);
  assert.ok(bar >= 8 && bar <= 10, `45 % of the bar:\n${frameToText(t.table.engine.frame)}`);

  t.table.engine.input.push({ player: 0, button: 'back', down: true });
  t.poll();
  assert.is(t.table.engine.top.title, 'UPDATE', 'back does nothing while it runs');

  t.status({
    started,
    step: 'RESTART',
    done: 1,
    result: { status: 'updated', from: 'bbbbbbb', to: 'ccccccc' },
  });
  t.poll();
  assert.ok(
    count(t.table.engine.frame, GREEN, 5, 9) > 10,
    `DONE in green:\n${frameToText(t.table.engine.frame)}`,
  );
  assert.not.ok(resumeUpdate(t.table, t.watch), 'a result shown here is not shown again after the restart');
  t.remove();
});

test('a failed run: FAIL in red with the reason, and back leaves', () => {
  const t = setup();
  updateLine(() => t.table, t.watch).action?.();
  t.status({
    started,
    step: 'TEST',
    done: 0.7,
    result: {
      status: 'failed',
      from: 'bbbbbbb',
      to: 'bbbbbbb',
      reason: 'tests failed: 1 failed; nothing changed',
    },
  });
  t.poll();
  const frame = t.table.engine.frame;
  assert.ok(count(frame, RED, 5, 9) > 10, `FAIL in red:\n${frameToText(frame)}`);
  assert.ok(count(frame, RED, 10, 14) > 0, 'the reason scrolls below');
  t.table.engine.input.push({ player: 0, button: 'back', down: true });
  t.poll();
  assert.is(t.table.engine.top.title, 'Menu');
  t.remove();
});

test('systemd refuses (no polkit rule): the table says so instead of waiting', async () => {
  const t = setup({
    code: 4,
    stdout: '',
    stderr: 'Failed to start ledtable-update.service: Access denied\n',
  });
  updateLine(() => t.table, t.watch).action?.();
  await new Promise((resolve) => setImmediate(resolve));
  t.poll();
  assert.ok(count(t.table.engine.frame, RED, 5, 9) > 10, frameToText(t.table.engine.frame));
  t.remove();
});

test('the updater never writes: after a minute the table stops waiting', () => {
  const t = setup();
  updateLine(() => t.table, t.watch).action?.();
  t.poll();
  assert.is(count(t.table.engine.frame, RED, 5, 9), 0);
  t.later(START_TIMEOUT_MS + 1);
  t.poll();
  assert.ok(count(t.table.engine.frame, RED, 5, 9) > 10, frameToText(t.table.engine.frame));
  t.remove();
});

test('an update already running (started from a shell) is followed, not started again', async () => {
  const t = setup();
  t.status({ started, step: 'INSTALL', done: 0.15 });
  updateLine(() => t.table, t.watch).action?.();
  await Promise.resolve();
  assert.equal(t.calls, []);
  t.poll();
  assert.ok(count(t.table.engine.frame, BAR, 12, 12) >= 2);
  t.remove();
});

test('after the restart the new table shows the result once; a run that died shows as failed', () => {
  const t = setup();
  t.status({
    started,
    step: 'RESTART',
    done: 1,
    result: { status: 'updated', from: 'bbbbbbb', to: 'ccccccc' },
  });
  assert.ok(resumeUpdate(t.table, t.watch));
  t.poll();
  assert.ok(count(t.table.engine.frame, GREEN, 5, 9) > 10, frameToText(t.table.engine.frame));
  t.table.engine.input.push({ player: 0, button: 'a', down: true });
  t.poll();
  assert.is(t.table.engine.top.title, 'Menu');
  assert.not.ok(resumeUpdate(t.table, t.watch), 'once');

  // a run whose heartbeat stopped (power cut mid-build)
  t.status({ started: '2026-12-02T12:30:00.000Z', step: 'BUILD', done: 0.45 });
  assert.ok(resumeUpdate(t.table, t.watch), 'while it may still run, it is followed');
  t.later(STALE_MS + 1);
  t.poll();
  assert.ok(count(t.table.engine.frame, RED, 5, 9) > 10, frameToText(t.table.engine.frame));
  t.remove();
});

test('a stray file that is no status is ignored', () => {
  const t = setup();
  writeFileSync(join(t.watch.dataDir, 'update.json'), '{"half":');
  assert.not.ok(resumeUpdate(t.table, t.watch));
  t.remove();
});

test.run();
