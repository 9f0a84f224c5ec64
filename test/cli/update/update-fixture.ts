/**
 * A real install to update, as on a Pi: a local bare repository as the remote, the owner's git
 * clone of it (the source) and a copy without .git naming its commit in COMMIT (what
 * systemd/install.sh makes), all in one temp directory. npm is replaced by the repository's own
 * build.sh and test.sh, systemctl by a line in a file.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as assert from 'uvu/assert';
import { runUpdater } from '../../../src/cli/update/run-updater.ts';
import { type Shell, spawnShell } from '../../../src/cli/update/shell.ts';
import type { UpdateCommands } from '../../../src/cli/update/update.ts';
import { readStatus } from '../../../src/cli/update/update-status.ts';

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@localhost', ...args], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  }).trim();
}

export interface UpdateFixture {
  readonly root: string;
  readonly remote: string;
  readonly source: string;
  readonly prefix: string;
  readonly statusFile: string;
  /** The first release's commit (installed at the start). */
  readonly v1: string;
  /** Commits version `n` to the remote (VERSION, build.sh, test.sh); its full hash. */
  release(n: number, build?: string, tests?: string): string;
  /** The installed VERSION and COMMIT. */
  installed(): string;
  installedCommit(): string;
  restartCount(): number;
  /** One run of the updater as the unit runs it: exit code, steps, the status file after, log. */
  update(commands?: Partial<UpdateCommands>, shell?: Shell, uid?: number): Promise<UpdateRun>;
  remove(): void;
}

export interface UpdateRun {
  readonly code: number;
  readonly steps: string[];
  readonly status: NonNullable<ReturnType<typeof readStatus>>;
  readonly result: NonNullable<ReturnType<typeof readStatus>>['result'];
  readonly lines: string[];
}

/** The fixture, or undefined (with a line saying so) when git or tar is missing. */
export function updateFixture(): UpdateFixture | undefined {
  const root = mkdtempSync(join(tmpdir(), 'ledtable-update-'));
  // another user (the clone's owner in one test) must reach the clone
  chmodSync(root, 0o755);
  const remote = join(root, 'remote.git');
  const work = join(root, 'work');
  const source = join(root, 'source');
  const prefix = join(root, 'opt', 'ledtable');
  const statusFile = join(root, 'state', 'update.json');
  const restarts = join(root, 'restarts.log');
  const commands: UpdateCommands = {
    install: ['true'],
    build: ['sh', 'build.sh'],
    test: ['sh', 'test.sh'],
    check: ['sh', '-c', 'test -f VERSION'],
    restart: ['sh', '-c', `echo restart >> ${restarts}`],
  };
  const release = (n: number, build = 'exit 0', tests = 'exit 0') => {
    writeFileSync(join(work, 'VERSION'), `${n}\n`);
    writeFileSync(join(work, 'build.sh'), `${build}\n`);
    writeFileSync(join(work, 'test.sh'), `${tests}\n`);
    git(work, 'add', '.');
    git(work, 'commit', '--quiet', '-m', `version ${n}`);
    git(work, 'push', '--quiet', 'origin', 'main');
    // the commit's hash without one more process: the branch's loose ref
    return readFileSync(join(work, '.git/refs/heads/main'), 'utf8').trim();
  };
  let v1: string;
  try {
    execFileSync('git', ['init', '--quiet', '--bare', '--initial-branch=main', remote]);
    execFileSync('git', ['init', '--quiet', '--initial-branch=main', work]);
    git(work, 'remote', 'add', 'origin', remote);
    v1 = release(1);
    execFileSync('git', ['clone', '--quiet', remote, source], { stdio: 'ignore' });
    // what install.sh does: a copy of the clone without .git, and the commit it came from
    mkdirSync(prefix, { recursive: true });
    mkdirSync(join(root, 'state'));
    execFileSync('sh', ['-c', `git -C "${source}" archive HEAD | tar -x -C "${prefix}"`]);
    writeFileSync(join(prefix, 'COMMIT'), `${v1}\n`);
  } catch (error) {
    console.log(`  (skipped: git and tar are needed: ${(error as Error).message})`);
    rmSync(root, { recursive: true, force: true });
    return undefined;
  }
  return {
    root,
    remote,
    source,
    prefix,
    statusFile,
    v1,
    release,
    installed: () => readFileSync(join(prefix, 'VERSION'), 'utf8').trim(),
    installedCommit: () => readFileSync(join(prefix, 'COMMIT'), 'utf8').trim(),
    restartCount: () => (existsSync(restarts) ? readFileSync(restarts, 'utf8').split('\n').length - 1 : 0),
    async update(overrides = {}, shell = spawnShell, uid = -1) {
      const lines: string[] = [];
      const code = await runUpdater(['--source', source, '--prefix', prefix, '--status', statusFile], {
        commands: { ...commands, ...overrides },
        shell,
        uid,
        log: (line) => lines.push(line),
      });
      const steps = lines.flatMap((l) => /^update: ([a-z]+)$/.exec(l)?.[1]?.toUpperCase() ?? []);
      const status = readStatus(statusFile);
      assert.ok(status, 'the status file is there');
      return { code, steps, status, result: status.result, lines };
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
