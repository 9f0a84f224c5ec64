import { defineOptions } from '../src/config/options.ts';
import { WIRE_ORDERS } from '../src/output/pixel-format.ts';

/** Byte orders of one LED on the wire; the engine's frames are always RGB. */
export const COLOR_ORDERS = ['rgb', 'rbg', 'grb', 'gbr', 'brg', 'bgr'] as const;
export type ColorOrder = (typeof COLOR_ORDERS)[number];

/** `--color-order`, shared by the output kinds that send plain bytes (tpm2, ddp, e131, tpm2file). */
export const colorOrderOptions = defineOptions('LED byte order', {
  colorOrder: {
    flag: '--color-order',
    type: 'string',
    default: 'rgb',
    arg: 'ORDER',
    check: (value: string) =>
      WIRE_ORDERS.includes(value.toLowerCase())
        ? undefined
        : 'must be r, g, b in some order (e.g. grb) or r, g, b, w for RGBW (e.g. grbw)',
    help:
      'Byte order of each LED for tpm2, ddp, e131, artnet and record outputs (match the controller; 4 ' +
      'letters with w, e.g. rgbw, send RGBW to ddp, e131 and artnet). leds: takes its strip order from ' +
      '?order= (default grb); ws281x from --ws281x-strip.',
    scope: 'config',
  },
});

/** For each byte on the wire (0, 1, 2), the RGB channel it carries (0 = r, 1 = g, 2 = b). */
export function channelOffsets(order: ColorOrder): readonly [number, number, number] {
  if (!COLOR_ORDERS.includes(order)) {
    throw new RangeError(`colour order must be one of ${COLOR_ORDERS.join(', ')}, got ${order}`);
  }
  const at = (c: string) => 'rgb'.indexOf(c);
  return [at(order[0]!), at(order[1]!), at(order[2]!)];
}

/**
 * Copies `leds` LEDs from strip-order RGB `src` (starting at LED `fromLed`) into `dst` at byte
 * `dstStart`, in the wire order given by `offsets` (from channelOffsets). Allocates nothing.
 */
export function copyOrdered(
  src: Readonly<Uint8Array>,
  fromLed: number,
  dst: Uint8Array,
  dstStart: number,
  leds: number,
  offsets: readonly [number, number, number],
): void {
  const [a, b, c] = offsets;
  if (a === 0 && b === 1 && c === 2) {
    dst.set(src.subarray(fromLed * 3, (fromLed + leds) * 3), dstStart);
    return;
  }
  let s = fromLed * 3;
  let d = dstStart;
  for (let i = 0; i < leds; i++, s += 3, d += 3) {
    dst[d] = src[s + a]!;
    dst[d + 1] = src[s + b]!;
    dst[d + 2] = src[s + c]!;
  }
}

/** An order for outputs that carry RGB only (tpm2, tpm2file); a 4-letter one is refused with the fix. */
export function rgbOrder(kind: string, order: string): ColorOrder {
  if (!(COLOR_ORDERS as readonly string[]).includes(order)) {
    throw new Error(
      `--output ${kind}: carries RGB only; choose a 3-letter colour order (e.g. rgb), not ${order}`,
    );
  }
  return order as ColorOrder;
}
