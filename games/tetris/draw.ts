import type { Color, Graphics } from '../../src/index.ts';
import {
  CELL_COLORS,
  DIM_COLORS,
  FLASH,
  GHOST_COLORS,
  LEVEL_TEXT,
  LINES_BAR,
  PIECE_COLORS,
  SCORE_TEXT,
  TOP_OUT,
  WALL,
} from './palette.ts';
import { cellX, cellY, I } from './pieces.ts';
import { LINES_PER_LEVEL } from './scoring.ts';
import { CLEARING, HIDDEN_ROWS, OVER, type Tetris, WELL_WIDTH } from './tetris.ts';

const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
/** Share of the clear animation spent flashing white before the rows wipe out from the centre. */
const FLASH_SHARE = 0.4;

/**
 * Landscape layout on a 20×15 table: the 10-wide well in columns 5..14 with dim walls at 4 and
 * 15; hold at the top left (columns 0..3), the level below it; the next two pieces at the top
 * right (columns 16..19) with the lines towards the next level as ten dots below them.
 */
export function drawTetris(
  g: Graphics,
  game: Tetris,
  clearTicks: number,
  overTicks: number,
  ticker?: ScoreTicker,
): void {
  g.clear();
  const wellX = Math.floor((g.width - WELL_WIDTH) / 2);
  const rows = g.height;
  for (let y = 0; y < rows; y++) {
    g.set(wellX - 1, y, WALL);
    g.set(wellX + WELL_WIDTH, y, WALL);
  }

  drawWell(g, game, wellX, clearTicks, overTicks);

  // Hold (left), dimmed once used for this piece.
  if (game.hold >= 0) {
    drawPreview(g, game.hold, wellX - 5, 0, true, (game.holdUsed ? DIM_COLORS : PIECE_COLORS)[game.hold]!);
  }
  // Level below the hold: one digit, or tens above units. The score ticker, while it runs,
  // takes the tens' place (rows 4–8).
  const level = Math.min(99, game.level);
  const ticking = ticker !== undefined && ticker.offset < ticker.width(g) + TICKER_WINDOW;
  if (ticking) {
    g.scrollText(ticker.text, {
      x: wellX - 5,
      y: 4,
      width: TICKER_WINDOW,
      color: SCORE_TEXT,
      offset: ticker.offset - TICKER_WINDOW,
      gap: TICKER_WINDOW,
    });
  } else if (level >= 10) g.text(DIGITS[Math.floor(level / 10)]!, wellX - 5, 4, LEVEL_TEXT);
  g.text(DIGITS[level % 10]!, wellX - 5, 10, LEVEL_TEXT);

  // Next two pieces (right); the second one dimmer.
  const right = wellX + WELL_WIDTH + 1;
  drawPreview(g, game.bag.peek(0), right, 0, false, PIECE_COLORS[game.bag.peek(0)]!);
  drawPreview(g, game.bag.peek(1), right, 3, false, DIM_COLORS[game.bag.peek(1)]!);
  // Lines towards the next level: ten dots in two columns, filling from the bottom.
  const toward = game.lines % LINES_PER_LEVEL;
  for (let i = 0; i < toward; i++) g.set(right + 1 + (i % 2), rows - 1 - (i >> 1), LINES_BAR);
}

/** Columns of the left panel the score ticker scrolls through. */
export const TICKER_WINDOW = 4;

/**
 * The score shown after a clear: `text` (e.g. "TSPIN2 4400") scrolls once through the left panel,
 * entering from the right; `offset` is how far it has moved, in pixels.
 */
export interface ScoreTicker {
  readonly text: string;
  readonly offset: number;
  width(g: Graphics): number;
}

/**
 * One well with its top-left at (wellX, 0), as many rows as the canvas is tall: locked cells
 * (with the line-clear animation), the ghost and the falling piece, and the game-over fill. Draws
 * only over cells that hold something, so the caller may paint a background first.
 */
export function drawWell(
  g: Graphics,
  game: Tetris,
  wellX: number,
  clearTicks: number,
  overTicks: number,
): void {
  const rows = g.height;
  const board = game.board;
  // Locked cells, with the clear animation on full rows.
  const clearing = game.phase === CLEARING;
  const progress = clearing ? game.phaseTicks / clearTicks : 0;
  const wipe =
    progress <= FLASH_SHARE ? 0 : ((progress - FLASH_SHARE) / (1 - FLASH_SHARE)) * (WELL_WIDTH / 2);
  for (let y = 0; y < rows; y++) {
    const by = y + HIDDEN_ROWS;
    const full = clearing && board.full[by] === 1;
    for (let x = 0; x < WELL_WIDTH; x++) {
      const cell = board.cells[by * WELL_WIDTH + x]!;
      if (cell === 0) continue;
      if (full) {
        if (Math.abs(x + 0.5 - WELL_WIDTH / 2) >= wipe) g.set(wellX + x, y, FLASH);
      } else {
        g.set(wellX + x, y, CELL_COLORS[cell - 1]!);
      }
    }
  }

  if (game.phase !== CLEARING && game.phase !== OVER) {
    drawPiece(g, game, wellX, game.ghostY, GHOST_COLORS[game.type]!);
    drawPiece(g, game, wellX, game.y, PIECE_COLORS[game.type]!);
  }

  if (game.phase === OVER) {
    // Grey rows rise from the floor over `overTicks`.
    const filled = Math.min(rows, Math.ceil((game.phaseTicks / overTicks) * rows));
    for (let y = rows - filled; y < rows; y++) {
      for (let x = 0; x < WELL_WIDTH; x++)
        if (board.cells[(y + HIDDEN_ROWS) * WELL_WIDTH + x] === 0) g.set(wellX + x, y, TOP_OUT);
    }
  }
}

function drawPiece(g: Graphics, game: Tetris, wellX: number, y: number, color: Color): void {
  for (let i = 0; i < 4; i++) {
    const cy = y + cellY(game.type, game.rotation, i) - HIDDEN_ROWS;
    if (cy >= 0) g.set(wellX + game.x + cellX(game.type, game.rotation, i), cy, color);
  }
}

/**
 * A piece in spawn state in a 4×2 panel at (px, py). I and O are centred; 3-wide pieces sit
 * against the panel's left column when `leftPanel` is true, its right column otherwise (single
 * player: against the table's edge, away from the well).
 */
export function drawPreview(
  g: Graphics,
  type: number,
  px: number,
  py: number,
  leftPanel: boolean,
  color: Color,
): void {
  const dy = type === I ? -1 : 0;
  const dx = type === I || type === 1 || leftPanel ? 0 : 1;
  for (let i = 0; i < 4; i++) g.set(px + dx + cellX(type, 0, i), py + dy + cellY(type, 0, i), color);
}
