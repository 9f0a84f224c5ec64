import type { Options } from '../config/options.ts';
import { isPreview, type Output } from '../output/driver.ts';
import { type Layout, layoutFromSpec } from '../output/layout.ts';
import { NullDriver } from '../output/null-driver.ts';
import { type OutputSpec, parseOutputSpec } from '../output/output-spec.ts';
import { PixelFormat, type WireOrder } from '../output/pixel-format.ts';
import { gatherLeds, gatherRegion, SliceDriver } from '../output/slice-driver.ts';
import { TerminalDriver } from '../output/terminal-driver.ts';
import { WhiteExtractor } from '../output/white.ts';
import { UsageError } from './io.ts';

export interface OutputContext {
  readonly layout: Layout;
  readonly options: Options;
  readonly stdout: NodeJS.WriteStream;
  readonly env: NodeJS.ProcessEnv;
  /** Where device drivers report being lost and reconnected while running. */
  readonly log?: (message: string) => void;
}

/** Runs a factory body, turning its errors (a bad target) into one-line usage errors. */
async function usage<T>(make: () => T | Promise<T>): Promise<T> {
  try {
    return await make();
  } catch (error) {
    throw error instanceof UsageError ? error : new UsageError((error as Error).message);
  }
}

/** What one output gets: its LED count (the table's, or its slice's) and its own wire format. */
interface OutputPart {
  readonly ledCount: number;
  /** ?order= of this output, else --color-order. */
  readonly order: WireOrder;
  /** ?order= when given. */
  readonly ownOrder: WireOrder | undefined;
  /** The order with white extraction from ?white= or --white. */
  readonly format: PixelFormat;
}

/** Builds one driver from the text after "kind:" (empty for bare words). */
type OutputFactory = (
  target: string,
  context: OutputContext & { readonly part: OutputPart },
) => Output | Promise<Output>;

/** tpm2 and tpm2file carry 3 bytes per LED. */
function rgbOnly(kind: string, order: WireOrder): 'rgb' | 'rbg' | 'grb' | 'gbr' | 'brg' | 'bgr' {
  if (order.length !== 3) {
    throw new Error(
      `--output ${kind}: carries RGB only; choose a 3-letter colour order (e.g. rgb), not ${order}`,
    );
  }
  return order as 'rgb';
}

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
  ws281x: (target, { part, options }) =>
    usage(async () => {
      if (target !== '')
        throw new Error(
          `--output ws281x:${target}: ws281x takes no target; choose the pin with --ws281x-gpio`,
        );
      const { Ws281xDriver } = await import('../../hardware/ws281x.ts');
      return new Ws281xDriver({
        ledCount: part.ledCount,
        gpio: options.ws281xGpio,
        stripType: options.ws281xStrip,
        invert: options.ws281xInvert,
        white: part.format.white,
      });
    }),
  tpm2: (target, { part, options, log }) =>
    usage(async () => {
      const { Tpm2SerialDriver } = await import('../../hardware/tpm2-serial.ts');
      return new Tpm2SerialDriver({
        path: target,
        baud: options.baud,
        ledCount: part.ledCount,
        colorOrder: rgbOnly('tpm2', part.order),
        ...(log ? { log } : {}),
      });
    }),
  ddp: (target, { part }) =>
    usage(async () => {
      const { parseHostPort } = await import('../../hardware/udp-output.ts');
      const { DdpDriver, DDP_PORT } = await import('../../hardware/ddp.ts');
      const { host, port } = parseHostPort('ddp', target, DDP_PORT);
      return new DdpDriver({ host, port, ledCount: part.ledCount, format: part.format });
    }),
  e131: (target, { part, options }) =>
    usage(async () => {
      const { parseHostPort } = await import('../../hardware/udp-output.ts');
      const { E131Driver, E131_PORT } = await import('../../hardware/e131.ts');
      const { host, port } =
        target === 'multicast' ? { host: target, port: E131_PORT } : parseHostPort('e131', target, E131_PORT);
      return new E131Driver({
        host,
        port,
        ledCount: part.ledCount,
        universe: options.e131Universe,
        priority: options.e131Priority,
        format: part.format,
      });
    }),
  artnet: (target, { part, options }) =>
    usage(async () => {
      const { parseHostPort } = await import('../../hardware/udp-output.ts');
      const { ArtNetDriver, ARTNET_PORT } = await import('../../hardware/artnet.ts');
      const { host, port } = parseHostPort('artnet', target, ARTNET_PORT);
      return new ArtNetDriver({
        host,
        port,
        ledCount: part.ledCount,
        portAddress: options.artnetUniverse,
        format: part.format,
      });
    }),
  leds: (target, { part }) =>
    usage(async () => {
      const { LedsDeviceDriver } = await import('../../hardware/leds-device.ts');
      return new LedsDeviceDriver({
        path: target,
        ledCount: part.ledCount,
        stripOrder: part.ownOrder ?? 'grb',
        white: part.format.white,
      });
    }),
  tpm2file: (target, { part }) =>
    usage(async () => {
      const { Tpm2FileDriver } = await import('../../hardware/tpm2-file.ts');
      return new Tpm2FileDriver({
        path: target,
        ledCount: part.ledCount,
        colorOrder: rgbOnly('tpm2file', part.order),
      });
    }),
};

/** Resolves `auto` and builds every driver named by --output, in order. */
export async function createDrivers(context: OutputContext): Promise<Output[]> {
  const drivers: Output[] = [];
  for (const text of context.options.output) {
    const resolved = text === 'auto' ? (context.stdout.isTTY ? 'terminal' : 'null') : text;
    const spec = await usage(() => parseOutputSpec(resolved));
    const factory = FACTORIES[spec.kind];
    if (!factory) {
      throw new UsageError(
        `--output ${text}: this build has no "${spec.kind}" output; available: ${Object.keys(FACTORIES).join(', ')}`,
      );
    }
    const gather = await usage(() => sliceOf(spec, context));
    const part = await usage(() => partOf(spec, context, gather ? gather.length : context.layout.ledCount));
    const driver = await factory(spec.target, { ...context, part });
    if (gather && isPreview(driver)) {
      throw new UsageError(
        `--output ${text}: ${spec.kind} is a preview of the whole canvas; it takes no region or leds`,
      );
    }
    drivers.push(gather && !isPreview(driver) ? new SliceDriver(driver, gather) : driver);
  }
  return drivers;
}

/** The LEDs of the table's strip this output shows (undefined: all of them, in order). */
function sliceOf(spec: OutputSpec, { layout, options }: OutputContext): Int32Array | undefined {
  if (spec.leds) return gatherLeds(layout.ledCount, spec.leds.first, spec.leds.last);
  if (!spec.region) return undefined;
  const local = layoutFromSpec(spec.layout ?? options.layout, spec.region.width, spec.region.height);
  return gatherRegion(layout, spec.region, local);
}

function partOf(spec: OutputSpec, { options }: OutputContext, ledCount: number): OutputPart {
  const order = spec.order ?? options.colorOrder;
  const white = new WhiteExtractor(spec.white ?? options.white, Number.parseInt(options.whitePoint, 16));
  return { ledCount, order, ownOrder: spec.order, format: new PixelFormat(order, white) };
}

/** True when one of the outputs draws on this process's terminal. */
export function usesTerminal(drivers: readonly Output[]): boolean {
  return drivers.some((driver) => driver instanceof TerminalDriver);
}
