import { type Color, type Graphics, mix } from '../../src/index.ts';

/** Ludo's four colours in turn order: red (top-left), green, yellow, blue (bottom-left). */
export const LUDO_COLORS: readonly Color[] = [0xff2020, 0x20d040, 0xffc000, 0x2060ff];
export const LIGHT_SQUARE: Color = 0xffe0b0;
export const CHESS_DARK: Color = 0x6a3408;
export const CHECKERS_DARK: Color = 0x107020;
export const FRAME: Color = 0x505050;
export const TRACK: Color = 0x909090;

/** Draws through a brightness factor (0..1) so the whole board dims for the pieces on it. */
export type Paint = (x: number, y: number, color: Color) => void;

/**
 * A checkered board of `size` × `size` squares, one LED each, centred on the table with a dim
 * frame; the top-left square is light, as on a chess board seen from White. Returns its left
 * and top edge.
 */
export function drawCheckered(
  g: Graphics,
  paint: Paint,
  size: number,
  dark: Color,
): { left: number; top: number } {
  const left = Math.floor((g.width - size) / 2);
  const top = Math.floor((g.height - size) / 2);
  for (let i = -1; i <= size; i++) {
    paint(left + i, top - 1, FRAME);
    paint(left + i, top + size, FRAME);
    paint(left - 1, top + i, FRAME);
    paint(left + size, top + i, FRAME);
  }
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) paint(left + x, top + y, (x + y) % 2 === 0 ? LIGHT_SQUARE : dark);
  }
  return { left, top };
}

/**
 * The 15 × 15 Ludo board with its top-left corner at (left, 0): four 6 × 6 yards (red top-left,
 * green top-right, yellow bottom-right, blue bottom-left), each a coloured ring around a dark
 * square with four paler piece spots in its corners; the
 * three-wide cross of track squares, each colour's start square and home column in its colour,
 * the four safe squares marked white, and the home triangle in the middle.
 */
export function drawLudo(paint: Paint, left: number): void {
  const yards: readonly [number, number][] = [
    [0, 0],
    [9, 0],
    [9, 9],
    [0, 9],
  ];
  yards.forEach(([yx, yy], c) => {
    const color = LUDO_COLORS[c]!;
    for (let y = 0; y < 6; y++) {
      for (let x = 0; x < 6; x++) {
        const inner = x >= 1 && x <= 4 && y >= 1 && y <= 4;
        const spot = (x === 1 || x === 4) && (y === 1 || y === 4);
        if (!inner) paint(left + yx + x, yy + y, color);
        else if (spot) paint(left + yx + x, yy + y, mix(color, 0xffffff, 0.5));
      }
    }
  });
  // the cross: rows 6..8 and columns 6..8 outside the centre
  for (let a = 0; a < 15; a++) {
    for (let b = 6; b <= 8; b++) {
      if (a >= 6 && a <= 8) continue;
      paint(left + a, b, TRACK);
      paint(left + b, a, TRACK);
    }
  }
  // home columns and start squares: red from the left, green from the top, yellow from the
  // right, blue from the bottom
  for (let i = 1; i <= 5; i++) {
    paint(left + i, 7, LUDO_COLORS[0]!);
    paint(left + 7, i, LUDO_COLORS[1]!);
    paint(left + 14 - i, 7, LUDO_COLORS[2]!);
    paint(left + 7, 14 - i, LUDO_COLORS[3]!);
  }
  paint(left + 1, 6, LUDO_COLORS[0]!);
  paint(left + 8, 1, LUDO_COLORS[1]!);
  paint(left + 13, 8, LUDO_COLORS[2]!);
  paint(left + 6, 13, LUDO_COLORS[3]!);
  for (const [x, y] of [
    [2, 8],
    [6, 2],
    [12, 6],
    [8, 12],
  ] as const) {
    paint(left + x, y, 0xffffff);
  }
  // home: each colour's side of the centre, white in the middle
  paint(left + 6, 7, LUDO_COLORS[0]!);
  paint(left + 7, 6, LUDO_COLORS[1]!);
  paint(left + 8, 7, LUDO_COLORS[2]!);
  paint(left + 7, 8, LUDO_COLORS[3]!);
  paint(left + 7, 7, 0xffffff);
}

/** Pips of a die face 1..6 on a 3 × 3 grid, row by row ('#' = pip). */
export const DIE_FACES: readonly string[] = [
  '...' + '.#.' + '...',
  '#..' + '...' + '..#',
  '#..' + '.#.' + '..#',
  '#.#' + '...' + '#.#',
  '#.#' + '.#.' + '#.#',
  '#.#' + '#.#' + '#.#',
];

/** A die showing `face` (1..6) with its top-left pip at (x, y). */
export function drawDie(paint: Paint, face: number, x: number, y: number, color: Color): void {
  const pips = DIE_FACES[face - 1] ?? '';
  for (let i = 0; i < 9; i++) if (pips[i] === '#') paint(x + (i % 3), y + Math.floor(i / 3), color);
}
