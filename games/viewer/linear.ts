/**
 * sRGB ⇄ linear light with the exact sRGB transfer curve, through lookup tables built once at
 * load. Averaging and blending happen on linear values so that light adds up as it does on the
 * LEDs: a fine black/white pattern averages to half the light, sRGB ≈ 188, not 128.
 */

/** sRGB byte → linear light 0..1. */
export const TO_LINEAR: Float32Array = Float32Array.from({ length: 256 }, (_, v) => {
  const c = v / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
});

const ENCODE_STEPS = 8191;
// Indexed by round(linear · ENCODE_STEPS); fine enough that every output is within one level.
const FROM_LINEAR = Uint8Array.from({ length: ENCODE_STEPS + 1 }, (_, i) => {
  const l = i / ENCODE_STEPS;
  const c = l <= 0.0031308 ? l * 12.92 : 1.055 * l ** (1 / 2.4) - 0.055;
  return Math.round(c * 255);
});

/** Linear light (clamped to 0..1) → sRGB byte. */
export function toSrgb(linear: number): number {
  if (!(linear > 0)) return 0;
  if (linear >= 1) return 255;
  return FROM_LINEAR[Math.round(linear * ENCODE_STEPS)] ?? 255;
}

/**
 * Blends two sRGB byte arrays of equal length into `out` in linear light: `t` = share of `b`
 * (0..1). Allocates nothing; `out` may be `a` or `b`.
 */
export function blendBytes(a: Uint8Array, b: Uint8Array, t: number, out: Uint8Array): void {
  const s = 1 - t;
  for (let i = 0; i < out.length; i++) {
    out[i] = toSrgb((TO_LINEAR[a[i] ?? 0] ?? 0) * s + (TO_LINEAR[b[i] ?? 0] ?? 0) * t);
  }
}
