/** Guideline scoring without T-spin or back-to-back bonuses (see README). */

/** Points for clearing 1..4 lines at once, before multiplying by the level. */
export const LINE_POINTS: readonly number[] = [0, 100, 300, 500, 800];
/** Points per cell a piece falls while soft drop is held. */
export const SOFT_DROP_POINTS = 1;
/** Points per cell a hard drop moves the piece. */
export const HARD_DROP_POINTS = 2;
/** Lines to clear for each level up. */
export const LINES_PER_LEVEL = 10;

/** Points for clearing `lines` (0..4) at `level` (1 and up). */
export function linePoints(lines: number, level: number): number {
  return (LINE_POINTS[lines] ?? 0) * level;
}

/** The level after `lines` cleared in total, starting at `startLevel`. */
export function levelFor(startLevel: number, lines: number): number {
  return startLevel + Math.floor(lines / LINES_PER_LEVEL);
}
