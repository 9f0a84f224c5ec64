/** The Guideline gravity curve. */

/** Above this level the curve is already faster than one row per tick (20G-like); we hold it there. */
export const MAX_GRAVITY_LEVEL = 20;

/** Seconds a piece takes to fall one row at `level` (1 and up): (0.8 − (level − 1)·0.007)^(level − 1). */
export function secondsPerRow(level: number): number {
  const l = Math.min(Math.max(1, level), MAX_GRAVITY_LEVEL);
  return (0.8 - (l - 1) * 0.007) ** (l - 1);
}

/**
 * Rows per tick at `level` for a loop running at `rate` ticks per second: the amount added to
 * the fall accumulator every tick (a piece moves one row each time it reaches 1). Below 1 at
 * low levels; above 1 from about level 13 at 60 Hz.
 */
export function rowsPerTick(level: number, rate: number): number {
  return 1 / (secondsPerRow(level) * rate);
}

/** Soft drop falls this many times faster than gravity (Guideline). */
export const SOFT_DROP_FACTOR = 20;
