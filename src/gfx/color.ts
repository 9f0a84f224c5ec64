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
  const [r, g, b] =
    i === 0
      ? [v, t, p]
      : i === 1
        ? [q, v, p]
        : i === 2
          ? [p, v, t]
          : i === 3
            ? [p, q, v]
            : i === 4
              ? [t, p, v]
              : [v, p, q];
  return rgb(r * 255, g * 255, b * 255);
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
