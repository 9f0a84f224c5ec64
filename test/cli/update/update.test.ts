/**
 * The update path against a local bare repository as the remote (no network traffic): a good
 * update, a broken build, failing tests, no connection, and a new version that does not start.
 * The install is a real git checkout; npm is replaced by the repository's own build.sh and
 * test.sh, and systemctl by a line in a file. After each case the installed version is read
 * back from the install directory.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runUpdate, type UpdateCommands } from '../../../src/cli/update/update.ts';

const root = mkdtempSync(join(tmpdir(), 'ledtable-update-'));
const remote = join(root, 'remote.git');
const work = join(root, 'work');
const install = join(root, 'ledtable');
const restarts = join(root, 'restarts.log');

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@localhost', ...args], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  }).trim();
}

/** Commits version `n` to the remote: VERSION, a build script and a test script. */
function release(n: number, build = 'exit 0', tests = 'exit 0'): string {
  writeFileSync(join(work, 'VERSION'), `${n}\n`);
  writeFileSync(join(work, 'build.sh'), `${build}\n`);
  writeFileSync(join(work, 'test.sh'), `${tests}\n`);
  git(work, 'add', '.');
  git(work, 'commit', '--quiet', '-m', `version ${n}`);
  git(work, 'push', '--quiet', 'origin', 'main');
  return git(work, 'rev-parse', '--short', 'HEAD');
}

const installed = () => readFileSync(join(install, 'VERSION'), 'utf8').trim();
const installedCommit = () => git(install, 'rev-parse', '--short', 'HEAD');

const COMMANDS: UpdateCommands = {
  install: ['true'],
  build: ['sh', 'build.sh'],
  test: ['sh', 'test.sh'],
  check: ['sh', '-c', 'test -f VERSION'],
  restart: ['sh', '-c', `echo restart >> ${restarts}`],
};

function update(commands: Partial<UpdateCommands> = {}) {
  const steps: string[] = [];
  return runUpdate({
    installDir: install,
    commands: { ...COMMANDS, ...commands },
    progress: (step) => steps.push(step),
  }).then((result) => ({ ...result, steps }));
}

let hasGit = true;
try {
  execFileSync('git', ['--version']);
  execFileSync('git', ['init', '--quiet', '--bare', '-b', 'main', remote]);
  execFileSync('git', ['clone', '--quiet', remote, work], { stdio: 'ignore' });
  git(work, 'checkout', '--quiet', '-b', 'main');
  release(1);
  execFileSync('git', ['clone', '--quiet', remote, install], { stdio: 'ignore' });
} catch (error) {
  hasGit = false;
  console.log(`  (skipped: git is needed: ${(error as Error).message})`);
}

test('nothing new: up to date, nothing built', async () => {
  if (!hasGit) return;
  const result = await update();
  assert.is(result.status, 'up-to-date');
  assert.equal(result.steps, ['FETCH']);
  assert.is(installed(), '1');
});

test('a good update: built and tested in a copy, swapped in, the service restarted', async () => {
  if (!hasGit) return;
  const before = installedCommit();
  const v2 = release(2);
  const result = await update();
  assert.is(result.status, 'updated', result.reason);
  assert.equal([result.from, result.to], [before, v2]);
  assert.equal(result.steps, ['FETCH', 'COPY', 'INSTALL', 'BUILD', 'TEST', 'SWAP', 'RESTART']);
  assert.is(installed(), '2');
  assert.is(installedCommit(), v2);
  assert.is(
    readFileSync(join(`${install}.previous`, 'VERSION'), 'utf8').trim(),
    '1',
    'the old version is kept',
  );
  assert.is(readFileSync(restarts, 'utf8'), 'restart\n');
  assert.not.ok(existsSync(`${install}.next`));
  assert.is(git(install, 'remote', 'get-url', 'origin'), remote, 'the new install still tracks the remote');
  assert.is((await update()).status, 'up-to-date', 'and the next update finds nothing new');
});

test('a broken build: the install keeps the running version and says why', async () => {
  if (!hasGit) return;
  release(3, 'echo "src/engine/engine.ts(3,1): error TS2304: Cannot find name" >&2; exit 2');
  const result = await update();
  assert.is(result.status, 'failed');
  assert.is(
    result.reason,
    'build failed: src/engine/engine.ts(3,1): error TS2304: Cannot find name; nothing changed',
  );
  assert.is(installed(), '2');
  assert.not.ok(existsSync(`${install}.next`), 'the copy is gone');
  assert.is(readFileSync(restarts, 'utf8'), 'restart\n', 'no restart');
});

test('failing tests: the install keeps the running version and says why', async () => {
  if (!hasGit) return;
  release(4, 'exit 0', 'echo "2 passed, 1 failed"; exit 1');
  const result = await update();
  assert.is(result.status, 'failed');
  assert.is(result.reason, 'tests failed: 2 passed, 1 failed; nothing changed');
  assert.equal(result.steps, ['FETCH', 'COPY', 'INSTALL', 'BUILD', 'TEST']);
  assert.is(installed(), '2');
});

test('no connection to the remote: nothing changes', async () => {
  if (!hasGit) return;
  git(install, 'remote', 'set-url', 'origin', join(root, 'unreachable.git'));
  const result = await update();
  assert.is(result.status, 'failed');
  assert.match(
    result.reason ?? '',
    /^no connection to the update source \(git fetch failed: .*unreachable\.git/,
  );
  assert.is(installed(), '2');
  git(install, 'remote', 'set-url', 'origin', remote);
});

test('a new version that does not start: the previous one is swapped back', async () => {
  if (!hasGit) return;
  const v5 = release(5);
  const result = await update({ check: ['sh', '-c', 'echo "SyntaxError: Unexpected token" >&2; exit 1'] });
  assert.is(result.status, 'failed');
  assert.is(result.reason, 'start check failed: SyntaxError: Unexpected token; the previous version is back');
  assert.is(installed(), '2');
  assert.is.not(installedCommit(), v5);
  assert.ok(existsSync(join(`${install}.previous`, 'VERSION')), 'the version before stays as previous');
  assert.not.ok(existsSync(`${install}.next`));
  const retry = await update();
  assert.is(retry.status, 'updated', 'once it starts, the same version goes in');
  assert.is(installed(), '5');
});

test('an install that is not a git checkout is left alone, with the way to update it', async () => {
  const plain = mkdtempSync(join(tmpdir(), 'ledtable-plain-'));
  const result = await runUpdate({ installDir: plain, commands: COMMANDS });
  assert.is(result.status, 'failed');
  assert.match(
    result.reason ?? '',
    /not a git checkout: update the source with git pull and run systemd\/install.sh again/,
  );
  rmSync(plain, { recursive: true, force: true });
});

test.after(() => rmSync(root, { recursive: true, force: true }));

test.run();
