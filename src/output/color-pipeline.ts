import { estimateRgbwMilliamps, type WhiteExtractor } from './white.ts';

/**
 * Colour correction applied once per frame to RGB bytes (in any pixel order), after the game
 * drew and before any driver sees the frame. Games think in plain sRGB and never do this
 * themselves.
 *
 * Steps, in order:
 * 1. brightness and gamma through one 256-entry lookup table: out = round(255 · (v/255)^gamma · brightness);
 * 2. the power limiter: the frame's current is estimated as
 *    Σ (channel value / 255 × mA per channel) + idle mA × LED count,
 *    and when that exceeds the budget every channel is scaled down (rounding down, through a
 *    second lookup table) so the estimate is at most the budget.
 * Colour order (GRB for WS2812…) is left to each driver: a WS2812 strip wants GRB, a WLED
 * controller whatever it was set up for. `display()` turns the corrected LED values into what a
 * screen must show to look like the LEDs (brightness and limiter visible, gamma encoded back for
 * a monitor) through one more lookup table built with the others: previews never undo anything.
 *
 * apply() allocates nothing; the tables are rebuilt only when a setting changes.
 */
export interface ColorPipelineOptions {
  /** 0..100 %. */
  readonly brightness: number;
  /** Gamma exponent, 1 = off (for pre-corrected content); default 2.2. Range 1..4. */
  readonly gamma?: number;
  /** Current budget in mA for the whole strip, 0 = no limit; default 8000 (a 5 V 10 A supply with margin). */
  readonly budgetMilliamps?: number;
  /** Current of one channel at full value (255), mA; default 20 (WS2812 datasheet). */
  readonly channelMilliamps?: number;
  /** Current of one LED showing black, mA; default 1. */
  readonly idleMilliamps?: number;
  /**
   * RGBW strips: the white extraction the LED outputs apply, and the white LED's current at full
   * value (mA). The estimate (and so the limiter) then counts each LED as remaining R, G, B at
   * channelMilliamps plus W at whiteMilliamps, the current the strip really draws.
   */
  readonly white?: { readonly extractor: WhiteExtractor; readonly whiteMilliamps: number };
}

export const DEFAULT_GAMMA = 2.2;
export const DEFAULT_BUDGET_MA = 8000;
export const DEFAULT_CHANNEL_MA = 20;
export const DEFAULT_IDLE_MA = 1;

/**
 * The estimated current (mA) of a strip whose channel values add up to `channelSum`:
 * channelSum / 255 × channelMilliamps + ledCount × idleMilliamps. The limiter and its tests
 * use this one formula.
 */
export function estimateMilliamps(
  channelSum: number,
  ledCount: number,
  channelMilliamps: number,
  idleMilliamps: number,
): number {
  return (channelSum * channelMilliamps) / 255 + ledCount * idleMilliamps;
}

export class ColorPipeline {
  private readonly white: ColorPipelineOptions['white'];
  /** The frame before limiting, for the RGBW limiter's retries (allocated on first need). */
  private before: Uint8Array | undefined;
  private readonly lut = new Uint8Array(256);
  private readonly limitLut = new Uint8Array(256);
  /** LED value → the display value that looks the same on a monitor. */
  private readonly displayLut = new Uint8Array(256);
  private brightnessPercent = 100;
  private gammaValue = DEFAULT_GAMMA;
  /** The current budget, mA (0 = no limit); change it with setBudget. */
  budgetMilliamps: number;
  readonly channelMilliamps: number;
  readonly idleMilliamps: number;
  /** Estimated current of the last frame after limiting, mA (0 before the first frame). */
  lastMilliamps = 0;
  /** Estimated current of the last frame before limiting, mA. */
  lastWantedMilliamps = 0;
  /** Factor the limiter scaled the last frame by (1 = untouched). */
  lastLimit = 1;

  constructor(options: ColorPipelineOptions) {
    const gamma = options.gamma ?? DEFAULT_GAMMA;
    const budget = options.budgetMilliamps ?? DEFAULT_BUDGET_MA;
    const channel = options.channelMilliamps ?? DEFAULT_CHANNEL_MA;
    const idle = options.idleMilliamps ?? DEFAULT_IDLE_MA;
    if (!(gamma >= 1 && gamma <= 4)) throw new RangeError(`gamma must be 1..4 (1 = off), got ${gamma}`);
    if (!(budget >= 0)) throw new RangeError(`power budget must be ≥ 0 mA (0 = no limit), got ${budget}`);
    if (!(channel > 0)) throw new RangeError(`mA per channel must be > 0, got ${channel}`);
    if (!(idle >= 0)) throw new RangeError(`idle mA per LED must be ≥ 0, got ${idle}`);
    this.budgetMilliamps = budget;
    this.channelMilliamps = channel;
    this.idleMilliamps = idle;
    if (options.white && !options.white.extractor.off) {
      if (!(options.white.whiteMilliamps > 0))
        throw new RangeError(`white LED mA must be > 0, got ${options.white.whiteMilliamps}`);
      this.white = options.white;
    }
    this.gammaValue = gamma;
    this.setBrightness(options.brightness);
  }

  /** Brightness in percent (0..100), as last set. */
  get brightness(): number {
    return this.brightnessPercent;
  }

  get gamma(): number {
    return this.gammaValue;
  }

  /** Sets brightness (clamped to 0..100 %) and rebuilds the lookup table; never per frame. */
  setBrightness(percent: number): void {
    this.brightnessPercent = Number.isFinite(percent) ? Math.min(100, Math.max(0, percent)) : 100;
    this.rebuild();
  }

