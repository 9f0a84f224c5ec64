import type { Layout } from './layout.ts';

/**
 * Reorders a canvas (RGB, row-major from the top-left, 3 × width × height bytes) into strip
 * order (3 × ledCount bytes, LED 0 first) through a compiled Layout. The output buffer is
 * allocated once and owned by the mapper: map() overwrites and returns the same buffer each call.
 * LEDs that no pixel maps to (gaps in a map file) stay black.
 */
export class StripMapper {
  readonly layout: Layout;
  private readonly out: Uint8Array;

  constructor(layout: Layout) {
    this.layout = layout;
    this.out = new Uint8Array(layout.ledCount * 3);
  }

  /** maps canvas RGB (row-major) to strip order into a buffer allocated once; returns that buffer */
  map(pixels: Readonly<Uint8Array>): Uint8Array {
    const { ledOf, width, height } = this.layout;
    if (pixels.length !== width * height * 3) {
      throw new RangeError(
        `StripMapper.map: expected ${width * height * 3} bytes (${width}×${height} RGB), got ${pixels.length}; ` +
          'the canvas size must match the layout',
      );
    }
    const out = this.out;
    const n = ledOf.length;
    for (let p = 0; p < n; p++) {
      const led = ledOf[p]!;
      if (led < 0) continue;
      const s = p * 3;
      const d = led * 3;
      out[d] = pixels[s]!;
      out[d + 1] = pixels[s + 1]!;
      out[d + 2] = pixels[s + 2]!;
    }
    return out;
  }
}
