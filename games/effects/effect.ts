import type { Random } from '../../src/index.ts';

/** What an effect may know about the table it draws on. */
export interface EffectEnv {
  readonly width: number;
  readonly height: number;
  /** Seeded: stateful effects (fire, stars, rain) draw their randomness from here only. */
  readonly random: Random;
}

/**
 * Fills `field` (width·height values, row-major, y·width + x) with a brightness 0..1 per pixel
 * for effect time `t` (seconds, already scaled by the speed setting); `dt` is the effect time
 * since the previous call (≥ 0, 0 on the first). Values above 1 are clamped (or wrapped, for
 * cyclic effects); values below 0, NaN and infinities draw black, never garbage. Must not allocate.
 */
export type Render = (field: Float32Array, t: number, dt: number) => void;

export interface Effect {
  /** Shown on the setup screen and in the name banner; short (3×5 font, 20 pixels). */
  readonly id: string;
  /** The palette the `auto` palette setting means for this effect. */
  readonly palette: string;
  /** Cyclic effects wrap values through the palette (hue-like) instead of clamping. */
  readonly cyclic?: boolean;
  /** Builds one run's state (if any) and returns its renderer. */
  create(env: EffectEnv): Render;
}

/** Fractional part, always in [0, 1). */
export function frac(v: number): number {
  return v - Math.floor(v);
}
