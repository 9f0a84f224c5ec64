/**
 * The updater (ledtable-update.service's work) against a local bare repository as the f.remote, no
 * network traffic (update-fixture.ts): a good update, a broken build, failing tests, no
 * connection, a new version that does not start. After each case the installed version is read
 * back from the install, and the status file the table reads is checked.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { git, updateFixture } from './update-fixture.ts';

const f = updateFixture();

test('nothing new: up to date, nothing built, the status says so', async () => {
  if (!f) return;
  const run = await f.update();
  assert.is(run.code, 0);
  assert.equal(run.steps, ['FETCH']);
  assert.equal(run.result, { status: 'up-to-date', from: f.v1.slice(0, 7), to: f.v1.slice(0, 7) });
  assert.is(f.installed(), '1');
  assert.is(f.restartCount(), 0);
});

test('a good update: built and tested in a copy, swapped in, the clone fast-forwarded, the service restarted', async () => {
  if (!f) return;
  const v2 = f.release(2);
  const run = await f.update();
  assert.is(run.code, 0, run.lines.join('\n'));
  assert.equal(run.steps, ['FETCH', 'COPY', 'INSTALL', 'BUILD', 'TEST', 'SWAP', 'RESTART']);
  assert.equal(run.result, { status: 'updated', from: f.v1.slice(0, 7), to: v2.slice(0, 7) });
  assert.equal([run.status.step, run.status.done], ['RESTART', 1]);
  assert.is(f.installed(), '2');
  assert.is(f.installedCommit(), v2);
  assert.not.ok(existsSync(join(f.prefix, '.git')), 'no .git in the install');
  assert.is(
    statSync(join(f.prefix, 'VERSION')).mode & 0o022,
    0,
    'nobody but the owner may write the install',
  );
  assert.is(
    readFileSync(join(`${f.prefix}.previous`, 'VERSION'), 'utf8').trim(),
    '1',
    'the old version is kept',
  );
  assert.is(f.restartCount(), 1);
  assert.not.ok(existsSync(`${f.prefix}.next`));
  assert.is(git(f.source, 'rev-parse', 'HEAD'), v2, 'the clone moved only now');
  assert.is((await f.update()).result?.status, 'up-to-date', 'and the next update finds nothing new');
});

test('a broken build: the install keeps the running version, the clone stays, the status says why', async () => {
  if (!f) return;
  const v2 = f.installedCommit();
  f.release(3, 'echo "src/engine/engine.ts(3,1): error TS2304: Cannot find name" >&2; exit 2');
  const run = await f.update();
  assert.is(run.code, 1);
  assert.equal(
    run.result?.reason,
    'build failed: src/engine/engine.ts(3,1): error TS2304: Cannot find name; nothing changed',
  );
  assert.is(run.status.step, 'BUILD');
  assert.is(f.installed(), '2');
  assert.is(f.installedCommit(), v2);
  assert.is(git(f.source, 'rev-parse', 'HEAD'), v2, 'the clone is not advanced to a version that failed');
  assert.not.ok(existsSync(`${f.prefix}.next`), 'the copy is gone');
  assert.is(f.restartCount(), 1, 'no restart');
});

test('failing tests: the install keeps the running version and says why', async () => {
  if (!f) return;
  f.release(4, 'exit 0', 'echo "2 passed, 1 failed"; exit 1');
  const run = await f.update();
  assert.is(run.code, 1);
  assert.is(run.result?.reason, 'tests failed: 2 passed, 1 failed; nothing changed');
  assert.equal(run.steps, ['FETCH', 'COPY', 'INSTALL', 'BUILD', 'TEST']);
  assert.is(run.status.step, 'TEST');
  assert.is(f.installed(), '2');
  assert.is(f.restartCount(), 1);
});

test('no connection to the remote: nothing changes', async () => {
  if (!f) return;
  git(f.source, 'remote', 'set-url', 'origin', join(f.root, 'unreachable.git'));
  const run = await f.update();
  assert.is(run.code, 1);
  assert.match(
    run.result?.reason ?? '',
    /^no connection to the update source \(git fetch failed: .*unreachable\.git/,
  );
  assert.is(run.status.step, 'FETCH');
  assert.is(f.installed(), '2');
  git(f.source, 'remote', 'set-url', 'origin', f.remote);
});

test('a new version that does not start: the previous one is swapped back', async () => {
  if (!f) return;
  const v2 = f.installedCommit();
  const v5 = f.release(5);
  const run = await f.update({ check: ['sh', '-c', 'echo "SyntaxError: Unexpected token" >&2; exit 1'] });
  assert.is(
    run.result?.reason,
    'start check failed: SyntaxError: Unexpected token; the previous version is back',
  );
  assert.is(f.installed(), '2');
  assert.is(f.installedCommit(), v2);
  assert.ok(existsSync(join(`${f.prefix}.previous`, 'VERSION')), 'the version before stays as previous');
  assert.not.ok(existsSync(`${f.prefix}.next`));
  const retry = await f.update();
  assert.is(retry.result?.status, 'updated', 'once it starts, the same version goes in');
  assert.is(f.installedCommit(), v5);
});

test.after(() => f?.remove());

test.run();
