import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ControlLine } from '../../table/controls.ts';
import type { TableHost } from '../../table/host.ts';
import { type Progress, ProgressScreen } from '../../table/progress-screen.ts';
import { type Shell, type ShellResult, spawnShell } from './shell.ts';
import { isRunning, readStatus, resultLine, resultOf, type UpdateStatus } from './update-status.ts';

/** The unit that updates the install (systemd/ledtable-update.service; polkit lets the ledtable user start it). */
export const UPDATE_UNIT = 'ledtable-update.service';

/** How long the table waits for the updater's first word after asking systemd to start it. */
export const START_TIMEOUT_MS = 60_000;

export interface UpdateWatch {
  /** The service's state directory (STATE_DIRECTORY): update.json from the updater, update-shown from the table. */
  readonly dataDir: string;
  /** Runs systemctl (default: spawn). */
  readonly shell?: Shell;
  /** The wall clock, ms since 1970 (default Date.now). */
  readonly now?: () => number;
}

/**
 * The settings screen's UPDATE line (only when running as the service). The table runs as an
 * unprivileged user and cannot write its own install: A (after YES) asks systemd to start
 * ledtable-update.service, which runs as root, and shows that run's progress from the status
 * file it writes. The result stays up until A or back; a successful update restarts the table,
 * and the new one shows the result once (resumeUpdate). `host()` gives the running table.
 */
export function updateLine(host: () => TableHost | undefined, watch: UpdateWatch): ControlLine {
  return {
    label: 'UPDATE',
    value: () => '',
    action: () => {
      const table = host();
      if (!table) return;
      const now = watch.now ?? Date.now;
      const current = readStatus(statusFile(watch));
      // an update already running (started from a shell) is followed, not started twice
      const running = isRunning(current, now());
      const progress: Progress = { step: 'START', done: 0 };
      const follow = follower(
        progress,
        watch,
        running ? undefined : current?.started,
        now() + START_TIMEOUT_MS,
      );
      table.push(new ProgressScreen(table, 'UPDATE', progress, follow));
      if (running) return;
      (watch.shell ?? spawnShell)('systemctl', ['start', '--no-block', UPDATE_UNIT], '/').then(
        (result) => {
          if (result.code !== 0 && !progress.result)
            progress.result = { ok: false, message: `cannot start ${UPDATE_UNIT}: ${firstLine(result)}` };
        },
        (error: unknown) => {
          progress.result = { ok: false, message: String(error) };
        },
      );
    },
  };
}

/**
 * At the table's start (as the service): an update still running is followed on a progress
 * screen, and the result of the last one is shown once (after the restart it caused, or after
 * a power cut mid-way). Returns whether it opened a screen.
 */
export function resumeUpdate(table: TableHost, watch: UpdateWatch): boolean {
  const now = watch.now ?? Date.now;
  const status = readStatus(statusFile(watch));
  if (!status) return false;
  if (!isRunning(status, now()) && shownRun(watch) === status.started) return false;
  const progress: Progress = { step: status.step, done: status.done };
  table.push(new ProgressScreen(table, 'UPDATE', progress, follower(progress, watch, undefined, undefined)));
  return true;
}

/**
 * Copies the status of the run that is not `baseline` into `progress` (a status file left by an
 * earlier run is ignored); with a result, remembers that the table showed it. `deadline` (ms):
 * when no new run has written by then, the updater did not start.
 */
function follower(
  progress: Progress,
  watch: UpdateWatch,
  baseline: string | undefined,
  deadline: number | undefined,
): () => void {
  const now = watch.now ?? Date.now;
  return () => {
    const status = readStatus(statusFile(watch));
    if (!status || status.started === baseline) {
      if (deadline !== undefined && now() > deadline)
        progress.result = {
          ok: false,
          message: `${UPDATE_UNIT} did not start: journalctl -u ledtable-update`,
        };
      return;
    }
    progress.step = status.step;
    progress.done = status.done;
    const result = resultOf(status, now());
    if (!result) return;
    progress.result = { ok: result.status !== 'failed', message: resultLine(result) };
    markShown(watch, status);
  };
}

const statusFile = (watch: UpdateWatch) => join(watch.dataDir, 'update.json');
const shownFile = (watch: UpdateWatch) => join(watch.dataDir, 'update-shown');

function shownRun(watch: UpdateWatch): string {
  try {
    return readFileSync(shownFile(watch), 'utf8').trim();
  } catch {
    return '';
  }
}

function markShown(watch: UpdateWatch, status: UpdateStatus): void {
  try {
    writeFileSync(shownFile(watch), `${status.started}\n`);
  } catch {
    // a read-only data directory: the result shows again at the next start, nothing worse
  }
}

function firstLine(result: ShellResult): string {
  return (
    `${result.stderr}\n${result.stdout}`
      .split('\n')
      .map((l) => l.trim())
      .find((l) => l !== '') ?? `exit code ${result.code}`
  );
}
