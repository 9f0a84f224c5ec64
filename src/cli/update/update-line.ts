import { basename, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ControlLine } from '../../table/controls.ts';
import type { TableHost } from '../../table/host.ts';
import { type Progress, ProgressScreen } from '../../table/progress-screen.ts';
import { runUpdate, type UpdateOptions, type UpdateResult } from './update.ts';

/**
 * The settings screen's UPDATE line (only when running as the service): A asks YES/NO, then the
 * update runs with its progress on the table; the result stays up until back. `host()` gives
 * the running table (it exists only once the run started).
 */
export function updateLine(
  host: () => TableHost | undefined,
  options: Omit<UpdateOptions, 'progress'>,
  done: (result: UpdateResult) => void = () => {},
): ControlLine {
  return {
    label: 'UPDATE',
    value: () => '',
    action: () => {
      const table = host();
      if (!table) return;
      const progress: Progress = { step: 'FETCH', done: 0 };
      table.push(new ProgressScreen(table, 'UPDATE', progress));
      runUpdate({
        ...options,
        progress: (step, share) => {
          progress.step = step;
          progress.done = share;
        },
      }).then(
        (result) => {
          progress.result = {
            ok: result.status !== 'failed',
            message:
              result.status === 'updated'
                ? `${result.from} TO ${result.to}, RESTARTING`
                : result.status === 'up-to-date'
                  ? `UP TO DATE (${result.from})`
                  : (result.reason ?? 'unknown error'),
          };
          done(result);
        },
        (error: unknown) => {
          progress.result = { ok: false, message: String(error) };
        },
      );
    },
  };
}

/** The installed program's root: two levels above src/cli/update/, one more under dist/. */
export function installDirectory(): string {
  const root = fileURLToPath(new URL('../../../', import.meta.url)).replace(/\/$/, '');
  return basename(root) === 'dist' ? dirname(root) : root;
}
