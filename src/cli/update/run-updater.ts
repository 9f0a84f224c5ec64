import { chownSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type Shell, spawnShell } from './shell.ts';
import { runUpdate, type UpdateCommands, type UpdateResult } from './update.ts';
import { HEARTBEAT_MS, type UpdateStatus, writeStatus } from './update-status.ts';

export interface UpdaterDeps {
  readonly shell?: Shell;
  readonly commands?: Partial<UpdateCommands>;
  /** The wall clock (ms since 1970). */
  readonly now?: () => number;
  /** Where the log lines go (the journal, through stdout). */
  readonly log?: (line: string) => void;
  /** This process's user id (root is 0). */
  readonly uid?: number;
}

const USAGE = 'usage: updater.js --source DIR --prefix DIR --status FILE';

/**
 * ledtable-update.service's work: one update of `--prefix` from the clone `--source`
 * (runUpdate), with every step, the heartbeat and the result written to `--status` for the table.
 * Run as root with a clone owned by someone else, git runs as that owner (setpriv), so git never
 * acts on another user's repository as root. Resolves with the exit code: 0 updated or up to
 * date, 1 failed, 2 for a usage mistake.
 */
export async function runUpdater(argv: readonly string[], deps: UpdaterDeps = {}): Promise<number> {
  const log = deps.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const now = deps.now ?? Date.now;
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    log(`updater: ${args}\n${USAGE}`);
    return 2;
  }
  const owner = cloneOwner(args.source, deps.uid ?? process.getuid?.() ?? -1);
  const started = new Date(now()).toISOString();
  let status: UpdateStatus = { started, at: started, step: 'FETCH', done: 0 };
  const write = (next: Partial<UpdateStatus>) => {
    status = { ...status, ...next, at: new Date(now()).toISOString() };
    try {
      writeStatus(args.status, status);
    } catch (error) {
      log(`updater: cannot write ${args.status}: ${(error as Error).message}`);
    }
  };
  write({});
  const heartbeat = setInterval(() => write({}), HEARTBEAT_MS);
  heartbeat.unref();
  let result: UpdateResult;
  try {
    result = await runUpdate({
      source: args.source,
      prefix: args.prefix,
      ...(deps.shell ? { shell: deps.shell } : { shell: spawnShell }),
      ...(deps.commands ? { commands: deps.commands } : {}),
      ...(owner
        ? {
            asOwner: [
              'setpriv',
              `--reuid=${owner.uid}`,
              `--regid=${owner.gid}`,
              '--init-groups',
              '--reset-env',
            ],
            handOver: (dir: string) => chownSync(dir, owner.uid, owner.gid),
          }
        : {}),
      progress: (step, done) => write({ step, done }),
      log,
    });
  } catch (error) {
    result = { status: 'failed', from: '', to: '', reason: `unexpected error: ${(error as Error).message}` };
    log(`updater: ${result.reason}`);
  } finally {
    clearInterval(heartbeat);
  }
  write({ result, ...(result.status === 'failed' ? {} : { done: 1 }) });
  return result.status === 'failed' ? 1 : 0;
}

function parseArgs(argv: readonly string[]): { source: string; prefix: string; status: string } | string {
  const found: Record<string, string> = {};
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i]!;
    const value = argv[i + 1];
    if (!['--source', '--prefix', '--status'].includes(name)) return `unknown option ${name}`;
    if (value === undefined || value.startsWith('--')) return `${name} needs a value`;
    found[name.slice(2)] = value;
  }
  for (const name of ['source', 'prefix', 'status']) if (!found[name]) return `--${name} is missing`;
  return { source: found.source!, prefix: found.prefix!, status: found.status! };
}

/** The clone's owner when this process is root and the clone belongs to someone else. */
function cloneOwner(source: string, uid: number): { uid: number; gid: number } | undefined {
  if (uid !== 0) return undefined;
  try {
    const stat = statSync(join(source, '.git'));
    return stat.uid === 0 ? undefined : { uid: stat.uid, gid: stat.gid };
  } catch {
    return undefined;
  }
}
