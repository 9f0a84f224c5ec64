import type { Random } from '../../src/index.ts';
import type { Rule } from './rule.ts';

/** Ages saturate here: 1 = born this generation, MAX_AGE = very old. */
export const MAX_AGE = 255;

/**
 * A toroidal life world: cells wrap around every edge. Two cell buffers and two age buffers are
 * allocated once and swapped by `step`; `cells` and `ages` always point at the current ones, so
 * hold no reference to them across a step. Index = y · width + x.
 */
export class LifeGrid {
  readonly width: number;
  readonly height: number;
  /** 1 = alive, 0 = dead. */
  cells: Uint8Array;
  /** Generations a live cell has lived (1..MAX_AGE), 0 for dead cells. */
  ages: Uint8Array;
  generation = 0;
  private nextCells: Uint8Array;
  private nextAges: Uint8Array;
  private readonly left: Int32Array;
  private readonly right: Int32Array;

  constructor(width: number, height: number) {
    if (!(Number.isInteger(width) && Number.isInteger(height) && width >= 3 && height >= 3)) {
      throw new RangeError(`a life grid needs at least 3×3 cells, got ${width}×${height}`);
    }
    this.width = width;
    this.height = height;
    const size = width * height;
    this.cells = new Uint8Array(size);
    this.ages = new Uint8Array(size);
    this.nextCells = new Uint8Array(size);
    this.nextAges = new Uint8Array(size);
    this.left = Int32Array.from({ length: width }, (_, x) => (x + width - 1) % width);
    this.right = Int32Array.from({ length: width }, (_, x) => (x + 1) % width);
  }

  private index(x: number, y: number): number {
    const w = this.width;
    const h = this.height;
    return (((y % h) + h) % h) * w + (((x % w) + w) % w);
  }

  /** Coordinates wrap, so (-1, 0) is the last column. */
  alive(x: number, y: number): boolean {
    return this.cells[this.index(x, y)] === 1;
  }

  set(x: number, y: number, alive: boolean): void {
    const i = this.index(x, y);
    this.cells[i] = alive ? 1 : 0;
    this.ages[i] = alive ? 1 : 0;
  }

  toggle(x: number, y: number): void {
    this.set(x, y, !this.alive(x, y));
  }

  clear(): void {
    this.cells.fill(0);
    this.ages.fill(0);
    this.generation = 0;
  }

  population(): number {
    let count = 0;
    for (let i = 0; i < this.cells.length; i++) count += this.cells[i] ?? 0;
    return count;
  }

  /** Fills every cell at random: alive with probability `density`. */
  randomize(random: Random, density: number): void {
    this.clear();
    for (let i = 0; i < this.cells.length; i++) {
      const alive = random.chance(density);
      this.cells[i] = alive ? 1 : 0;
      this.ages[i] = alive ? 1 : 0;
    }
  }

  /** Sets the '#'/'O'/'*' cells of `rows` with the top-left at (x, y); other cells are untouched. */
  place(rows: readonly string[], x: number, y: number): void {
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r] ?? '';
      for (let c = 0; c < row.length; c++) {
        const ch = row[c];
        if (ch === '#' || ch === 'O' || ch === '*') this.set(x + c, y + r, true);
      }
    }
  }

  /** Advances one generation under `rule`. */
  step(rule: Rule): void {
    const { width: w, height: h, cells: c, ages, nextCells: out, nextAges: outAges, left, right } = this;
    const { birth, survive } = rule;
    for (let y = 0; y < h; y++) {
      const up = ((y + h - 1) % h) * w;
      const row = y * w;
      const down = ((y + 1) % h) * w;
      for (let x = 0; x < w; x++) {
        const l = left[x] ?? 0;
        const r = right[x] ?? 0;
        const n =
          (c[up + l] ?? 0) +
          (c[up + x] ?? 0) +
          (c[up + r] ?? 0) +
          (c[row + l] ?? 0) +
          (c[row + r] ?? 0) +
          (c[down + l] ?? 0) +
          (c[down + x] ?? 0) +
          (c[down + r] ?? 0);
        const i = row + x;
        const was = c[i] === 1;
        const alive = ((was ? survive : birth) >> n) & 1;
        out[i] = alive;
        const age = ages[i] ?? 0;
        outAges[i] = alive === 0 ? 0 : was ? (age < MAX_AGE ? age + 1 : MAX_AGE) : 1;
      }
    }
    this.nextCells = c;
    this.nextAges = ages;
    this.cells = out;
    this.ages = outAges;
    this.generation++;
  }

  /** 32-bit FNV-1a over the cells: equal states give equal hashes. */
  hash(): number {
    let hash = 0x811c9dc5;
    for (let i = 0; i < this.cells.length; i++) hash = Math.imul(hash ^ (this.cells[i] ?? 0), 0x01000193);
    return hash >>> 0;
  }
}
