import type { Color, Graphics } from '../../src/index.ts';

/**
 * The clock's large digits: 4 × 7 pixels, two-pixel-round corners, readable across a room on
 * 20 × 15 LEDs. "HH MM" in these digits is exactly 20 pixels wide (digits at x = 0, 5, 11, 16).
 */
export const DIGIT_ART: readonly string[] = [
  '.##./#..#/#..#/#..#/#..#/#..#/.##.',
  '..#./.##./..#./..#./..#./..#./.###',
  '.##./#..#/...#/..#./.#../#.../####',
  '.##./#..#/...#/..#./...#/#..#/.##.',
  '...#/..##/.#.#/#..#/####/...#/...#',
  '####/#.../###./...#/...#/#..#/.##.',
  '.##./#.../#.../###./#..#/#..#/.##.',
  '####/...#/...#/..#./..#./.#../.#..',
  '.##./#..#/#..#/.##./#..#/#..#/.##.',
  '.##./#..#/#..#/.###/...#/...#/.##.',
];

export const DIGIT_WIDTH = 4;
export const DIGIT_HEIGHT = 7;

/** Lit pixels of each digit as [x, y] pairs, compiled once. */
const PIXELS: readonly (readonly number[])[] = DIGIT_ART.map((art) => {
  const pixels: number[] = [];
  art.split('/').forEach((row, y) => {
    for (let x = 0; x < row.length; x++) if (row[x] === '#') pixels.push(x, y);
  });
  return pixels;
});

/** Draws digit `d` (0..9) with its top-left corner at (x, y). */
export function drawDigit(g: Graphics, d: number, x: number, y: number, color: Color): void {
  const pixels = PIXELS[d] ?? [];
  for (let i = 0; i < pixels.length; i += 2) g.set(x + pixels[i]!, y + pixels[i + 1]!, color);
}

/** Column of each of the four digits of "HH MM" on a 20-pixel-wide table. */
export const DIGIT_X: readonly number[] = [0, 5, 11, 16];

/**
 * "HH MM" in large digits with the top at row y. `hour` is what to show (0..23, or 1..12 on a
 * 12-hour clock, where a leading zero is left blank).
 */
export function drawTime(
  g: Graphics,
  hour: number,
  minute: number,
  y: number,
  color: Color,
  blankLeadingZero: boolean,
): void {
  const offset = Math.floor((g.width - 20) / 2);
  const tens = Math.floor(hour / 10);
  if (tens > 0 || !blankLeadingZero) drawDigit(g, tens, offset + DIGIT_X[0]!, y, color);
  drawDigit(g, hour % 10, offset + DIGIT_X[1]!, y, color);
  drawDigit(g, Math.floor(minute / 10), offset + DIGIT_X[2]!, y, color);
  drawDigit(g, minute % 10, offset + DIGIT_X[3]!, y, color);
}
