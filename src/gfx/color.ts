/**
 * Colours are plain numbers 0xRRGGBB in sRGB, so drawing never allocates.
 * Games think in sRGB; brightness, gamma and power limits happen later in the output stage.
 */
export type Color = number;

export const BLACK: Color = 0x000000;
export const WHITE: Color = 0xffffff;
export const RED: Color = 0xff0000;
export const GREEN: Color = 0x00ff00;
export const BLUE: Color = 0x0000ff;
export const YELLOW: Color = 0xffff00;
export const CYAN: Color = 0x00ffff;
export const MAGENTA: Color = 0xff00ff;
export const ORANGE: Color = 0xff8000;
export const PURPLE: Color = 0x8000ff;
export const GREY: Color = 0x808080;

/** One distinct colour per player, index 0..3 (red, blue, green, yellow). */
export const PLAYER_COLORS: readonly Color[] = [0xff2020, 0x2060ff, 0x20e020, 0xffd000];

/** Packs channels (each clamped to 0..255 and rounded) into a Color. */
export function rgb(r: number, g: number, b: number): Color {
  return (clampByte(r) << 16) | (clampByte(g) << 8) | clampByte(b);
}

export function red(c: Color): number {
  return (c >>> 16) & 0xff;
}
export function green(c: Color): number {
  return (c >>> 8) & 0xff;
}
export function blue(c: Color): number {
  return c & 0xff;
}

/** Hue in degrees (any value, wraps), saturation and value in 0..1. */
export function hsv(h: number, s: number, v: number): Color {
  const hh = (((h % 360) + 360) % 360) / 60;
  const i = Math.floor(hh);
  const f = hh - i;
  const p = v * (1 - s);
  const q = v * (1 - s * f);
  const t = v * (1 - s * (1 - f));
  // No arrays here: hsv() runs per pixel in animations and must not allocate.
  switch (i) {
    case 0:
      return rgb(v * 255, t * 255, p * 255);
    case 1:
      return rgb(q * 255, v * 255, p * 255);
    case 2:
      return rgb(p * 255, v * 255, t * 255);
    case 3:
      return rgb(p * 255, q * 255, v * 255);
    case 4:
      return rgb(t * 255, p * 255, v * 255);
    default:
      return rgb(v * 255, p * 255, q * 255);
  }
}

/** Multiplies every channel by `factor` (0 = black, 1 = unchanged). */
export function dim(c: Color, factor: number): Color {
  return rgb(red(c) * factor, green(c) * factor, blue(c) * factor);
}

/** Linear blend: t = 0 gives `a`, t = 1 gives `b`. */
export function mix(a: Color, b: Color, t: number): Color {
  return rgb(
    red(a) + (red(b) - red(a)) * t,
    green(a) + (green(b) - green(a)) * t,
    blue(a) + (blue(b) - blue(a)) * t,
  );
}

/** "#rrggbb" or "rrggbb" as used by --dump and config files. */
export function toHex(c: Color): string {
  return c.toString(16).padStart(6, '0');
}

function clampByte(v: number): number {
  return v <= 0 ? 0 : v >= 255 ? 255 : Math.round(v);
}

/** Channel-wise product, each channel scaled to 0..1: multiply(c, WHITE) = c, multiply(c, BLACK) = 0. */
export function multiply(a: Color, b: Color): Color {
  return rgb((red(a) * red(b)) / 255, (green(a) * green(b)) / 255, (blue(a) * blue(b)) / 255);
}

// sRGB byte -> linear light 0..1 with the usual 2.2 display gamma, and back through a table
// indexed by sqrt(linear) (close to sRGB, so 1024 steps keep every output within one level).
// Built once at load; blending then needs no pow().
const GAMMA = 2.2;
const TO_LINEAR = Float64Array.from({ length: 256 }, (_, v) => (v / 255) ** GAMMA);
const ENCODE_STEPS = 1023;
const FROM_SQRT_LINEAR = Uint8Array.from({ length: ENCODE_STEPS + 1 }, (_, i) =>
  Math.round(255 * (i / ENCODE_STEPS) ** (2 / GAMMA)),
);
function blendChannel(a: number, b: number, t: number): number {
  const linear = (TO_LINEAR[a] ?? 0) * (1 - t) + (TO_LINEAR[b] ?? 0) * t;
  return FROM_SQRT_LINEAR[Math.round(Math.sqrt(linear) * ENCODE_STEPS)] ?? 0;
}

/**
 * Blend in linear light (gamma 2.2): `t` is the share of light that comes from `b` (0..1).
 * Two pixels blended with t and 1 − t emit as much light together as one full pixel, which
 * keeps anti-aliased motion on LEDs at a steady brightness (a plain `mix` would dim mid-steps).
 */
export function blendLinear(a: Color, b: Color, t: number): Color {
  if (t <= 0) return a;
  if (t >= 1) return b;
  return rgb(
    blendChannel(red(a), red(b), t),
    blendChannel(green(a), green(b), t),
    blendChannel(blue(a), blue(b), t),
  );
}
