import { Random } from '../../src/index.ts';
import type { Harness } from '../../src/testing/index.ts';
import { SevenBag } from './bag.ts';
import type { GarbageQueue } from './garbage.ts';
import {
  DIM_COLORS,
  GARBAGE_COLOR,
  GHOST_COLORS,
  LEVEL_TEXT,
  LINES_BAR,
  PENDING_BRIGHT,
  PENDING_DIM,
  PIECE_COLORS,
  VERSUS_TINTS,
  WALL,
} from './palette.ts';
import { PIECE_NAMES } from './pieces.ts';
import { type Controls, HIDDEN_ROWS, idleControls, Tetris, type TetrisOptions } from './tetris.ts';

/** Options for a game at 60 Hz with the table's 15 visible rows. */
export function tetrisOptions(startLevel = 1, seed = 1): TetrisOptions {
  return { random: new Random(seed), rate: 60, visibleRows: 15, startLevel, lockTicks: 30, clearTicks: 18 };
}

/** A game at 60 Hz with the table's 15 visible rows; with `garbage`, a versus player's. */
export function newTetris(startLevel = 1, seed = 1, garbage?: GarbageQueue): Tetris {
  const options = tetrisOptions(startLevel, seed);
  return new Tetris(garbage === undefined ? options : { ...options, garbage });
}

export function controls(set: Partial<Controls> = {}): Controls {
  return { ...idleControls(), ...set };
}

/**
 * Writes rows of ASCII into the bottom of the board: '.' empty, a piece letter (IOTSZJL) that
 * piece's cell, '#' a Z-coloured cell. The last string is the bottom row.
 */
export function fillBottom(game: Tetris, rows: readonly string[]): void {
  const board = game.board;
  for (let i = 0; i < rows.length; i++) {
    const y = board.height - rows.length + i;
    const row = rows[i]!;
    for (let x = 0; x < board.width; x++) {
      const ch = row[x] ?? '.';
      board.set(x, y, ch === '.' ? 0 : ch === '#' ? 5 : PIECE_NAMES.indexOf(ch) + 1);
    }
  }
}

/** The visible well as ASCII ('.' empty), top row first, for the logic-only tests. */
export function wellText(game: Tetris): string {
  const lines: string[] = [];
  for (let y = HIDDEN_ROWS; y < game.board.height; y++) {
    let line = '';
    for (let x = 0; x < game.board.width; x++) {
      const c = game.board.get(x, y);
      line += c === 0 ? '.' : (PIECE_NAMES[c - 1] ?? '#');
    }
    lines.push(line);
  }
  return lines.join('\n');
}

/** Legend for Harness frames: piece letters, ghosts in lower case, dim previews as digits 1..7. */
export const LEGEND: Readonly<Record<string, number>> = (() => {
  const legend: Record<string, number> = { '|': WALL, '=': LINES_BAR, w: LEVEL_TEXT };
  for (let t = 0; t < 7; t++) {
    legend[PIECE_NAMES[t]!] = PIECE_COLORS[t]!;
    legend[PIECE_NAMES[t]!.toLowerCase()] = GHOST_COLORS[t]!;
    legend[String(t + 1)] = DIM_COLORS[t]!;
  }
  return legend;
})();

/**
 * Legend for versus frames: as LEGEND, plus '.' P1's empty cells, ',' P2's, '#' garbage, '+' and
 * '-' the pending-garbage bar (bright and dim phase).
 */
export const VERSUS_LEGEND: Readonly<Record<string, number>> = {
  ...LEGEND,
  '.': VERSUS_TINTS[0]!,
  ',': VERSUS_TINTS[1]!,
  '#': GARBAGE_COLOR,
  '+': PENDING_BRIGHT,
  '-': PENDING_DIM,
};

/** Columns 4..15 of the frame: the well with its two walls. */
export function wellFrame(t: Harness): string {
  return t
    .frame(LEGEND)
    .split('\n')
    .map((line) => line.slice(4, 16))
    .join('\n');
}

/** A seed whose first piece is `type`. */
export function seedStartingWith(type: number): number {
  for (let seed = 1; ; seed++) if (new SevenBag(new Random(seed)).next() === type) return seed;
}
