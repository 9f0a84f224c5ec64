/**
 * Turns an analog axis into a digital direction (-1, 0, +1) with a dead zone and hysteresis:
 * the stick must pass `press` (fraction of the half range from the centre) to count as pushed
 * and come back inside `release` to count as centred again, so a stick resting near the edge
 * of the dead zone does not chatter.
 *
 * The axis range normally comes from the kernel's absinfo (EVIOCGABS), which plain Node cannot
 * read (it needs an ioctl, and sysfs does not list it). So the range is either known from the
 * pad's vendor (see knownAxisRange) or inferred from the values seen: a negative value means a
 * signed range (-128..127 or -32768..32767), otherwise the smallest of 0..255, 0..1023,
 * 0..4095, 0..65535 that holds every value.
 */
export interface AxisRange {
  readonly min: number;
  readonly max: number;
}

const UNSIGNED_RANGES: readonly AxisRange[] = [
  { min: 0, max: 255 },
  { min: 0, max: 1023 },
  { min: 0, max: 4095 },
  { min: 0, max: 65535 },
];
const SIGNED_RANGES: readonly AxisRange[] = [
  { min: -128, max: 127 },
  { min: -32768, max: 32767 },
];

/**
 * Stick ranges of pad families whose drivers are known: Microsoft/Xbox-style (xpad, and 8BitDo
 * or other pads in X-input mode, which report as 045e) and Nintendo are signed 16-bit; Sony,
 * DragonRise and most generic USB pads are 0..255. Undefined = infer from the values.
 */
export function knownAxisRange(device: {
  readonly vendor: string;
  readonly name: string;
}): AxisRange | undefined {
  if (device.vendor === '045e' || device.vendor === '057e' || /x-?box|xinput/i.test(device.name))
    return { min: -32768, max: 32767 };
  if (device.vendor === '054c' || device.vendor === '0079' || device.vendor === '0810')
    return { min: 0, max: 255 };
  return undefined;
}

export interface AxisFilterOptions {
  /** A known range; omitted = inferred from the values seen. */
  readonly range?: AxisRange;
  /** Fraction of the half range to count as pushed. Default 0.5. */
  readonly press?: number;
  /** Fraction of the half range below which the stick counts as centred again. Default 0.3. */
  readonly release?: number;
}

export class AxisFilter {
  private lo = Number.POSITIVE_INFINITY;
  private hi = Number.NEGATIVE_INFINITY;
  private range: AxisRange | undefined;
  private readonly fixed: boolean;
  private readonly press: number;
  private readonly release: number;
  /** The current direction: -1, 0 or +1. */
  direction = 0;

  constructor(options: AxisFilterOptions = {}) {
    this.range = options.range;
    this.fixed = options.range !== undefined;
    this.press = options.press ?? 0.5;
    this.release = options.release ?? 0.3;
  }

  /** The range in use (undefined before the first value when inferring). */
  get currentRange(): AxisRange | undefined {
    return this.range;
  }

  /** Feeds one axis value; returns the direction after it. */
  update(value: number): number {
    if (!this.fixed) this.infer(value);
    const range = this.range!;
    const half = (range.max - range.min) / 2;
    if (half <= 0) return this.direction;
    const n = (value - (range.min + range.max) / 2) / half;
    const magnitude = Math.abs(n);
    if (this.direction === 0) {
      if (magnitude >= this.press) this.direction = n < 0 ? -1 : 1;
    } else if (magnitude < this.release || Math.sign(n) !== this.direction) {
      this.direction = magnitude >= this.press ? (n < 0 ? -1 : 1) : 0;
    }
    return this.direction;
  }

  private infer(value: number): void {
    if (value >= this.lo && value <= this.hi) return;
    this.lo = Math.min(this.lo, value);
    this.hi = Math.max(this.hi, value);
    const candidates = this.lo < 0 ? SIGNED_RANGES : UNSIGNED_RANGES;
    const fits = candidates.find((r) => r.min <= this.lo && r.max >= this.hi);
    // Beyond every common range: the values themselves, widened symmetrically around zero.
    this.range = fits ?? { min: Math.min(this.lo, -this.hi), max: Math.max(this.hi, -this.lo) };
  }
}
