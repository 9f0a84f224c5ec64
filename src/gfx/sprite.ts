import type { Canvas } from './canvas.ts';
import { type Color, multiply } from './color.ts';
import { validArgs } from './shapes.ts';

/** A small image compiled once: `pixels` holds width × height entries, row by row from the top-left. */
export interface Sprite {
  readonly width: number;
  readonly height: number;
  /** -1 = transparent, else 0xRRGGBB. */
  readonly pixels: Int32Array;
}

export interface SpriteOptions {
  /** Mirror left ↔ right. */
  readonly flipX?: boolean;
  /** Mirror top ↔ bottom. */
  readonly flipY?: boolean;
  /** Each sprite pixel becomes a scale × scale block; an integer ≥ 1 (default 1). */
  readonly scale?: number;
  /** Multiplies every opaque pixel channel-wise (see `multiply`): draw a white sprite in any colour. */
  readonly tint?: Color;
}

/**
 * Compiles ASCII art into a Sprite. '.' and ' ' are transparent; every other character (one
 * Unicode code point) must be a key of `palette`. Throws when a character is missing from the
 * palette, a palette colour is not 0xRRGGBB, or the rows differ in length. Call it once, at module
 * load or in create(), never per frame.
 */
export function sprite(rows: readonly string[], palette: Readonly<Record<string, Color>>): Sprite {
  for (const [key, value] of Object.entries(palette)) {
    if (!(Number.isInteger(value) && value >= 0 && value <= 0xffffff)) {
      throw new RangeError(
        `sprite palette entry "${key}" is ${String(value)}: colours must be integers 0x000000..0xFFFFFF`,
      );
    }
  }
  const chars = rows.map((row) => Array.from(row));
  const width = chars[0]?.length ?? 0;
  const height = rows.length;
  const pixels = new Int32Array(width * height);
  chars.forEach((row, y) => {
    if (row.length !== width) {
      throw new RangeError(
        `sprite row ${y} ("${rows[y]}") is ${row.length} characters wide but row 0 is ${width}: ` +
          `pad every row to the same width with '.'`,
      );
    }
    row.forEach((ch, x) => {
      if (ch === '.' || ch === ' ') {
        pixels[y * width + x] = -1;
        return;
      }
      const color = Object.hasOwn(palette, ch) ? palette[ch] : undefined;
      if (color === undefined) {
        const known = Object.keys(palette).join(' ') || '(empty palette)';
        throw new RangeError(
          `sprite row ${y} ("${rows[y]}"), column ${x}: character "${ch}" is not in the palette ` +
            `(known: ${known}); add it to the palette or use '.' for transparent`,
        );
      }
      pixels[y * width + x] = color;
    });
  });
  return { width, height, pixels };
}

/**
 * Draws `s` with its top-left corner at (x, y) (floored); transparent pixels leave the canvas
 * untouched. Clipped to the canvas. Throws a RangeError when `scale` is not an integer ≥ 1.
 */
export function drawSprite(c: Canvas, s: Sprite, x: number, y: number, opts?: SpriteOptions): void {
  const scale = opts?.scale ?? 1;
  if (!(Number.isInteger(scale) && scale >= 1)) {
    throw new RangeError(`drawSprite scale must be an integer ≥ 1, got ${scale}`);
  }
  const tint = opts?.tint;
  if (!validArgs(c, tint ?? 0, x, y)) return;
  const flipX = opts?.flipX === true;
  const flipY = opts?.flipY === true;
  const px = Math.floor(x);
  const py = Math.floor(y);
  const { width, height, pixels } = s;
  for (let sy = 0; sy < height; sy++) {
    const top = py + sy * scale;
    if (top + scale <= 0) continue;
    if (top >= c.height) break;
    const row = (flipY ? height - 1 - sy : sy) * width;
    for (let sx = 0; sx < width; sx++) {
      const left = px + sx * scale;
      if (left + scale <= 0) continue;
      if (left >= c.width) break;
      const p = pixels[row + (flipX ? width - 1 - sx : sx)] ?? -1;
      if (p < 0) continue;
      const color = tint === undefined ? p : multiply(p, tint);
      if (scale === 1) {
        c.set(left, top, color);
      } else {
        for (let by = Math.max(0, top); by < Math.min(c.height, top + scale); by++) {
          for (let bx = Math.max(0, left); bx < Math.min(c.width, left + scale); bx++) c.set(bx, by, color);
        }
      }
    }
  }
}
