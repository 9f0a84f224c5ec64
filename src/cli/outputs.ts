import { artnetOutput } from '../../hardware/artnet.ts';
import { ddpOutput } from '../../hardware/ddp.ts';
import { e131Output } from '../../hardware/e131.ts';
import { ledsOutput } from '../../hardware/leds-device.ts';
import { tpm2FileOutput } from '../../hardware/tpm2-file.ts';
import { tpm2SerialOutput } from '../../hardware/tpm2-serial.ts';
import { ws281xOutput } from '../../hardware/ws281x.ts';
import { isPreview, type Output } from '../output/driver.ts';
import { compileLayout, type Layout, layoutFromSpec } from '../output/layout.ts';
import { nullOutput } from '../output/null-driver.ts';
import { outputRegistry } from '../output/output-kind.ts';
import { type OutputSpec, parseOutputSpec } from '../output/output-spec.ts';
import { gatherLeds, gatherRegion, SliceDriver } from '../output/slice-driver.ts';
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
  ledsOutput,
  ddpOutput,
  e131Output,
  artnetOutput,
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

/**
 * Resolves `auto` and builds every driver named by --output, in order; a bad target is a
 * UsageError. An output with `?region=` or `?leds=` (src/output/output-spec.ts) is built for its
 * own part — its own layout and LED count — and wrapped in a SliceDriver that gathers that part
 * of the table's strip each frame; `?order=` and `?white=` override its colour options.
 */
export async function createDrivers(context: DriversContext): Promise<Output[]> {
  try {
    const outputs: Output[] = [];
    for (const value of context.options.output) {
      const spec = parseOutputSpec(value);
      const part = partOf(spec, context);
      const own: Record<string, unknown> = { output: [value.split('?')[0]!] };
      if (spec.order) Object.assign(own, { colorOrder: spec.order, ledsOrder: spec.order });
      if (spec.white) own.white = spec.white;
      const [output] = await OUTPUTS.create({
        ...context,
        layout: part.layout,
        options: { ...context.options, ...own } as DriversContext['options'],
      });
      if (!part.gather) outputs.push(output!);
      else if (isPreview(output!))
        throw new Error(`--output ${value}: ${spec.kind} shows the whole canvas; it takes no region or leds`);
      else outputs.push(new SliceDriver(output!, part.gather));
    }
    return outputs;
  } catch (error) {
    throw error instanceof UsageError ? error : new UsageError((error as Error).message);
  }
}

/**
 * The layout an output is built for and, for a part of the table, which LEDs of the table's
 * strip it gathers: a region's own wiring (?layout=, else the table's --layout spec), or a run
 * of LEDs as a single row.
 */
function partOf(
  spec: OutputSpec,
  { layout, options }: DriversContext,
): { layout: Layout; gather?: Int32Array } {
  if (spec.leds) {
    const gather = gatherLeds(layout.ledCount, spec.leds.first, spec.leds.last);
    return { layout: compileLayout(gather.length, 1, ROW), gather };
  }
  if (!spec.region) return { layout };
  const tableSpec = typeof options.layout === 'string' ? options.layout : 'columns,serpentine,top-left';
  const local = layoutFromSpec(spec.layout ?? tableSpec, spec.region.width, spec.region.height);
  return { layout: local, gather: gatherRegion(layout, spec.region, local) };
}

const ROW = { order: 'rows', serpentine: false, start: 'top-left', rotate: 0, mirror: 'none' } as const;

/** True when one of the outputs draws on this process's terminal. */
export function usesTerminal(drivers: readonly Output[]): boolean {
  return drivers.some((driver) => driver instanceof TerminalDriver);
}
