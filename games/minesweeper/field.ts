import type { Random } from '../../src/index.ts';

/** Cell states in `MineField.state`. */
export const CLOSED = 0;
export const OPEN = 1;
export const FLAGGED = 2;

/** What a move did: nothing changed, cells opened, or a mine went off. */
export type MoveResult = 'none' | 'opened' | 'boom';

/**
 * The rules of Minesweeper on a width × height grid, without drawing or input. Cells are
 * numbered y·width + x. Mines are placed on the first `open()` so the first click is always
 * safe: no mine on the clicked cell or its eight neighbours, so it opens an area. All buffers are
 * allocated once in the constructor; no method allocates.
 */
export class MineField {
  readonly size: number;
  /** CLOSED, OPEN or FLAGGED per cell. */
  readonly state: Uint8Array;
  /** 1 where a mine lies (all zero until the first open). */
  readonly mine: Uint8Array;
  /** Mines among the eight neighbours, 0..8. */
  readonly count: Uint8Array;
  /** Cells opened so far; the game is won when it reaches size − mines. */
  opened = 0;
  flags = 0;
  /** True once the mines are placed (after the first open). */
  placed = false;
  /** The mine that went off, or -1. */
  exploded = -1;
  private readonly stack: Int32Array;
  private readonly pool: Int32Array;
  /** The neighbours of cell c are neighbours[first[c] .. first[c + 1]) (3, 5 or 8 cells). */
  private readonly first: Int32Array;
  private readonly neighbours: Int32Array;

  constructor(
    readonly width: number,
    readonly height: number,
    /** Mine count; throws unless 1 ≤ mines ≤ width·height − 9 (room for a safe 3×3 first click). */
    readonly mines: number,
  ) {
    this.size = width * height;
    if (!(Number.isInteger(mines) && mines >= 1 && mines <= this.size - 9)) {
      throw new RangeError(
        `MineField: ${mines} mines do not fit a ${width}×${height} board; use 1..${this.size - 9} ` +
          `(9 cells stay free for the safe first click)`,
      );
    }
    this.state = new Uint8Array(this.size);
    this.mine = new Uint8Array(this.size);
    this.count = new Uint8Array(this.size);
    this.stack = new Int32Array(this.size);
    this.pool = new Int32Array(this.size);
    this.first = new Int32Array(this.size + 1);
    this.neighbours = new Int32Array(this.size * 8);
    let k = 0;
    for (let cell = 0; cell < this.size; cell++) {
      this.first[cell] = k;
      const x = cell % width;
      const y = (cell - x) / width;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          const ny = y + dy;
          if ((dx !== 0 || dy !== 0) && nx >= 0 && ny >= 0 && nx < width && ny < height) {
            this.neighbours[k++] = ny * width + nx;
          }
        }
      }
    }
    this.first[this.size] = k;
  }

  get lost(): boolean {
    return this.exploded >= 0;
  }

  get won(): boolean {
    return !this.lost && this.placed && this.opened === this.size - this.mines;
  }

  /** Mines minus flags placed: the classic counter (negative when over-flagged). */
  get minesLeft(): number {
    return this.mines - this.flags;
  }

  /** True when cells a and b are the same or touch (Chebyshev distance ≤ 1). */
  near(a: number, b: number): boolean {
    const dx = (a % this.width) - (b % this.width);
    const dy = Math.floor(a / this.width) - Math.floor(b / this.width);
    return dx >= -1 && dx <= 1 && dy >= -1 && dy <= 1;
  }

  /** Places the mines away from `safe` and its neighbours, drawn with `random` (partial shuffle). */
  placeMines(safe: number, random: Random): void {
    let n = 0;
    for (let cell = 0; cell < this.size; cell++) if (!this.near(cell, safe)) this.pool[n++] = cell;
    for (let i = 0; i < this.mines; i++) {
      const j = i + random.int(n - i);
      const cell = this.pool[j]!;
      this.pool[j] = this.pool[i]!;
      this.pool[i] = cell;
      this.mine[cell] = 1;
    }
    this.countAll();
    this.placed = true;
  }

  /** Sets mines from a list (tests and fixed puzzles); marks the field as placed. */
  setMines(cells: readonly number[]): void {
    this.mine.fill(0);
    for (const cell of cells) this.mine[cell] = 1;
    this.countAll();
    this.placed = true;
  }

  /**
   * Opens a closed, unflagged cell. The first open places the mines (with `random`). A mine ends
   * the game ('boom'); an empty cell (count 0) opens its whole area by an iterative flood fill.
   */
  open(cell: number, random?: Random): MoveResult {
    if (this.lost || this.won || this.state[cell] !== CLOSED) return 'none';
    if (!this.placed) {
      if (!random) throw new Error('MineField.open: the first open places the mines and needs a Random');
      this.placeMines(cell, random);
    }
    if (this.mine[cell] === 1) {
      this.exploded = cell;
      this.state[cell] = OPEN;
      return 'boom';
    }
    this.flood(cell);
    return 'opened';
  }

  /**
   * Chording: on an open number whose neighbouring flags equal it, opens every unflagged closed
   * neighbour ('boom' if a flag was wrong). Does nothing when the flags do not match.
   */
  chord(cell: number): MoveResult {
    if (this.lost || this.won || this.state[cell] !== OPEN) return 'none';
    const need = this.count[cell]!;
    if (need === 0 || this.around(cell, FLAGGED) !== need) return 'none';
    let result: MoveResult = 'none';
    for (let k = this.first[cell]!; k < this.first[cell + 1]!; k++) {
      const r = this.open(this.neighbours[k]!);
      if (r === 'boom') return 'boom';
      if (r === 'opened') result = 'opened';
    }
    return result;
  }

  /** Flags or unflags a closed cell; returns true when it changed. */
  toggleFlag(cell: number): boolean {
    if (this.lost || this.won) return false;
    const s = this.state[cell];
    if (s === CLOSED) {
      this.state[cell] = FLAGGED;
      this.flags++;
      return true;
    }
    if (s === FLAGGED) {
      this.state[cell] = CLOSED;
      this.flags--;
      return true;
    }
    return false;
  }

  /** Neighbours of `cell` in state `state`. */
  around(cell: number, state: number): number {
    let n = 0;
    for (let k = this.first[cell]!; k < this.first[cell + 1]!; k++) {
      if (this.state[this.neighbours[k]!] === state) n++;
    }
    return n;
  }

  /** Flags every mine (shown after a win). */
  flagAllMines(): void {
    for (let cell = 0; cell < this.size; cell++) {
      if (this.mine[cell] === 1 && this.state[cell] !== FLAGGED) {
        this.state[cell] = FLAGGED;
        this.flags++;
      }
    }
  }

  private flood(start: number): void {
    let top = 0;
    this.state[start] = OPEN;
    this.opened++;
    this.stack[top++] = start;
    while (top > 0) {
      const cell = this.stack[--top]!;
      if (this.count[cell] !== 0) continue;
      for (let k = this.first[cell]!; k < this.first[cell + 1]!; k++) {
        const n = this.neighbours[k]!;
        if (this.state[n] !== CLOSED || this.mine[n] === 1) continue;
        this.state[n] = OPEN;
        this.opened++;
        this.stack[top++] = n;
      }
    }
  }

  private countAll(): void {
    for (let cell = 0; cell < this.size; cell++) {
      let n = 0;
      for (let k = this.first[cell]!; k < this.first[cell + 1]!; k++) n += this.mine[this.neighbours[k]!]!;
      this.count[cell] = n;
    }
  }
}
