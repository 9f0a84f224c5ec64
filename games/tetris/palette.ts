import type { Color } from '../../src/index.ts';

/**
 * Guideline colours, tuned for WS2812 LEDs: pure yellow reads green-tinged on LEDs, so O leans
 * amber; orange needs little green; blue gets a touch of green to be bright enough; purple leans
 * to magenta so it stays apart from blue. Indexed by piece type (I O T S Z J L).
 */
export const PIECE_COLORS: readonly Color[] = [
  0x00e0ff, // I cyan
  0xffd200, // O yellow
  0xb000ff, // T purple
  0x00e000, // S green
  0xff0000, // Z red
  0x0030ff, // J blue
  0xff7800, // L orange
];

/**
 * The ghost: the piece colour scaled to this share in sRGB, about 10 % of the light after the
 * output stage's gamma 2.2: clearly there on LEDs, clearly not a piece. Walls are dimmer still.
 */
export const GHOST_SHARE = 0.35;
export const GHOST_COLORS: readonly Color[] = PIECE_COLORS.map((c) => scale(c, GHOST_SHARE));
/** The hold piece after it was used for this piece, and the second next piece. */
export const DIM_COLORS: readonly Color[] = PIECE_COLORS.map((c) => scale(c, 0.55));

/** Locked cell colours by cell value − 1: the seven pieces, then versus garbage. */
export const GARBAGE_COLOR = 0x707070;
export const CELL_COLORS: readonly Color[] = [...PIECE_COLORS, GARBAGE_COLOR];

/**
 * Versus: the empty cells of each well take a faint tint of the player's colour (P1 red, P2
 * blue, as on the result screen), about 1–3 % of the light after gamma: enough to see where one
 * well ends and the other begins, far below the ghost.
 */
export const VERSUS_TINTS: readonly Color[] = [0x280000, 0x000038];
/** Versus: the pending-garbage bar, pulsing between these two (so it never reads as a Z block). */
export const PENDING_BRIGHT = 0xff2000;
export const PENDING_DIM = 0x700000;

export const WALL = 0x404040;
export const FLASH = 0xffffff;
export const LEVEL_TEXT = 0xc0c0c0;
export const LINES_BAR = 0x7a7a7a;
export const TOP_OUT = 0x505050;

function scale(c: Color, share: number): Color {
  const r = Math.round(((c >>> 16) & 0xff) * share);
  const g = Math.round(((c >>> 8) & 0xff) * share);
  const b = Math.round((c & 0xff) * share);
  return (r << 16) | (g << 8) | b;
}

/** The score ticker after a clear (left panel): warm white, brighter than the level digits. */
export const SCORE_TEXT = 0xfff0c0;
