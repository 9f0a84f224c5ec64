import type { Color } from '../../src/index.ts';

/**
 * Colours for a 20×15 LED table. Numbers 1–8 use eight well separated hues at full saturation,
 * because pale and dark shades (classic Minesweeper's navy, maroon, black) vanish on LEDs. No
 * number is white: white belongs to the cursor alone.
 */
export const NUMBER_COLORS: readonly Color[] = [
  0x000000, // 0: open and empty (black)
  0x0040ff, // 1: blue
  0x00c000, // 2: green
  0xff0000, // 3: red
  0x9000ff, // 4: violet
  0xff6000, // 5: orange
  0x00c0c0, // 6: teal
  0xff0090, // 7: pink
  0x808080, // 8: grey
];

/** A closed cell: dim slate, so open empty (black) and closed cells differ. */
export const CLOSED_COLOR: Color = 0x202838;
/** A flag (B). */
export const FLAG_COLOR: Color = 0xffd000;
/** The cursor: white, blinking with the cell below it (grey over an empty cell). */
export const CURSOR_COLOR: Color = 0xffffff;
export const CURSOR_OVER_EMPTY: Color = 0x404040;
/** Mines shown after a loss; the one that went off blinks red and white. */
export const MINE_COLOR: Color = 0xc0c0c0;
export const EXPLODED_COLOR: Color = 0xff0000;
/** Status row: mines left (flag colour) against the rest of the bar. */
export const BAR_EMPTY: Color = 0x281c00;
/** A wrong flag after a loss blinks between the flag colour and this. */
export const WRONG_FLAG_COLOR: Color = 0x600060;
/** After a win the flags pulse green. */
export const WIN_FLAG_COLOR: Color = 0x00ff40;