  /** Sets the current budget live (mA, 0 = no limit); throws like the constructor for a negative one. */
  setBudget(milliamps: number): void {
    if (!(milliamps >= 0))
      throw new RangeError(`power budget must be ≥ 0 mA (0 = no limit), got ${milliamps}`);
    this.budgetMilliamps = milliamps;
  }

  /** Sets the gamma exponent (1..4, 1 = off) and rebuilds the lookup table. */
  setGamma(gamma: number): void {
    if (!(gamma >= 1 && gamma <= 4)) throw new RangeError(`gamma must be 1..4 (1 = off), got ${gamma}`);
    this.gammaValue = gamma;
    this.rebuild();
  }

  /**
   * The most a strip of `ledCount` LEDs may show: budget − idle current. Throws when the idle
   * current alone exceeds the budget (raise the budget or check the LED count).
   */
  checkBudget(ledCount: number): void {
    if (this.budgetMilliamps === 0) return;
    const idle = ledCount * this.idleMilliamps;
    if (idle > this.budgetMilliamps) {
      throw new RangeError(
        `power budget ${this.budgetMilliamps} mA is below the idle current of ${ledCount} LEDs ` +
          `(${idle} mA at ${this.idleMilliamps} mA each): raise --power-budget or set it to 0 for no limit`,
      );
    }
  }

  /** Corrects `strip` (3 bytes per LED) in place. */
  apply(strip: Uint8Array): void {
    const lut = this.lut;
    const n = strip.length;
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const v = lut[strip[i]!]!;
      strip[i] = v;
      sum += v;
    }
    const leds = Math.floor(n / 3);
    if (this.white) {
      this.limitRgbw(strip, leds);
      return;
    }
    const channel = this.channelMilliamps;
    const idle = this.idleMilliamps;
    const wanted = estimateMilliamps(sum, leds, channel, idle);
    this.lastWantedMilliamps = wanted;
    const budget = this.budgetMilliamps;
    if (budget === 0 || wanted <= budget) {
      this.lastMilliamps = wanted;
      this.lastLimit = 1;
      return;
    }
    // The largest channel sum whose estimate stays within the budget (float-safe both ways).
    let allowed = Math.max(0, Math.floor(((budget - leds * idle) * 255) / channel));
    while (allowed > 0 && estimateMilliamps(allowed, leds, channel, idle) > budget) allowed--;
    while (estimateMilliamps(allowed + 1, leds, channel, idle) <= budget) allowed++;
    // floor(v · allowed / sum) per channel: the new sum is at most allowed.
    const limit = this.limitLut;
    for (let v = 0; v < 256; v++) limit[v] = Math.floor((v * allowed) / sum);
    let after = 0;
    for (let i = 0; i < n; i++) {
      const v = limit[strip[i]!]!;
      strip[i] = v;
      after += v;
    }
    this.lastMilliamps = estimateMilliamps(after, leds, channel, idle);
    this.lastLimit = allowed / sum;
  }

  /** The estimate of an RGBW strip showing `strip` after white extraction, mA. */
  rgbwMilliamps(strip: Readonly<Uint8Array>, leds: number): number {
    const white = this.white;
    if (!white) return 0;
    const extractor = white.extractor;
    let rgb = 0;
    let w = 0;
    for (let s = 0; s < leds * 3; s += 3) {
      const px = extractor.extract(strip[s]!, strip[s + 1]!, strip[s + 2]!);
      rgb += px[0]! + px[1]! + px[2]!;
      w += px[3]!;
    }
    return estimateRgbwMilliamps(
      rgb,
      w,
      leds,
      this.channelMilliamps,
      white.whiteMilliamps,
      this.idleMilliamps,
    );
  }

  /**
   * The limiter for RGBW strips: scales every channel by one factor (through the limit table,
   * rounding down) until the RGBW estimate is within the budget. The estimate is nearly linear in
   * the factor, so the first guess almost always fits; each retry shrinks it by the overshoot.
   */
  private limitRgbw(strip: Uint8Array, leds: number): void {
    const idle = leds * this.idleMilliamps;
    const wanted = this.rgbwMilliamps(strip, leds);
    this.lastWantedMilliamps = wanted;
    const budget = this.budgetMilliamps;
    if (budget === 0 || wanted <= budget) {
      this.lastMilliamps = wanted;
      this.lastLimit = 1;
      return;
    }
    if (this.before?.length !== strip.length) this.before = new Uint8Array(strip.length);
    const before = this.before;
    before.set(strip);
    const limit = this.limitLut;
    let factor = (budget - idle) / (wanted - idle);
    let after = wanted;
    for (let tries = 0; tries < 20 && after > budget; tries++) {
      for (let v = 0; v < 256; v++) limit[v] = Math.floor(v * factor);
      for (let i = 0; i < strip.length; i++) strip[i] = limit[before[i]!]!;
      after = this.rgbwMilliamps(strip, leds);
      if (after > budget) factor *= ((budget - idle) / (after - idle)) * 0.999;
    }
    if (after > budget) {
      strip.fill(0);
      after = idle;
    }
    this.lastMilliamps = after;
    this.lastLimit = factor;
  }

  /** Writes into `out` what a screen shows for the corrected LED values `leds` (same layout). */
  display(leds: Readonly<Uint8Array>, out: Uint8Array): void {
    const lut = this.displayLut;
    const n = leds.length;
    for (let i = 0; i < n; i++) out[i] = lut[leds[i]!]!;
  }

  private rebuild(): void {
    const scale = this.brightnessPercent / 100;
    const gamma = this.gammaValue;
    for (let v = 0; v < 256; v++) this.lut[v] = Math.round(255 * (v / 255) ** gamma * scale);
    for (let v = 0; v < 256; v++) this.displayLut[v] = Math.round(255 * (v / 255) ** (1 / gamma));
  }
}
