/**
 * `ledtable update status`: the owner's view of the last update, from the status file the
 * updater writes (src/cli/update/update-status.ts), through the real CLI in-process.
 */
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { writeStatus } from '../../../src/cli/update/update-status.ts';
import { runCli } from '../../helpers/run-cli.ts';

test('ledtable update status: none yet, a failure with its reason and step, a success with its commits', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ledtable-update-status-'));
  const none = await runCli(dir, 'update', 'status');
  assert.is(none.code, 0);
  assert.match(
    none.out,
    'no update has run yet (start one: SETTINGS › UPDATE, or sudo systemctl start ledtable-update)',
  );

  const at = new Date().toISOString();
  writeStatus(join(dir, 'update.json'), {
    started: at,
    at,
    step: 'TEST',
    done: 0.7,
    result: {
      status: 'failed',
      from: 'abc1234',
      to: 'abc1234',
      reason: 'tests failed: 1 failed; nothing changed',
    },
  });
  const failed = await runCli(dir, 'update', 'status');
  assert.match(failed.out, `started ${at}`);
  assert.match(failed.out, 'failed at test: tests failed: 1 failed; nothing changed');

  writeStatus(join(dir, 'update.json'), {
    started: at,
    at,
    step: 'RESTART',
    done: 1,
    result: {
      status: 'updated',
      from: 'abc1234',
      to: 'def5678',
      note: '/home/pi/ledtable stays where it was',
    },
  });
  const updated = await runCli(dir, 'update', 'status');
  assert.match(updated.out, 'updated abc1234 → def5678\nnote: /home/pi/ledtable stays where it was');

  writeStatus(join(dir, 'update.json'), { started: at, at, step: 'BUILD', done: 0.45 });
  assert.match((await runCli(dir, 'update', 'status')).out, 'running: build (45 %)');

  const wrong = await runCli(dir, 'update');
  assert.is(wrong.code, 2);
  assert.match(wrong.err, 'update needs a sub-command: ledtable update status');
  rmSync(dir, { recursive: true, force: true });
});

test('the root updater never writes through a link the table’s user planted in its directory', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ledtable-update-status-'));
  const victim = join(dir, 'victim');
  writeFileSync(victim, 'precious\n');
  symlinkSync(victim, join(dir, 'update.json.tmp'));
  symlinkSync(victim, join(dir, 'update.json'));
  const at = new Date().toISOString();
  writeStatus(join(dir, 'update.json'), { started: at, at, step: 'FETCH', done: 0 });
  assert.is(readFileSync(victim, 'utf8'), 'precious\n');
  assert.match(readFileSync(join(dir, 'update.json'), 'utf8'), '"step": "FETCH"');
  rmSync(dir, { recursive: true, force: true });
});

test.run();
