/**
 * Colour correction applied once per frame to strip-order RGB bytes, after the game drew and
 * before any driver sees the frame. Games think in plain sRGB and never do this themselves.
 */
export interface ColorPipelineOptions {
  /** 0..100 %. */
  readonly brightness: number;
}

export class ColorPipeline {
  private readonly lut = new Uint8Array(256);

  constructor(options: ColorPipelineOptions) {
    this.setBrightness(options.brightness);
  }

  /** Rebuilds the lookup table; called when the setting changes, never per frame. */
  setBrightness(percent: number): void {
    const scale = Math.min(100, Math.max(0, percent)) / 100;
    for (let v = 0; v < 256; v++) this.lut[v] = Math.round(v * scale);
  }

  /** Corrects `strip` in place. */
  apply(strip: Uint8Array): void {
    const lut = this.lut;
    for (let i = 0; i < strip.length; i++) strip[i] = lut[strip[i]!]!;
  }
}
