import type { LedDriver } from './driver.ts';
import type { Layout } from './layout.ts';
import type { Region } from './output-spec.ts';

/**
 * For LED j of one output, the LED of the table's strip that holds its colour: how one output
 * takes a part of a canvas that spans several. Computed once; Int32Array of the output's LED count.
 */
export type Gather = Int32Array;

/** LEDs first..last (inclusive) of a strip of `ledCount` LEDs. */
export function gatherLeds(ledCount: number, first: number, last: number): Gather {
  if (!(first >= 0 && last >= first && last < ledCount)) {
    throw new RangeError(`leds=${first}-${last} lies outside the table's LEDs 0-${ledCount - 1}`);
  }
  return Int32Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/**
 * The pixels of `region` of the table's canvas, wired by `local` (a layout of region.width ×
 * region.height): LED j of the output shows the pixel `local` puts LED j on. Throws when the
 * region leaves the canvas, or a pixel in it has no LED on the table's strip.
 */
export function gatherRegion(table: Layout, region: Region, local: Layout): Gather {
  const { x, y, width, height } = region;
  if (x + width > table.width || y + height > table.height) {
    throw new RangeError(
      `region=${width}x${height}+${x}+${y} leaves the ${table.width}×${table.height} canvas; ` +
        'check --width/--height and the region',
    );
  }
  if (local.width !== width || local.height !== height) {
    throw new RangeError(`region layout is ${local.width}×${local.height}, region is ${width}×${height}`);
  }
  const gather = new Int32Array(local.ledCount).fill(-1);
  for (let py = 0; py < height; py++) {
    for (let px = 0; px < width; px++) {
      const led = local.ledOf[py * width + px]!;
      if (led < 0) continue;
      const source = table.ledOf[(y + py) * table.width + x + px]!;
      if (source < 0)
        throw new RangeError(`pixel ${x + px},${y + py} of region has no LED in the table's layout`);
      gather[led] = source;
    }
  }
  return gather;
}

/**
 * A driver that shows only its part of the table's strip: each frame it gathers its LEDs (once,
 * into a buffer allocated once) and hands them to `inner`. LEDs with gather −1 stay black.
 */
export class SliceDriver implements LedDriver {
  readonly name: string;
  /** The inner driver's (a network receiver's realtime timeout still applies). */
  readonly keepAliveMs?: number;
  private readonly frame: Uint8Array;

  constructor(
    readonly inner: LedDriver,
    readonly gather: Gather,
  ) {
    this.name = inner.name;
    if (inner.keepAliveMs !== undefined) this.keepAliveMs = inner.keepAliveMs;
    this.frame = new Uint8Array(gather.length * 3);
  }

  get ledCount(): number {
    return this.gather.length;
  }

  open(): Promise<void> {
    return this.inner.open();
  }

  show(strip: Readonly<Uint8Array>): void | Promise<void> {
    const gather = this.gather;
    const out = this.frame;
    for (let j = 0, d = 0; j < gather.length; j++, d += 3) {
      const s = gather[j]! * 3;
      if (s < 0) continue;
      out[d] = strip[s]!;
      out[d + 1] = strip[s + 1]!;
      out[d + 2] = strip[s + 2]!;
    }
    return this.inner.show(out);
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  setStatus(text: string): void {
    this.inner.setStatus?.(text);
  }
}
