import { cellX, cellY } from './pieces.ts';

/** Cell value of a garbage block (versus); pieces store type + 1, i.e. 1..7. */
export const GARBAGE = 8;

/**
 * The well: `width` columns × `height` rows, row 0 at the top. The top `hidden` rows are the
 * buffer zone above the visible field where pieces spawn. A cell holds 0 when empty, or the
 * piece type + 1 that locked there. Allocates only in the constructor.
 */
export class Board {
  readonly cells: Uint8Array;
  /** 1 for each row found full by the last `markFullRows`. */
  readonly full: Uint8Array;

  constructor(
    readonly width: number,
    readonly height: number,
    readonly hidden: number,
  ) {
    if (width < 4 || height <= hidden) {
      throw new RangeError(
        `Board ${width}×${height} with ${hidden} hidden rows: need width ≥ 4 and height > hidden`,
      );
    }
    this.cells = new Uint8Array(width * height);
    this.full = new Uint8Array(height);
  }

  /** The cell at (x, y); walls and floor read as filled (8), the open sky above row 0 as empty. */
  get(x: number, y: number): number {
    if (x < 0 || x >= this.width || y >= this.height) return 8;
    if (y < 0) return 0;
    return this.cells[y * this.width + x]!;
  }

  set(x: number, y: number, value: number): void {
    if (x >= 0 && x < this.width && y >= 0 && y < this.height) this.cells[y * this.width + x] = value;
  }

  clear(): void {
    this.cells.fill(0);
    this.full.fill(0);
  }

  /** True when piece `type` in `rotation` with its box's top-left at (x, y) overlaps nothing. */
  fits(type: number, rotation: number, x: number, y: number): boolean {
    for (let i = 0; i < 4; i++) {
      if (this.get(x + cellX(type, rotation, i), y + cellY(type, rotation, i)) !== 0) return false;
    }
    return true;
  }

  /** Writes the piece into the board. Returns true when every cell landed in the hidden rows. */
  place(type: number, rotation: number, x: number, y: number): boolean {
    let allHidden = true;
    for (let i = 0; i < 4; i++) {
      const cy = y + cellY(type, rotation, i);
      this.set(x + cellX(type, rotation, i), cy, type + 1);
      if (cy >= this.hidden) allHidden = false;
    }
    return allHidden;
  }

  /**
   * Pushes the stack up by `rows` and fills the bottom `rows` rows with GARBAGE except column
   * `hole`. Returns true when a filled cell was pushed off the top (a top out).
   */
  insertGarbage(rows: number, hole: number): boolean {
    const n = Math.min(rows, this.height);
    if (n <= 0) return false;
    const w = this.width;
    let overflow = false;
    for (let i = 0; i < n * w; i++) {
      if (this.cells[i] !== 0) {
        overflow = true;
        break;
      }
    }
    this.cells.copyWithin(0, n * w);
    for (let y = this.height - n; y < this.height; y++) {
      this.cells.fill(GARBAGE, y * w, (y + 1) * w);
      if (hole >= 0 && hole < w) this.cells[y * w + hole] = 0;
    }
    return overflow;
  }

  /** Marks full rows in `full` and returns how many there are. */
  markFullRows(): number {
    let count = 0;
    for (let y = 0; y < this.height; y++) {
      let filled = true;
      for (let x = 0; x < this.width; x++) {
        if (this.cells[y * this.width + x] === 0) {
          filled = false;
          break;
        }
      }
      this.full[y] = filled ? 1 : 0;
      if (filled) count++;
    }
    return count;
  }

  /** Removes the rows marked in `full`, moving everything above down, and unmarks them. */
  removeFullRows(): void {
    let to = this.height - 1;
    for (let from = this.height - 1; from >= 0; from--) {
      if (this.full[from] === 1) continue;
      if (to !== from) this.cells.copyWithin(to * this.width, from * this.width, (from + 1) * this.width);
      to--;
    }
    for (; to >= 0; to--) this.cells.fill(0, to * this.width, (to + 1) * this.width);
    this.full.fill(0);
  }
}
