/**
 * Sound → levels: a Hann-windowed radix-2 FFT of the newest samples, grouped into bands spaced
 * evenly on a log-frequency scale. Everything is allocated in the constructor; analyse()
 * allocates nothing.
 */
export class Spectrum {
  /** Level of each band in dB (full-scale sine ≈ 0 dB), after analyse(). */
  readonly levels: Float32Array;
  /** Lowest and highest frequency (Hz) of each band. */
  readonly edges: Float32Array;
  private readonly re: Float32Array;
  private readonly im: Float32Array;
  private readonly window: Float32Array;
  private readonly reversed: Uint32Array;
  private readonly cos: Float32Array;
  private readonly sin: Float32Array;
  private readonly bandBins: Uint32Array;

  constructor(
    readonly size: number,
    readonly sampleRate: number,
    readonly bands: number,
    low = 60,
    high = 10_000,
  ) {
    if (size < 16 || (size & (size - 1)) !== 0)
      throw new RangeError(`FFT size must be a power of two ≥ 16, got ${size}`);
    this.re = new Float32Array(size);
    this.im = new Float32Array(size);
    this.window = Float32Array.from(
      { length: size },
      (_, i) => 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / (size - 1)),
    );
    const bits = Math.log2(size);
    this.reversed = Uint32Array.from({ length: size }, (_, i) => {
      let r = 0;
      for (let b = 0; b < bits; b++) r |= ((i >> b) & 1) << (bits - 1 - b);
      return r;
    });
    this.cos = Float32Array.from({ length: size / 2 }, (_, i) => Math.cos((-2 * Math.PI * i) / size));
    this.sin = Float32Array.from({ length: size / 2 }, (_, i) => Math.sin((-2 * Math.PI * i) / size));
    this.levels = new Float32Array(bands).fill(-120);
    this.edges = new Float32Array(bands + 1);
    this.bandBins = new Uint32Array(bands + 1);
    const top = Math.min(high, sampleRate * 0.45);
    const binHz = sampleRate / size;
    let previous = 0;
    for (let b = 0; b <= bands; b++) {
      const hz = low * (top / low) ** (b / bands);
      this.edges[b] = hz;
      // every band gets at least one bin of its own
      const bin = Math.max(Math.round(hz / binHz), b === 0 ? 1 : previous + 1);
      this.bandBins[b] = Math.min(bin, size / 2);
      previous = this.bandBins[b]!;
    }
  }

  /** The band whose range holds `hz`, or -1. */
  bandOf(hz: number): number {
    const binHz = this.sampleRate / this.size;
    const bin = Math.round(hz / binHz);
    for (let b = 0; b < this.bands; b++)
      if (bin >= this.bandBins[b]! && bin < this.bandBins[b + 1]!) return b;
    return -1;
  }

  /** Analyses the newest `size` samples (mono, -1..1) into `levels`. */
  analyse(samples: Float32Array): void {
    const n = this.size;
    const offset = samples.length - n;
    for (let i = 0; i < n; i++) {
      const j = this.reversed[i]!;
      this.re[j] = (samples[offset + i] ?? 0) * this.window[i]!;
      this.im[j] = 0;
    }
    for (let len = 2; len <= n; len <<= 1) {
      const half = len >> 1;
      const stride = n / len;
      for (let start = 0; start < n; start += len) {
        for (let k = 0; k < half; k++) {
          const c = this.cos[k * stride]!;
          const s = this.sin[k * stride]!;
          const a = start + k;
          const b = a + half;
          const tr = this.re[b]! * c - this.im[b]! * s;
          const ti = this.re[b]! * s + this.im[b]! * c;
          this.re[b] = this.re[a]! - tr;
          this.im[b] = this.im[a]! - ti;
          this.re[a] = this.re[a]! + tr;
          this.im[a] = this.im[a]! + ti;
        }
      }
    }
    // a full-scale sine through a Hann window peaks at n/4 in its bin
    const scale = 4 / n;
    for (let band = 0; band < this.bands; band++) {
      let peak = 0;
      for (let k = this.bandBins[band]!; k < this.bandBins[band + 1]!; k++) {
        const m = (this.re[k]! * this.re[k]! + this.im[k]! * this.im[k]!) * scale * scale;
        if (m > peak) peak = m;
      }
      this.levels[band] = 10 * Math.log10(peak + 1e-12);
    }
  }
}

/** RMS of the newest `count` samples, in dB (full-scale sine ≈ −3 dB). */
export function rmsDb(samples: Float32Array, count: number): number {
  let sum = 0;
  const from = Math.max(0, samples.length - count);
  for (let i = from; i < samples.length; i++) sum += samples[i]! * samples[i]!;
  return 10 * Math.log10(sum / Math.max(1, samples.length - from) + 1e-12);
}
