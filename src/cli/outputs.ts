import type { Options } from '../config/options.ts';
import type { LedDriver } from '../output/driver.ts';
import type { Layout } from '../output/layout.ts';
import { NullDriver } from '../output/null-driver.ts';
import { TerminalDriver } from '../output/terminal-driver.ts';
import { UsageError } from './io.ts';

export interface OutputContext {
  readonly layout: Layout;
  readonly options: Options;
  readonly stdout: NodeJS.WriteStream;
  readonly env: NodeJS.ProcessEnv;
}

/** Builds one driver from the text after "kind:" (empty for bare words). */
type OutputFactory = (target: string, context: OutputContext) => LedDriver | Promise<LedDriver>;

/**
 * Every output kind by name. Device drivers (hardware/) are imported lazily inside their
 * factory, so their dependencies load only when chosen.
 */
const FACTORIES: Readonly<Record<string, OutputFactory>> = {
  null: () => new NullDriver(),
  terminal: (_target, { layout, options, stdout, env }) =>
    new TerminalDriver({ stream: stdout, layout, scale: options.scale, colors: options.colors, env }),
};

/** Resolves `auto` and builds every driver named by --output, in order. */
export async function createDrivers(context: OutputContext): Promise<LedDriver[]> {
  const drivers: LedDriver[] = [];
  for (const spec of context.options.output) {
    const resolved = spec === 'auto' ? (context.stdout.isTTY ? 'terminal' : 'null') : spec;
    const colon = resolved.indexOf(':');
    const kind = colon < 0 ? resolved : resolved.slice(0, colon);
    const target = colon < 0 ? '' : resolved.slice(colon + 1);
    const factory = FACTORIES[kind];
    if (!factory) {
      throw new UsageError(
        `--output ${spec}: this build has no "${kind}" output; available: ${Object.keys(FACTORIES).join(', ')}`,
      );
    }
    drivers.push(await factory(target, context));
  }
  return drivers;
}

/** True when one of the outputs draws on this process's terminal. */
export function usesTerminal(drivers: readonly LedDriver[]): boolean {
  return drivers.some((driver) => driver instanceof TerminalDriver);
}
