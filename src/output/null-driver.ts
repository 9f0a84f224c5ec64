import type { LedDriver } from './driver.ts';
import { defineOutput } from './output-kind.ts';

/** A driver that shows nothing: for headless runs and benchmarks of everything but output. */
export class NullDriver implements LedDriver {
  readonly name = 'null';
  async open(): Promise<void> {}
  show(_frame: Readonly<Uint8Array>): void {}
  async close(): Promise<void> {}
}

/** `--output null`: frames go nowhere (what `auto` picks when stdout is not a terminal). */
export const nullOutput = defineOutput({ name: 'null', create: () => new NullDriver() });
