import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
  /** Restarts the table's service (last). */
  readonly restart: readonly string[];
}

/** What systemd/install.sh's installs need: npm ci, the build, the quick tests, the service. */
export const DEFAULT_COMMANDS: UpdateCommands = {
  install: ['npm', 'ci', '--no-audit', '--no-fund'],
  build: ['npm', 'run', 'build'],
  test: ['npm', 'run', 'test:quick'],
  check: ['node', 'dist/src/cli/start.js', '--version'],
  restart: ['systemctl', 'restart', 'ledtable.service'],
};

/** The file in an install that names the commit it was made from (install.sh writes it too). */
export const COMMIT_FILE = 'COMMIT';

/** The steps, in order, with their share of the progress bar once done. */
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
  /** Installed commit before and after (short hashes; '' when unknown); `to` is the installed one after a failure. */
  readonly from: string;
  readonly to: string;
  /** Why it failed, in one line (for the table and the log). */
  readonly reason?: string;
  /** A note on a success: the source clone could not be fast-forwarded (the install is new all the same). */
  readonly note?: string;
}

export interface UpdateOptions {
  /** The git clone systemd/install.sh copied from; its checked-out branch's upstream is the update source. */
  readonly source: string;
  /** The installed program (install.sh's --prefix): a root-owned copy without .git. */
  readonly prefix: string;
  readonly shell?: Shell;
  readonly commands?: Partial<UpdateCommands>;
  /** Put before every git command: runs git as the clone's owner (e.g. setpriv …); none by default. */
  readonly asOwner?: readonly string[];
  /** Gives the clone's owner the scratch directory git writes the new commit's archive into. */
  readonly handOver?: (dir: string) => void;
  /** Called as each step starts: its name and the share of the work done before it (0..1). */
  readonly progress?: (step: UpdateStep, done: number) => void;
  readonly log?: (message: string) => void;
}

class StepFailed extends Error {}

/**
 * Updates an install made by systemd/install.sh, with a way back at every step. Fetch the source
 * clone's upstream (git runs as the clone's owner); if it names another commit than the install's
 * COMMIT file: export that commit (`git archive`, tracked files only, no .git) into `<prefix>.next`,
 * install, build and run the quick tests there, then swap directories (the old one stays as
 * `<prefix>.previous`), check that the new one starts, fast-forward the clone's working tree
 * (only now, and only when git can do so cleanly) and restart the service. Any failure before the
 * swap deletes the copy and leaves the install untouched; a failed check after it swaps the
 * previous version back. Every command runs through `shell`, so tests use a local bare
 * repository and scripts of their own.
 */
