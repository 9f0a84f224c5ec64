/** Columns and rows of a Connect Four board. */
export const COLS = 7;
export const ROWS = 6;
export const CELLS = COLS * ROWS;

/** Cell contents: 0 empty, 1 first player, 2 second player. */
export type Piece = 0 | 1 | 2;
export type Side = 1 | 2;

export function other(side: Side): Side {
  return side === 1 ? 2 : 1;
}

/** The four line directions (DC[i], DR[i]): horizontal, vertical, two diagonals. */
const DC = Int8Array.of(1, 0, 1, 1);
const DR = Int8Array.of(0, 1, 1, -1);

/**
 * A 7×6 board: cell (c, r) is `cells[c·ROWS + r]`, r = 0 at the bottom. Pieces drop into the
 * lowest free row (`heights[c]`). Methods on the hot path (play, undo, winsAt) allocate nothing.
 */
export class Board {
  readonly cells = new Int8Array(CELLS);
  readonly heights = new Int8Array(COLS);
  moves = 0;

  canPlay(c: number): boolean {
    return c >= 0 && c < COLS && this.heights[c]! < ROWS;
  }

  get full(): boolean {
    return this.moves === CELLS;
  }

  at(c: number, r: number): Piece {
    return c < 0 || c >= COLS || r < 0 || r >= ROWS ? 0 : (this.cells[c * ROWS + r] as Piece);
  }

  /** Drops `side`'s piece into column c and returns its row. The column must have room. */
  play(c: number, side: Side): number {
    const r = this.heights[c]!;
    this.cells[c * ROWS + r] = side;
    this.heights[c] = r + 1;
    this.moves++;
    return r;
  }

  /** Takes back the top piece of column c. */
  undo(c: number): void {
    const r = this.heights[c]! - 1;
    this.cells[c * ROWS + r] = 0;
    this.heights[c] = r;
    this.moves--;
  }

  /** True when a `side` piece at (c, r) (placed or imagined) makes a line of four or more. */
  winsAt(c: number, r: number, side: Side): boolean {
    for (let d = 0; d < 4; d++) {
      const dc = DC[d]!;
      const dr = DR[d]!;
      if (1 + this.run(c, r, dc, dr, side) + this.run(c, r, -dc, -dr, side) >= 4) return true;
    }
    return false;
  }

  /** Every cell of every line of four or more through (c, r), including (c, r) (for display). */
  lineThrough(c: number, r: number): number[] {
    const side = this.at(c, r);
    if (side === 0) return [];
    const cells = new Set<number>();
    for (let d = 0; d < 4; d++) {
      const dc = DC[d]!;
      const dr = DR[d]!;
      const back = this.run(c, r, -dc, -dr, side);
      const ahead = this.run(c, r, dc, dr, side);
      if (back + ahead + 1 < 4) continue;
      for (let i = -back; i <= ahead; i++) cells.add((c + i * dc) * ROWS + r + i * dr);
    }
    return [...cells].sort((a, b) => a - b);
  }

  copyFrom(source: Board): void {
    this.cells.set(source.cells);
    this.heights.set(source.heights);
    this.moves = source.moves;
  }

  /**
   * A board from text, top row first, one character per column: '.' empty, 'X' side 1, 'O'
   * side 2 (tests and puzzles). Throws when a piece floats or the shape is wrong.
   */
  static parse(rows: readonly string[]): Board {
    if (rows.length !== ROWS || rows.some((row) => row.length !== COLS)) {
      throw new RangeError(`Board.parse needs ${ROWS} rows of ${COLS} characters ('.', 'X', 'O')`);
    }
    const board = new Board();
    for (let c = 0; c < COLS; c++) {
      for (let r = 0; r < ROWS; r++) {
        const ch = rows[ROWS - 1 - r]![c];
        if (ch === '.') continue;
        if (board.heights[c] !== r)
          throw new RangeError(`Board.parse: piece at column ${c}, row ${r} floats`);
        board.play(c, ch === 'X' ? 1 : 2);
      }
    }
    return board;
  }

  /** Counts `side` pieces in a straight line from (c, r) exclusive, stepping (dc, dr). */
  private run(c: number, r: number, dc: number, dr: number, side: Side): number {
    let n = 0;
    let x = c + dc;
    let y = r + dr;
    while (x >= 0 && x < COLS && y >= 0 && y < ROWS && this.cells[x * ROWS + y] === side) {
      n++;
      x += dc;
      y += dr;
    }
    return n;
  }
}
