import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { UpdateResult } from '../../../src/cli/update/update.ts';
import { installDirectory, updateLine } from '../../../src/cli/update/update-line.ts';
import { ManualClock } from '../../../src/engine/clock.ts';
import { defineGame } from '../../../src/engine/game.ts';
import { frameToText } from '../../../src/gfx/frame-text.ts';
import { Table } from '../../../src/table/table.ts';

const solo = defineGame({
  id: 'solo',
  title: 'Solo',
  create: () => ({ update() {}, draw: (g) => g.clear() }),
});

test('UPDATE runs on the table: progress, then the reason it failed, until back', async () => {
  const plain = mkdtempSync(join(tmpdir(), 'ledtable-update-line-'));
  const clock = new ManualClock();
  const table = new Table({ catalog: [solo], clock, idleSeconds: 0 });
  table.engine.start();
  let finished: (r: UpdateResult) => void = () => {};
  const result = new Promise<UpdateResult>((resolve) => {
    finished = resolve;
  });
  const line = updateLine(
    () => table,
    { installDir: plain },
    (r) => finished(r),
  );
  assert.is(line.label, 'UPDATE');
  line.action?.();
  clock.step(1);
  assert.is(table.engine.top.title, 'UPDATE');
  const outcome = await result;
  assert.is(outcome.status, 'failed');
  clock.step(1);
  const rows = table.engine.frame;
  let red = 0;
  for (let y = 5; y < 10; y++) for (let x = 0; x < 20; x++) if (rows.get(x, y) === 0xff4030) red++;
  assert.ok(red > 10, `FAIL in red:\n${frameToText(rows)}`);
  assert.ok(rows.get(0, 12) !== 0 || rows.get(5, 12) !== 0, 'the reason scrolls below');
  table.engine.input.push({ player: 0, button: 'back', down: true });
  clock.step(1);
  assert.is(table.engine.top.title, 'Menu');
  rmSync(plain, { recursive: true, force: true });
});

test('the install directory is the project root (also from dist/)', () => {
  const dir = installDirectory();
  assert.ok(existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'src/cli/update/update.ts')), dir);
});

test.run();
