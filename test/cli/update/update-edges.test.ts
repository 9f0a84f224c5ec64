/**
 * The updater's less common paths (update-fixture.ts): the owner's edits in the clone, a power
 * cut mid-swap, git as the clone's owner when root runs it, a source that is no clone, usage.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runUpdater } from '../../../src/cli/update/run-updater.ts';
import { type Shell, spawnShell } from '../../../src/cli/update/shell.ts';
import { readStatus } from '../../../src/cli/update/update-status.ts';
import { git, updateFixture } from './update-fixture.ts';

const f = updateFixture();

test('local edits in the clone: the update goes in, the clone stays and the result says how to move it', async () => {
  if (!f) return;
  writeFileSync(join(f.source, 'VERSION'), 'my own\n');
  const v2 = f.release(2);
  const run = await f.update();
  assert.is(run.result?.status, 'updated');
  assert.match(run.result?.note ?? '', /stays where it was .*merge --ff-only origin\/main/);
  assert.is(f.installedCommit(), v2);
  assert.is(readFileSync(join(f.source, 'VERSION'), 'utf8'), 'my own\n', 'the owner’s edit is kept');
  git(f.source, 'checkout', '--quiet', '--', 'VERSION');
  git(f.source, 'merge', '--quiet', '--ff-only', 'origin/main');
});

test('a power cut between the two renames: the next run puts the previous version back first', async () => {
  if (!f) return;
  const v2 = f.installedCommit();
  renameSync(`${f.prefix}.previous`, `${f.prefix}.previous.old`);
  renameSync(f.prefix, `${f.prefix}.previous`);
  const run = await f.update();
  assert.is(run.result?.status, 'up-to-date');
  assert.is(f.installedCommit(), v2);
  assert.ok(existsSync(join(`${f.prefix}.previous`, 'VERSION')));
});

test('as root with a clone owned by someone else, git runs as that owner (setpriv), the rest as root', async () => {
  if (!f) return;
  if (process.getuid?.() !== 0 || spawnSync('setpriv', ['--version']).status !== 0) {
    console.log('  skipped: needs root and setpriv (util-linux)');
    return;
  }
  const calls: string[] = [];
  const recording: Shell = (command, args, cwd) => {
    calls.push([command, ...args].join(' '));
    return spawnShell(command, args, cwd);
  };
  const v3 = f.release(3);
  execFileSync('chown', ['-R', '65534:65534', f.source, f.remote]);
  try {
    const run = await f.update({}, recording, 0);
    assert.is(run.code, 0, run.lines.join('\n'));
    assert.is(f.installedCommit(), v3);
    const gits = calls.filter((c) => c.includes(' git ') || c.startsWith('git '));
    assert.ok(gits.length >= 5);
    for (const call of gits)
      assert.ok(call.startsWith('setpriv --reuid=65534 --regid=65534 --init-groups --reset-env git '), call);
    assert.ok(
      calls.some((c) => c.startsWith('tar -x')),
      'root unpacks the copy',
    );
    assert.is(statSync(join(f.prefix, 'VERSION')).uid, 0, 'the install belongs to root');
  } finally {
    execFileSync('chown', ['-R', '0:0', f.source, f.remote]);
  }
});

test('the clone is not a git clone: the install is left alone, with the way out', async () => {
  if (!f) return;
  const plain = mkdtempSync(join(tmpdir(), 'ledtable-plain-'));
  const code = await runUpdater(['--source', plain, '--prefix', f.prefix, '--status', f.statusFile], {
    log: () => {},
  });
  assert.is(code, 1);
  assert.match(
    readStatus(f.statusFile)?.result?.reason ?? '',
    /ledtable-plain-\w+ is not a git clone: clone the project there and run systemd\/install.sh again/,
  );
  rmSync(plain, { recursive: true, force: true });
});

test('a branch that follows no remote branch: nothing changes, and the fix is named', async () => {
  if (!f) return;
  git(f.source, 'branch', '--unset-upstream');
  const run = await f.update();
  assert.is(run.code, 1);
  assert.match(
    run.result?.reason ?? '',
    /has no branch following a remote one \(git rev-parse failed: fatal: no upstream configured for branch 'main'\): git switch main there, or git branch --set-upstream-to=origin\/<branch>/,
  );
  git(f.source, 'branch', '--set-upstream-to=origin/main');
});

test('a usage mistake names the option', async () => {
  const lines: string[] = [];
  assert.is(await runUpdater(['--source', 'x', '--prefix'], { log: (l) => lines.push(l) }), 2);
  assert.match(lines.join('\n'), 'updater: --prefix needs a value');
  assert.is(await runUpdater(['--source', 'x', '--prefix', 'y'], { log: (l) => lines.push(l) }), 2);
  assert.match(lines.join('\n'), 'updater: --status is missing');
});

test.after(() => f?.remove());

test.run();
