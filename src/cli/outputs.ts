import { ddpOutput } from '../../hardware/ddp.ts';
import { e131Output } from '../../hardware/e131.ts';
import { tpm2FileOutput } from '../../hardware/tpm2-file.ts';
import { tpm2SerialOutput } from '../../hardware/tpm2-serial.ts';
import { ws281xOutput } from '../../hardware/ws281x.ts';
import type { Output } from '../output/driver.ts';
import type { Layout } from '../output/layout.ts';
import { nullOutput } from '../output/null-driver.ts';
import { outputRegistry } from '../output/output-kind.ts';
import { TerminalDriver } from '../output/terminal-driver.ts';
import { terminalOutput } from '../output/terminal-output.ts';
import { UsageError } from './io.ts';

/**
 * Every output kind `--output` offers, in the order --help lists them. A new output = a
 * `defineOutput({...})` in its driver's file in hardware/ plus one entry here (see
 * docs/architecture.md, "Adding an output"). Device drivers load their native modules only in
 * open(), so listing them costs nothing until one is chosen.
 */
export const OUTPUTS = outputRegistry([
  terminalOutput,
  nullOutput,
  ws281xOutput,
  tpm2SerialOutput,
  ddpOutput,
  e131Output,
  tpm2FileOutput,
]);

export interface DriversContext {
  readonly layout: Layout;
  /** The resolved options (--output and every kind's own). */
  readonly options: Readonly<Record<string, unknown>> & { readonly output: readonly string[] };
  readonly stdout: NodeJS.WriteStream;
  readonly env: NodeJS.ProcessEnv;
  /** Where device drivers report being lost and reconnected while running. */
  readonly log?: (message: string) => void;
}

/** Resolves `auto` and builds every driver named by --output, in order; a bad target is a UsageError. */
export async function createDrivers(context: DriversContext): Promise<Output[]> {
  try {
    return await OUTPUTS.create(context);
  } catch (error) {
    throw error instanceof UsageError ? error : new UsageError((error as Error).message);
  }
}

/** True when one of the outputs draws on this process's terminal. */
export function usesTerminal(drivers: readonly Output[]): boolean {
  return drivers.some((driver) => driver instanceof TerminalDriver);
}
