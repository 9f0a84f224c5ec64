import type { Color } from './color.ts';

/**
 * A width × height RGB framebuffer: `pixels` holds 3 bytes per pixel, row by row from the
 * top-left. Coordinates are floored; pixels outside the canvas are clipped silently. Writes
 * with a non-finite coordinate or a colour outside 0..0xFFFFFF are bugs in the caller: they
 * are dropped and counted in `invalidWrites`, which the conformance test checks.
 */
export class Canvas {
  readonly width: number;
  readonly height: number;
  readonly pixels: Uint8Array;
  /** Writes dropped because a coordinate was NaN/±Infinity or the colour was not 0xRRGGBB. */
  invalidWrites = 0;

  constructor(width: number, height: number) {
    if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
      throw new RangeError(`canvas size must be positive integers, got ${width}×${height}`);
    }
    this.width = width;
    this.height = height;
    this.pixels = new Uint8Array(width * height * 3);
  }

  set(x: number, y: number, color: Color): void {
    if (!Number.isFinite(x) || !Number.isFinite(y) || !(color >= 0 && color <= 0xffffff)) {
      this.invalidWrites++;
      return;
    }
    const px = Math.floor(x);
    const py = Math.floor(y);
    if (px < 0 || py < 0 || px >= this.width || py >= this.height) return;
    const i = (py * this.width + px) * 3;
    this.pixels[i] = (color >>> 16) & 0xff;
    this.pixels[i + 1] = (color >>> 8) & 0xff;
    this.pixels[i + 2] = color & 0xff;
  }

  /** The colour at (x, y); black outside the canvas. */
  get(x: number, y: number): Color {
    const px = Math.floor(x);
    const py = Math.floor(y);
    if (!(px >= 0 && py >= 0 && px < this.width && py < this.height)) return 0;
    const i = (py * this.width + px) * 3;
    return ((this.pixels[i] ?? 0) << 16) | ((this.pixels[i + 1] ?? 0) << 8) | (this.pixels[i + 2] ?? 0);
  }

  /** Fills the whole canvas with one colour (black by default). */
  clear(color: Color = 0): void {
    if (color === 0) {
      this.pixels.fill(0);
      return;
    }
    const r = (color >>> 16) & 0xff;
    const g = (color >>> 8) & 0xff;
    const b = color & 0xff;
    for (let i = 0; i < this.pixels.length; i += 3) {
      this.pixels[i] = r;
      this.pixels[i + 1] = g;
      this.pixels[i + 2] = b;
    }
  }

  /** Copies another canvas of the same size into this one. */
  copyFrom(other: Canvas): void {
    this.pixels.set(other.pixels);
  }
}
