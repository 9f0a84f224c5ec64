import { defineOptions } from '../config/options.ts';

/**
 * White extraction for RGBW strips (SK6812 RGBW and similar): how much of an RGB colour the
 * fourth, white LED takes over. Frames stay RGB through the whole colour pipeline; a driver of
 * a 4-channel strip calls extract() per LED as it writes the wire bytes.
 *
 * Modes:
 * - `none`: W = 0, RGB unchanged (the white LED stays dark).
 * - `min`: W = min(R, G, B) and that much is taken off each of R, G and B. Exact when the white
 *   LED looks like R = G = B at the same value (a "pure white" chip).
 * - `accurate`: the white LED's own colour (`whitePoint`, the RGB it matches at full value, e.g.
 *   a warm white chip ≈ ffd0a0) is respected: W is the largest value whose light fits inside the
 *   colour, and exactly that light (W × whitePoint / 255, rounded) is taken off R, G and B.
 *
 * In every mode the remaining RGB plus W × whitePoint / 255 reproduces the input within ±0.5
 * per channel (rounding); `min` uses the white point ffffff.
 */
export type WhiteMode = 'none' | 'min' | 'accurate';

export const WHITE_MODES: readonly WhiteMode[] = ['none', 'min', 'accurate'];

/** RGB the white LED matches at full value, as 0xRRGGBB; default pure white. */
export const DEFAULT_WHITE_POINT = 0xffffff;

export class WhiteExtractor {
  readonly mode: WhiteMode;
  readonly whitePoint: number;
  /** Per channel: value × 255 / white point channel (how much W that channel alone allows). */
  private readonly allow: [Float64Array, Float64Array, Float64Array];
  /** Per channel: round(W × white point channel / 255), the light W adds to that channel. */
  readonly light: [Uint8Array, Uint8Array, Uint8Array];
  /** Last extract()'s result: remaining R, G, B and W (reused; read it before the next call). */
  readonly out = new Uint8Array(4);

  constructor(mode: WhiteMode = 'none', whitePoint = DEFAULT_WHITE_POINT) {
    if (!WHITE_MODES.includes(mode)) {
      throw new RangeError(`white extraction must be one of ${WHITE_MODES.join(', ')}, got ${mode}`);
    }
    const point = mode === 'min' ? DEFAULT_WHITE_POINT : whitePoint;
    const channels = [(point >> 16) & 0xff, (point >> 8) & 0xff, point & 0xff];
    if (!Number.isInteger(point) || point < 0 || point > 0xffffff || channels.some((c) => c === 0)) {
      throw new RangeError(
        `white point must be RRGGBB with no channel 00 (the colour the white LED matches), got ${point.toString(16)}`,
      );
    }
    this.mode = mode;
    this.whitePoint = point;
    const allow = () => new Float64Array(256);
    const light = () => new Uint8Array(256);
    this.allow = [allow(), allow(), allow()];
    this.light = [light(), light(), light()];
    for (let c = 0; c < 3; c++) {
      const p = channels[c]!;
      for (let v = 0; v < 256; v++) {
        this.allow[c]![v] = (v * 255) / p;
        this.light[c]![v] = Math.round((v * p) / 255);
      }
    }
  }

  /** True when W is always 0. */
  get off(): boolean {
    return this.mode === 'none';
  }

  /** Splits one RGB colour into remaining R, G, B and W, written to `this.out`. Allocates nothing. */
  extract(r: number, g: number, b: number): Uint8Array {
    const out = this.out;
    if (this.mode === 'none') {
      out[0] = r;
      out[1] = g;
      out[2] = b;
      out[3] = 0;
      return out;
    }
    const [ar, ag, ab] = this.allow;
    const w = Math.min(255, Math.floor(Math.min(ar[r]!, ag[g]!, ab[b]!) + 1e-9));
    const [lr, lg, lb] = this.light;
    out[0] = r - lr[w]!;
    out[1] = g - lg[w]!;
    out[2] = b - lb[w]!;
    out[3] = w;
    return out;
  }
}

/**
 * The estimated current (mA) of an RGBW strip: the remaining RGB channels at `channelMilliamps`
 * each, W at `whiteMilliamps`, plus `idleMilliamps` per LED; values at 255 draw the full figure.
 */
export function estimateRgbwMilliamps(
  rgbSum: number,
  whiteSum: number,
  ledCount: number,
  channelMilliamps: number,
  whiteMilliamps: number,
  idleMilliamps: number,
): number {
  return (rgbSum * channelMilliamps + whiteSum * whiteMilliamps) / 255 + ledCount * idleMilliamps;
}

/** RGBW strips' options: read by the outputs that carry W and by the colour pipeline's estimate. */
export const whiteOptions = defineOptions('RGBW strips', {
  white: {
    flag: '--white',
    type: 'enum',
    default: 'none',
    values: WHITE_MODES,
    help:
      'RGBW strips: how much of each colour the white LED takes: none, min (W = min(R,G,B), taken off R, G ' +
      "and B) or accurate (respects --white-point, the white LED's own colour).",
    scope: 'config',
  },
  whitePoint: {
    flag: '--white-point',
    type: 'string',
    default: 'ffffff',
    arg: 'RRGGBB',
    check: (value: string) =>
      /^[0-9a-fA-F]{6}$/.test(value) && !/^(00....|..00..|....00)$/.test(value)
        ? undefined
        : 'must be 6 hex digits RRGGBB with no channel 00, e.g. ffd8b0 for a warm white LED',
    help: 'RGBW strips, --white accurate: the colour the white LED matches at full value (ffffff = pure white).',
    scope: 'config',
  },
  whiteMilliamps: {
    flag: '--white-ma',
    type: 'number',
    default: 20,
    min: 0.1,
    max: 100,
    arg: 'MA',
    help: 'Power estimate of RGBW strips: current of the white LED at full value, in mA (SK6812: about 20).',
    scope: 'config',
  },
});

/** The extractor --white and --white-point describe. */
export function whiteExtractor(options: {
  readonly white: string;
  readonly whitePoint: string;
}): WhiteExtractor {
  return new WhiteExtractor(options.white as WhiteMode, Number.parseInt(options.whitePoint, 16));
}
