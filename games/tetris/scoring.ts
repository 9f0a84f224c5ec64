/** Guideline scoring: line clears, T-spins, back-to-back and combos (see README, "Scoring"). */

/** Points for clearing 1..4 lines at once, before multiplying by the level. */
export const LINE_POINTS: readonly number[] = [0, 100, 300, 500, 800];
/** T-spin points by lines cleared (0..3), before the level: a full T-spin and a mini one. */
export const T_SPIN_POINTS: readonly number[] = [400, 800, 1200, 1600];
export const MINI_T_SPIN_POINTS: readonly number[] = [100, 200, 400];
/** Back-to-back: a difficult clear (a Tetris or a T-spin with lines) right after another gets ×1.5. */
export const BACK_TO_BACK = 1.5;
/** Combo: each clear in an unbroken run of clearing pieces adds 50 × combo count × level. */
export const COMBO_POINTS = 50;
/** Points per cell a piece falls while soft drop is held. */
export const SOFT_DROP_POINTS = 1;
/** Points per cell a hard drop moves the piece. */
export const HARD_DROP_POINTS = 2;
/** Lines to clear for each level up. */
export const LINES_PER_LEVEL = 10;

/** A T-spin by the three-corner rule: none, mini (one front corner open) or full. */
export type Spin = 'none' | 'mini' | 'full';

/** Points for clearing `lines` (0..4) at `level` (1 and up), no spin, no bonus. */
export function linePoints(lines: number, level: number): number {
  return (LINE_POINTS[lines] ?? 0) * level;
}

/** The level after `lines` cleared in total, starting at `startLevel`. */
export function levelFor(startLevel: number, lines: number): number {
  return startLevel + Math.floor(lines / LINES_PER_LEVEL);
}

/** What one lock scored and why: `label` names the bonus for the table ('' for a plain clear). */
export interface Award {
  points: number;
  label: string;
}

/**
 * The running state of the bonuses across locks: back-to-back and the combo counter. `award`
 * is called once per lock (also without lines) and fills `out` (reused; no allocation).
 */
export class ScoreKeeper {
  /** Clearing locks in a row minus one; -1 when the last lock cleared nothing. */
  combo = -1;
  /** True when the last clear with lines was difficult (a Tetris or a T-spin with lines). */
  backToBack = false;

  award(lines: number, spin: Spin, level: number, out: Award): Award {
    let base = 0;
    let label = '';
    if (spin === 'full') {
      base = T_SPIN_POINTS[lines] ?? 0;
      label = lines === 0 ? 'TSPIN' : `TSPIN${lines}`;
    } else if (spin === 'mini') {
      base = MINI_T_SPIN_POINTS[lines] ?? 0;
      label = lines === 0 ? 'MINI' : `MINI${lines}`;
    } else {
      base = LINE_POINTS[lines] ?? 0;
      if (lines === 4) label = 'TETRIS';
    }
    let points = base * level;
    if (lines > 0) {
      const difficult = lines === 4 || spin !== 'none';
      if (difficult && this.backToBack) {
        points = Math.floor(points * BACK_TO_BACK);
        label = `B2B ${label}`;
      }
      this.backToBack = difficult;
      this.combo++;
      if (this.combo > 0) {
        points += COMBO_POINTS * this.combo * level;
        label = label ? `${label} COMBO${this.combo}` : `COMBO${this.combo}`;
      }
    } else {
      this.combo = -1; // a lock without lines ends the combo; back-to-back survives it
    }
    out.points = points;
    out.label = label;
    return out;
  }
}
