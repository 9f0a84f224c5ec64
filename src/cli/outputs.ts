import type { Options } from '../config/options.ts';
import type { Output } from '../output/driver.ts';
import type { Layout } from '../output/layout.ts';
import { NullDriver } from '../output/null-driver.ts';
import { TerminalDriver } from '../output/terminal-driver.ts';
import { UsageError } from './io.ts';

export interface OutputContext {
  readonly layout: Layout;
  readonly options: Options;
  readonly stdout: NodeJS.WriteStream;
  readonly env: NodeJS.ProcessEnv;
  /** Where device drivers report being lost and reconnected while running. */
  readonly log?: (message: string) => void;
  /** Start-up facts a driver reports (e.g. how TPM2 frames are paced). */
  readonly info?: (message: string) => void;
}

/** Runs a factory body, turning its errors (a bad target) into one-line usage errors. */
async function usage<T>(make: () => T | Promise<T>): Promise<T> {
  try {
    return await make();
  } catch (error) {
    throw error instanceof UsageError ? error : new UsageError((error as Error).message);
  }
}

/** Builds one driver from the text after "kind:" (empty for bare words). */
type OutputFactory = (target: string, context: OutputContext) => Output | Promise<Output>;

/**
 * Every output kind by name. Device drivers (hardware/) are imported lazily inside their
 * factory, so their dependencies load only when chosen.
 */
const FACTORIES: Readonly<Record<string, OutputFactory>> = {
  null: () => new NullDriver(),
  terminal: (_target, { layout, options, stdout, env }) =>
    new TerminalDriver({
      stream: stdout,
      width: layout.width,
      height: layout.height,
      scale: options.scale,
      colors: options.colors,
      env,
    }),
  ws281x: (target, { layout, options }) =>
    usage(async () => {
      if (target !== '')
        throw new Error(
          `--output ws281x:${target}: ws281x takes no target; choose the pin with --ws281x-gpio`,
        );
      const { Ws281xDriver } = await import('../../hardware/ws281x.ts');
      return new Ws281xDriver({
        ledCount: layout.ledCount,
        gpio: options.ws281xGpio,
        stripType: options.ws281xStrip,
        invert: options.ws281xInvert,
      });
    }),
  tpm2: (target, { layout, options, log, info }) =>
    usage(async () => {
      const { Tpm2SerialDriver } = await import('../../hardware/tpm2-serial.ts');
      return new Tpm2SerialDriver({
        path: target,
        ...(options.baud === undefined ? {} : { baud: options.baud }),
        ledCount: layout.ledCount,
        colorOrder: options.colorOrder,
        ...(log ? { log } : {}),
        ...(info ? { info } : {}),
      });
    }),
  ddp: (target, { layout, options }) =>
    usage(async () => {
      const { parseHostPort } = await import('../../hardware/udp-output.ts');
      const { DdpDriver, DDP_PORT } = await import('../../hardware/ddp.ts');
      const { host, port } = parseHostPort('ddp', target, DDP_PORT);
      return new DdpDriver({ host, port, ledCount: layout.ledCount, colorOrder: options.colorOrder });
    }),
  e131: (target, { layout, options }) =>
    usage(async () => {
      const { parseHostPort } = await import('../../hardware/udp-output.ts');
      const { E131Driver, E131_PORT } = await import('../../hardware/e131.ts');
      const { host, port } = parseHostPort('e131', target, E131_PORT);
      return new E131Driver({
        host,
        port,
        ledCount: layout.ledCount,
        universe: options.e131Universe,
        priority: options.e131Priority,
        colorOrder: options.colorOrder,
      });
    }),
  tpm2file: (target, { layout, options }) =>
    usage(async () => {
      const { Tpm2FileDriver } = await import('../../hardware/tpm2-file.ts');
      return new Tpm2FileDriver({ path: target, ledCount: layout.ledCount, colorOrder: options.colorOrder });
    }),
};

/** Resolves `auto` and builds every driver named by --output, in order. */
export async function createDrivers(context: OutputContext): Promise<Output[]> {
  const drivers: Output[] = [];
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
export function usesTerminal(drivers: readonly Output[]): boolean {
  return drivers.some((driver) => driver instanceof TerminalDriver);
}
