import { WhiteExtractor, whiteExtractor } from './white.ts';

/**
 * The bytes of one LED on the wire: a colour order of 3 letters (a permutation of r, g, b) or
 * of 4 (r, g, b, w) for RGBW strips, e.g. 'grb' for WS2812 or 'grbw' for SK6812 RGBW.
 */
export type WireOrder = string;

function permutations(letters: string): string[] {
  if (letters.length <= 1) return [letters];
  return [...letters].flatMap((c, i) =>
    permutations(letters.slice(0, i) + letters.slice(i + 1)).map((rest) => c + rest),
  );
}

/** The 6 RGB orders, rgb first. */
export const RGB_ORDERS: readonly string[] = permutations('rgb');
/** The 24 RGBW orders, rgbw first. */
export const RGBW_ORDERS: readonly string[] = permutations('rgbw');
/** Every order --color-order accepts. */
export const WIRE_ORDERS: readonly string[] = [...RGB_ORDERS, ...RGBW_ORDERS];

/** Checks an order (case-insensitive) and returns it in lower case; throws naming the choices. */
export function parseWireOrder(text: string): WireOrder {
  const order = text.toLowerCase();
  if (!WIRE_ORDERS.includes(order)) {
    throw new RangeError(
      `colour order must be 3 letters r, g, b (e.g. grb for WS2812) or 4 with w (e.g. grbw for SK6812 RGBW), got "${text}"`,
    );
  }
  return order;
}

/**
 * Writes strip-order RGB LEDs into wire bytes: 3 or 4 bytes per LED in `order`; a 4-byte order
 * gets W from `white` (default: none, so W = 0). Allocates nothing per call.
 */
export class PixelFormat {
  readonly order: WireOrder;
  /** 3 or 4. */
  readonly bytesPerLed: number;
  readonly white: WhiteExtractor;
  /** For each wire byte, the channel it carries: 0 r, 1 g, 2 b, 3 w. */
  private readonly slots: readonly number[];
  private readonly identity: boolean;

  constructor(order: WireOrder = 'rgb', white: WhiteExtractor = new WhiteExtractor('none')) {
    this.order = parseWireOrder(order);
    this.bytesPerLed = this.order.length;
    this.white = white;
    this.slots = [...this.order].map((c) => 'rgbw'.indexOf(c));
    this.identity = this.order === 'rgb';
  }

  get rgbw(): boolean {
    return this.bytesPerLed === 4;
  }

  /**
   * Copies `leds` LEDs of `src` (RGB, 3 bytes per LED) starting at LED `fromLed` into `dst` at
   * byte `dstStart`, bytesPerLed bytes each.
   */
  write(src: Readonly<Uint8Array>, fromLed: number, dst: Uint8Array, dstStart: number, leds: number): void {
    if (this.identity) {
      dst.set(src.subarray(fromLed * 3, (fromLed + leds) * 3), dstStart);
      return;
    }
    const slots = this.slots;
    let s = fromLed * 3;
    let d = dstStart;
    if (this.bytesPerLed === 3) {
      const [a, b, c] = slots as [number, number, number];
      for (let i = 0; i < leds; i++, s += 3, d += 3) {
        dst[d] = src[s + a]!;
        dst[d + 1] = src[s + b]!;
        dst[d + 2] = src[s + c]!;
      }
      return;
    }
    const [a, b, c, e] = slots as [number, number, number, number];
    const white = this.white;
    if (white.off) {
      // W stays 0: each wire byte is its RGB channel, or 0 in the W position.
      for (let i = 0; i < leds; i++, s += 3, d += 4) {
        dst[d] = a < 3 ? src[s + a]! : 0;
        dst[d + 1] = b < 3 ? src[s + b]! : 0;
        dst[d + 2] = c < 3 ? src[s + c]! : 0;
        dst[d + 3] = e < 3 ? src[s + e]! : 0;
      }
      return;
    }
    for (let i = 0; i < leds; i++, s += 3, d += 4) {
      const px = white.extract(src[s]!, src[s + 1]!, src[s + 2]!);
      dst[d] = px[a]!;
      dst[d + 1] = px[b]!;
      dst[d + 2] = px[c]!;
      dst[d + 3] = px[e]!;
    }
  }
}

/** The wire format --color-order, --white and --white-point describe. */
export function wireFormat(options: {
  readonly colorOrder: string;
  readonly white: string;
  readonly whitePoint: string;
}): PixelFormat {
  return new PixelFormat(options.colorOrder, whiteExtractor(options));
}
