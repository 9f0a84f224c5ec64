import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import type { UpdateResult } from './update.ts';

/**
 * What the updater (ledtable-update.service, root) tells the table (the ledtable user) through
 * one JSON file in the table's state directory: written whole (temporary file, rename) and
 * readable by everyone, so a reader never sees half a file.
 */
export interface UpdateStatus {
  /** When this run began (ISO 8601): tells one run from the next. */
  readonly started: string;
  /** The last write (ISO 8601); the updater refreshes it while a step runs (a heartbeat). */
  readonly at: string;
  /** The step running or, with a result, the last one that ran. */
  readonly step: string;
  /** Share of the work done, 0..1. */
  readonly done: number;
  /** Set once the run has ended. */
  readonly result?: UpdateResult;
}

/** How often the updater refreshes `at` while a step runs, and after how long without one a run counts as dead. */
export const HEARTBEAT_MS = 30_000;
export const STALE_MS = 5 * 60_000;

/**
 * Writes the whole status. The directory belongs to the table's user and the writer is root: the
 * temporary file is created fresh (O_EXCL, so a symlink planted there is never followed) and
 * renamed over the old status (rename replaces a link itself, not what it points to).
 */
export function writeStatus(file: string, status: UpdateStatus): void {
  const temporary = `${file}.tmp`;
  rmSync(temporary, { force: true });
  writeFileSync(temporary, `${JSON.stringify(status, null, 2)}\n`, { mode: 0o644, flag: 'wx' });
  renameSync(temporary, file);
}

/** The status in `file`, or undefined when there is none or it is not one (never throws). */
export function readStatus(file: string): UpdateStatus | undefined {
  try {
    const value = JSON.parse(readFileSync(file, 'utf8')) as Partial<UpdateStatus>;
    if (typeof value.started !== 'string' || typeof value.at !== 'string' || typeof value.step !== 'string')
      return undefined;
    return { ...value, done: typeof value.done === 'number' ? value.done : 0 } as UpdateStatus;
  } catch {
    return undefined;
  }
}

/** True while a run is going on: no result yet and a heartbeat within STALE_MS of `now` (ms). */
export function isRunning(status: UpdateStatus | undefined, now: number): boolean {
  return status !== undefined && !status.result && now - Date.parse(status.at) < STALE_MS;
}

/**
 * The result of a status: its own, or a failure for a run that stopped answering (power cut,
 * killed), or undefined while it runs.
 */
export function resultOf(status: UpdateStatus, now: number): UpdateResult | undefined {
  if (status.result) return status.result;
  if (isRunning(status, now)) return undefined;
  return {
    status: 'failed',
    from: '',
    to: '',
    reason: `the update stopped during ${status.step.toLowerCase()} without a result: journalctl -u ledtable-update`,
  };
}

/** One line for the table: what happened, in the words the progress screen scrolls. */
export function resultLine(result: UpdateResult): string {
  switch (result.status) {
    case 'updated':
      return result.from ? `${result.from} TO ${result.to}` : `NOW ${result.to}`;
    case 'up-to-date':
      return `UP TO DATE (${result.to})`;
    default:
      return result.reason ?? 'unknown error';
  }
}

/** `ledtable update status`: the last run in a few lines for a terminal. */
export function describeStatus(status: UpdateStatus | undefined, now: number): string {
  if (!status)
    return 'no update has run yet (start one: SETTINGS › UPDATE, or sudo systemctl start ledtable-update)';
  const result = resultOf(status, now);
  const lines = [`started ${status.started}, last heard of ${status.at}`];
  if (!result) lines.push(`running: ${status.step.toLowerCase()} (${Math.round(status.done * 100)} %)`);
  else if (result.status === 'failed') lines.push(`failed at ${status.step.toLowerCase()}: ${result.reason}`);
  else
    lines.push(
      result.status === 'updated'
        ? `updated ${result.from || '?'} → ${result.to}`
        : `up to date (${result.to})`,
    );
  if (result?.note) lines.push(`note: ${result.note}`);
  return lines.join('\n');
}