export async function runUpdate(options: UpdateOptions): Promise<UpdateResult> {
  const shell = options.shell ?? spawnShell;
  const commands = { ...DEFAULT_COMMANDS, ...options.commands };
  const source = options.source.replace(/\/+$/, '');
  const dir = options.prefix.replace(/\/+$/, '');
  const staging = `${dir}.next`;
  const previous = `${dir}.previous`;
  const log = options.log ?? (() => {});
  const share = (step: UpdateStep) => {
    const index = UPDATE_STEPS.findIndex(([name]) => name === step);
    return index <= 0 ? 0 : UPDATE_STEPS[index - 1]![1];
  };
  let step: UpdateStep = 'FETCH';
  let swapped = false;
  let scratch = '';
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
  const git = async (args: string[]) => {
    const command = [...(options.asOwner ?? []), 'git', ...args];
    // named by its verb: the first argument that is neither an option nor a -c value
    const verb = args.find((a, i) => !a.startsWith('-') && args[i - 1] !== '-c');
    return (await run(`git ${verb}`, command, source)).stdout.trim();
  };
  const installed = () => readCommit(dir);

  recoverInterruptedSwap(dir, previous, log);
  const from = short(installed());
  try {
    begin('FETCH');
    if (!existsSync(join(source, '.git'))) {
      throw new StepFailed(
        `${source} is not a git clone: clone the project there and run systemd/install.sh again`,
      );
    }
    // one git call for both: the branch checked out and the remote branch it follows
    const [branch = '', upstream = ''] = (
      await git(['rev-parse', '--abbrev-ref', 'HEAD', 'HEAD@{upstream}']).catch((error: Error) => {
        throw new StepFailed(
          `${source} has no branch following a remote one (${error.message}): git switch main there, or git branch --set-upstream-to=origin/<branch>`,
        );
      })
    ).split('\n');
    const remote = upstream.slice(0, upstream.indexOf('/'));
    try {
      await git(['fetch', '--quiet', remote]);
    } catch (error) {
      throw new StepFailed(`no connection to the update source (${(error as Error).message})`);
    }
    const target = await git(['rev-parse', '--verify', `${upstream}^{commit}`]);
    if (target === installed()) return { status: 'up-to-date', from, to: from };

    begin('COPY');
    rmSync(staging, { recursive: true, force: true });
    scratch = mkdtempSync(join(tmpdir(), 'ledtable-update-'));
    options.handOver?.(scratch);
    const archive = join(scratch, 'source.tar');
    // the owner's git writes the archive; files come out go-w like install.sh's copy
    await git(['-c', 'tar.umask=0022', 'archive', '--format=tar', '-o', archive, target]);
    mkdirSync(staging, { recursive: true, mode: 0o755 });
    await run('copy', ['tar', '-x', '--no-same-owner', '-f', archive, '-C', staging], staging);
    writeFileSync(join(staging, COMMIT_FILE), `${target}\n`, { mode: 0o644 });

    begin('INSTALL');
    await run('install', commands.install, staging);
    begin('BUILD');
    await run('build', commands.build, staging);
    begin('TEST');
    await run('tests', commands.test, staging);

    begin('SWAP');
    await run('permissions', ['chmod', '-R', 'go-w', staging], staging);
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
    const note = await fastForward(git, source, branch, upstream, target);
    if (note) log(`update: ${note}`);

    begin('RESTART');
    log(`update: ${from || 'unknown'} → ${short(target)}`);
    await run('restart', commands.restart, dir);
    return { status: 'updated', from, to: short(target), ...(note ? { note } : {}) };
  } catch (error) {
    if (!(error instanceof StepFailed)) throw error;
    if (existsSync(staging)) rmSync(staging, { recursive: true, force: true });
    const reason = swapped
      ? `${error.message}; the new version is installed and starts with the next restart`
      : step === 'FETCH' || step === 'SWAP' || error.message.includes('previous version')
        ? error.message
        : `${error.message}; nothing changed`;
    log(`update failed at ${step.toLowerCase()}: ${reason}`);
    return { status: 'failed', from, to: short(installed()), reason };
  } finally {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * Moves the clone's branch to the installed commit when git can do it as a fast-forward (the
 * owner's uncommitted edits and own commits stay; then it only says why it did not).
 */
async function fastForward(
  git: (args: string[]) => Promise<string>,
  source: string,
  branch: string,
  upstream: string,
  target: string,
): Promise<string | undefined> {
  try {
    await git(['merge', '--ff-only', '--quiet', target]);
    return undefined;
  } catch (error) {
    return `${source} stays where it was (${(error as Error).message}): git -C ${source} merge --ff-only ${upstream} on ${branch} when ready`;
  }
}

/** The commit an install names (its COMMIT file), or '' when it has none. */
export function readCommit(prefix: string): string {
  try {
    return readFileSync(join(prefix, COMMIT_FILE), 'utf8').trim();
  } catch {
    return '';
  }
}

/** A power cut between the two renames leaves no install but a previous one: put it back. */
function recoverInterruptedSwap(dir: string, previous: string, log: (message: string) => void): void {
  if (existsSync(dir) || !existsSync(previous)) return;
  renameSync(previous, dir);
  if (existsSync(`${previous}.old`)) renameSync(`${previous}.old`, previous);
  log(`update: ${dir} was missing after an interrupted swap; the previous version is back`);
}

const short = (commit: string) => commit.slice(0, 7);

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
