/** How a frame is drawn into a picture file. */
export interface FrameImageOptions {
  /** Image pixels per LED, 1..64 (default 16); every LED is a hard-edged square or a dot. */
  readonly scale?: number;
  /** Draw each LED as a round dot on black, as the table looks, instead of a filled square. */
  readonly ledDots?: boolean;
}

export const DEFAULT_CAPTURE_SCALE = 16;

/** An RGB image: 3 bytes per pixel, rows from the top. */
export interface RgbImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

/** Dot brightness per image pixel of one LED cell, already gamma-encoded (1 = the LED's colour). */
function dotMask(scale: number): Float32Array {
  const mask = new Float32Array(scale * scale);
  const radius = scale * 0.42;
  const c = scale / 2;
  const samples = 4;
  for (let y = 0; y < scale; y++) {
    for (let x = 0; x < scale; x++) {
      let inside = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const dx = x + (sx + 0.5) / samples - c;
          const dy = y + (sy + 0.5) / samples - c;
          if (dx * dx + dy * dy <= radius * radius) inside++;
        }
      }
      // Coverage is a share of light: blend on black in linear light (gamma 2.2).
      mask[y * scale + x] = (inside / (samples * samples)) ** (1 / 2.2);
    }
  }
  return mask;
}

/**
 * Scales a width × height RGB frame up `scale` times with hard edges (or round dots). Writes
 * into `out` when given (it must hold width·scale · height·scale · 3 bytes), else allocates.
 */
export function frameToImage(
  pixels: Uint8Array,
  width: number,
  height: number,
  options: FrameImageOptions = {},
  out?: Uint8Array,
): RgbImage {
  const scale = options.scale ?? DEFAULT_CAPTURE_SCALE;
  if (!Number.isInteger(scale) || scale < 1 || scale > 64)
    throw new RangeError(`capture scale must be a whole number from 1 to 64, got ${scale}`);
  const iw = width * scale;
  const ih = height * scale;
  const data = out ?? new Uint8Array(iw * ih * 3);
  if (data.length < iw * ih * 3) throw new RangeError(`output buffer too small for ${iw}×${ih}`);
  const mask = options.ledDots ? dotMask(scale) : undefined;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const p = (y * width + x) * 3;
      const r = pixels[p] ?? 0;
      const g = pixels[p + 1] ?? 0;
      const b = pixels[p + 2] ?? 0;
      for (let cy = 0; cy < scale; cy++) {
        let o = ((y * scale + cy) * iw + x * scale) * 3;
        for (let cx = 0; cx < scale; cx++, o += 3) {
          const m = mask ? (mask[cy * scale + cx] ?? 0) : 1;
          data[o] = Math.round(r * m);
          data[o + 1] = Math.round(g * m);
          data[o + 2] = Math.round(b * m);
        }
      }
    }
  }
  return { width: iw, height: ih, data };
}
