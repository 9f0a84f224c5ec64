/**
 * What `node dist/src/cli/blank.js [--config FILE] [options]` does (blank.ts is the entry
 * point): opens the configured LED outputs and closes them again, which blanks them (every driver's close() sends black). The service runs it
 * as ExecStopPost=, so the LEDs go dark even when the table died without a clean stop: killed by
 * its watchdog, by systemd's WatchdogSec=, or out of memory. Previews (the terminal, captures) are
 * skipped: there is nothing to blank. Exits 0 when every output was blanked, 1 otherwise (each
 * failure on one stderr line). Unknown flags are ignored: it takes the table's own command line.
 */
import { layoutFromSpec } from '../output/layout.ts';
import { resolveOptions } from './options.ts';
import { createDrivers } from './outputs.ts';

const PREVIEWS = new Set(['auto', 'terminal']);

export async function blankOutputs(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  const { options } = resolveOptions([...argv], env, undefined, undefined, [], true);
  const output = options.output.filter((o) => !PREVIEWS.has(o.split(':')[0] ?? ''));
  if (output.length === 0) return 0;
  let failed = 0;
  try {
    const layout = layoutFromSpec(options.layout, options.width, options.height);
    const drivers = await createDrivers({
      layout,
      options: { ...options, output },
      stdout: process.stdout,
      env,
    });
    for (const driver of drivers) {
      try {
        await driver.open();
        await driver.close();
      } catch (error) {
        failed++;
        process.stderr.write(`ledtable blank: ${driver.name}: ${(error as Error).message}\n`);
      }
    }
  } catch (error) {
    process.stderr.write(`ledtable blank: ${(error as Error).message}\n`);
    return 1;
  }
  return failed === 0 ? 0 : 1;
}
