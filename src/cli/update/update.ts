import { existsSync, renameSync, rmSync } from 'node:fs';
import { type Shell, type ShellResult, spawnShell } from './shell.ts';

/** The commands an update runs in the new copy, each [program, ...args]. */
export interface UpdateCommands {
  /** Dependencies (default npm ci). */
  readonly install: readonly string[];
  readonly build: readonly string[];
  /** The quick suite that matters on a Pi. */
  readonly test: readonly string[];
  /** Run in the swapped-in install; failing restores the previous version. */
  readonly check: readonly string[];
  /** Restarts the service (last; the process ends with it). */
  readonly restart: readonly string[];
}

/** What systemd/install.sh's installs need: npm ci, the build, the quick tests, the service. */
export const DEFAULT_COMMANDS: UpdateCommands = {
  install: ['npm', 'ci', '--no-audit', '--no-fund'],
  build: ['npm', 'run', 'build'],
  test: ['npm', 'run', 'test:quick'],
  check: ['node', 'dist/src/cli/start.js', '--version'],
  restart: ['systemctl', 'restart', 'ledtable'],
};

/** The steps, in order, with their share of the progress bar. */
export const UPDATE_STEPS = [
  ['FETCH', 0.1],
  ['COPY', 0.15],
  ['INSTALL', 0.45],
  ['BUILD', 0.7],
  ['TEST', 0.9],
  ['SWAP', 0.95],
  ['RESTART', 1],
] as const;
export type UpdateStep = (typeof UPDATE_STEPS)[number][0];

export interface UpdateResult {
  readonly status: 'updated' | 'up-to-date' | 'failed';
  /** Commits before and after (short hashes); `to` is the installed one after a failure. */
  readonly from: string;
  readonly to: string;
  /** Why it failed, in one line (for the table and the log). */
  readonly reason?: string;
}

export interface UpdateOptions {
  /** The installed program: a git checkout whose branch tracks the remote (install.sh in place). */
  readonly installDir: string;
  readonly shell?: Shell;
  readonly commands?: Partial<UpdateCommands>;
  /** Called as each step starts: its name and the share of the work done before it (0..1). */
  readonly progress?: (step: UpdateStep, done: number) => void;
  readonly log?: (message: string) => void;
}

class StepFailed extends Error {}

/**
 * Updates a git install with a way back at every step: fetch the tracked branch; if it moved,
 * clone the install next to it (`<dir>.next`) at the new commit, install, build and run the quick
 * tests there, then swap directories (the old one stays as `<dir>.previous`), check that the new
 * one starts, and restart the service. Any failure before the swap deletes the copy and leaves
 * the install untouched; a failed check after it swaps the previous version back. Commands run
 * through `shell`, so tests use a local bare repository and scripts of their own.
 */
export async function runUpdate(options: UpdateOptions): Promise<UpdateResult> {
  const shell = options.shell ?? spawnShell;
  const commands = { ...DEFAULT_COMMANDS, ...options.commands };
  const dir = options.installDir.replace(/\/+$/, '');
  const staging = `${dir}.next`;
  const previous = `${dir}.previous`;
  const log = options.log ?? (() => {});
  const share = (step: UpdateStep) => {
    const index = UPDATE_STEPS.findIndex(([name]) => name === step);
    return index <= 0 ? 0 : UPDATE_STEPS[index - 1]![1];
  };
  let step: UpdateStep = 'FETCH';
  let swapped = false;
  const begin = (next: UpdateStep) => {
    step = next;
    log(`update: ${next.toLowerCase()}`);
    options.progress?.(next, share(next));
  };
  const run = async (what: string, command: readonly string[], cwd: string): Promise<ShellResult> => {
    const result = await shell(command[0]!, command.slice(1), cwd);
    if (result.code !== 0) throw new StepFailed(`${what} failed: ${lastLine(result)}`);
    return result;
  };
  const git = (args: string[], cwd = dir) => run(`git ${args[0]}`, ['git', ...args], cwd);
  const head = async (cwd: string) => (await git(['rev-parse', '--short', 'HEAD'], cwd)).stdout.trim();

  if (!existsSync(`${dir}/.git`)) {
    return {
      status: 'failed',
      from: '',
      to: '',
      reason: `${dir} is not a git checkout: update the source with git pull and run systemd/install.sh again`,
    };
  }
  let from = '';
  try {
    begin('FETCH');
    from = await head(dir);
    const branch = (await git(['symbolic-ref', '--short', 'HEAD'])).stdout.trim();
    try {
      await git(['fetch', '--quiet', 'origin']);
    } catch (error) {
      throw new StepFailed(`no connection to the update source (${(error as Error).message})`);
    }
    const target = (await git(['rev-parse', '--short', `origin/${branch}`])).stdout.trim();
    if (target === from) return { status: 'up-to-date', from, to: from };
    const url = (await git(['remote', 'get-url', 'origin'])).stdout.trim();

    begin('COPY');
    rmSync(staging, { recursive: true, force: true });
    await git(['clone', '--quiet', '--local', '--no-checkout', dir, staging]);
    await git(['checkout', '--quiet', '-B', branch, target], staging);
    await git(['remote', 'set-url', 'origin', url], staging);
    await git(['update-ref', `refs/remotes/origin/${branch}`, target], staging);
    await git(['branch', '--quiet', `--set-upstream-to=origin/${branch}`], staging);

    begin('INSTALL');
    await run('install', commands.install, staging);
    begin('BUILD');
    await run('build', commands.build, staging);
    begin('TEST');
    await run('tests', commands.test, staging);

    begin('SWAP');
    // the version before the running one stays aside until the new one has started
    const older = `${previous}.old`;
    rmSync(older, { recursive: true, force: true });
    if (existsSync(previous)) renameSync(previous, older);
    const restoreOlder = () => {
      if (existsSync(older)) renameSync(older, previous);
    };
    renameSync(dir, previous);
    try {
      renameSync(staging, dir);
    } catch (error) {
      renameSync(previous, dir);
      restoreOlder();
      throw new StepFailed(`swap failed: ${(error as Error).message}`);
    }
    swapped = true;
    try {
      await run('start check', commands.check, dir);
    } catch (error) {
      renameSync(dir, staging);
      renameSync(previous, dir);
      restoreOlder();
      swapped = false;
      throw new StepFailed(`${(error as Error).message}; the previous version is back`);
    }
    rmSync(older, { recursive: true, force: true });

    begin('RESTART');
    log(`update: ${from} → ${target}`);
    await run('restart', commands.restart, dir);
    return { status: 'updated', from, to: target };
  } catch (error) {
    if (!(error instanceof StepFailed)) throw error;
    if (existsSync(staging)) rmSync(staging, { recursive: true, force: true });
    const reason = swapped
      ? `${error.message}; the new version is installed and starts with the next restart`
      : step === 'FETCH' || step === 'SWAP' || error.message.includes('previous version')
        ? error.message
        : `${error.message}; nothing changed`;
    log(`update failed at ${step.toLowerCase()}: ${reason}`);
    return { status: 'failed', from, to: await head(dir).catch(() => from), reason };
  }
}

/** git's first "fatal:" line, else the last non-empty line of stderr, else of stdout, else the exit code. */
function lastLine(result: ShellResult): string {
  const fatal = result.stderr.split('\n').find((l) => /^(fatal|error): /.test(l));
  if (fatal) return fatal.trim();
  for (const text of [result.stderr, result.stdout]) {
    const line = text
      .split('\n')
      .filter((l) => l.trim() !== '')
      .pop();
    if (line) return line.trim();
  }
  return `exit code ${result.code}`;
}
