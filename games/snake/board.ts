import type { Random } from '../../src/index.ts';

/** Directions: 0 up, 1 right, 2 down, 3 left; the opposite of d is (d + 2) & 3. */
export type Dir = 0 | 1 | 2 | 3;
export const UP: Dir = 0;
export const RIGHT: Dir = 1;
export const DOWN: Dir = 2;
export const LEFT: Dir = 3;
export const DX: readonly number[] = [0, 1, 0, -1];
export const DY: readonly number[] = [-1, 0, 1, 0];

/** Cell contents in `Board.cells`: EMPTY, FOOD, or snake index + 1 (1..4) for a body cell. */
export const EMPTY = 0;
export const FOOD = 255;

/** Turns a snake keeps for its next steps, so quick presses between two steps all count. */
export const TURN_QUEUE = 3;
export const START_LENGTH = 3;

export interface BoardOptions {
  readonly width: number;
  readonly height: number;
  /** 1..4 snakes. */
  readonly snakes: number;
  /** True: leaving one edge enters the opposite one. False: the edges are walls. */
  readonly wrap: boolean;
  /** Food items kept on the board at once (≥ 1). */
  readonly foods: number;
  readonly random: Random;
  /** Start positions, one per snake; default: see `defaultStarts`. */
  readonly starts?: readonly Start[];
}

/** Where a snake starts: its tail cell, the direction it faces, its length (default 3). */
export interface Start {
  readonly x: number;
  readonly y: number;
  readonly dir: Dir;
  readonly length?: number;
}

/**
 * One snake starts on the left of the middle row heading right; more start near the corners
 * going round clockwise, so no two face each other.
 */
export function defaultStarts(count: number, width: number, height: number): readonly Start[] {
  if (count === 1) return [{ x: 2, y: Math.floor(height / 2), dir: RIGHT }];
  const all: readonly Start[] = [
    { x: 1, y: 2, dir: RIGHT },
    { x: width - 2, y: height - 3, dir: LEFT },
    { x: width - 3, y: 1, dir: DOWN },
    { x: 2, y: height - 2, dir: UP },
  ];
  return all.slice(0, count);
}

/** One snake: its body as a ring of cell indexes (y·width + x), head last. */
export class Snake {
  /** Ring buffer of cell indexes, capacity = cells on the board. Owned by this snake. */
  readonly ring: Int16Array;
  /** Ring index of the head. */
  headAt = 0;
  length = 0;
  dir: Dir = RIGHT;
  alive = true;
  /** Steps survived by the board when this snake died (-1 while alive). */
  diedAtStep = -1;
  /** Still drawn and still an obstacle while fading; false once its cells are cleared. */
  onBoard = true;
  readonly queue = new Uint8Array(TURN_QUEUE);
  queued = 0;
  /** Planned move of the current step (cell index, -1 = into a wall). */
  next = -1;
  eats = false;
  dies = false;

  constructor(
    readonly index: number,
    cells: number,
  ) {
    this.ring = new Int16Array(cells);
  }

  get head(): number {
    return this.ring[this.headAt] ?? -1;
  }

  /** Cell `k` segments behind the head (0 = head, length − 1 = tail). */
  segment(k: number): number {
    const cap = this.ring.length;
    return this.ring[(this.headAt - k + cap * 2) % cap] ?? -1;
  }

  /**
   * Queues a turn. Ignored when it repeats or reverses the last queued (or current) direction,
   * or when the queue is full, so a snake can never turn back into its own neck.
   */
  turn(dir: Dir): boolean {
    if (!this.alive || this.queued >= TURN_QUEUE) return false;
    const last = this.queued > 0 ? (this.queue[this.queued - 1] as Dir) : this.dir;
    if (dir === last || dir === ((last + 2) & 3)) return false;
    this.queue[this.queued++] = dir;
    return true;
  }

  /** Replaces any queued turns with one direction (for the computer); reversals are ignored. */
  steer(dir: Dir): void {
    this.queued = 0;
    if (dir !== ((this.dir + 2) & 3)) this.dir = dir;
  }

  /** The direction the next step will take. */
  get nextDir(): Dir {
    return this.queued > 0 ? (this.queue[0] as Dir) : this.dir;
  }
}

/**
 * Snake rules on a grid, independent of drawing and input. All snakes move at once on `step()`:
 * snakes that do not eat give up their tail cell first, then each head must land on an empty or
 * food cell; two heads on one cell both die, and heads that swap places die too (each lands on
 * the other's neck). A dead snake keeps its cells (still an obstacle) until `clear(i)`.
 */
export class Board {
  readonly width: number;
  readonly height: number;
  readonly wrap: boolean;
  /** Per cell: EMPTY, FOOD or owner index + 1. */
  readonly cells: Uint8Array;
  readonly snakes: readonly Snake[];
  /** Food cell indexes; -1 for none (board full). */
  readonly food: Int16Array;
  /** Steps taken so far. */
  steps = 0;
  private readonly random: Random;

  constructor(options: BoardOptions) {
    if (options.snakes < 1 || options.snakes > 4) {
      throw new RangeError(`Board needs 1..4 snakes, got ${options.snakes}`);
    }
    if (options.width < 8 || options.height < 8) {
      throw new RangeError(`Board needs at least 8×8 cells, got ${options.width}×${options.height}`);
    }
    this.width = options.width;
    this.height = options.height;
    this.wrap = options.wrap;
    this.random = options.random;
    const count = this.width * this.height;
    this.cells = new Uint8Array(count);
    const snakes: Snake[] = [];
    for (let i = 0; i < options.snakes; i++) snakes.push(new Snake(i, count));
    this.snakes = snakes;
    this.food = new Int16Array(Math.max(1, options.foods)).fill(-1);
    this.placeStart(options.starts ?? defaultStarts(options.snakes, this.width, this.height));
    this.refillFood();
  }

  /** The cell one step from `cell` in `dir`, wrapped or -1 beyond a wall. */
  neighbour(cell: number, dir: Dir): number {
    const w = this.width;
    let x = (cell % w) + (DX[dir] ?? 0);
    let y = Math.floor(cell / w) + (DY[dir] ?? 0);
    if (this.wrap) {
      x = (x + w) % w;
      y = (y + this.height) % this.height;
    } else if (x < 0 || y < 0 || x >= w || y >= this.height) {
      return -1;
    }
    return y * w + x;
  }

  get aliveCount(): number {
    let n = 0;
    for (const s of this.snakes) if (s.alive) n++;
    return n;
  }

  /** Moves every live snake one cell. Returns a bitmask of the snakes that died in this step. */
  step(): number {
    this.steps++;
    const { snakes, cells } = this;
    for (const s of snakes) {
      if (!s.alive) continue;
      if (s.queued > 0) {
        s.dir = s.queue[0] as Dir;
        s.queue.copyWithin(0, 1);
        s.queued--;
      }
      s.next = this.neighbour(s.head, s.dir);
      s.eats = s.next >= 0 && cells[s.next] === FOOD;
      s.dies = false;
    }
    // Tails first: a head may follow a tail (its own or another's) that moves away this step.
    for (const s of snakes) {
      if (!s.alive || s.eats) continue;
      const tail = s.segment(s.length - 1);
      cells[tail] = EMPTY;
      s.length--;
    }
    for (const s of snakes) {
      if (!s.alive) continue;
      const c = s.next < 0 ? -1 : (cells[s.next] ?? EMPTY);
      if (c !== EMPTY && c !== FOOD) s.dies = true;
      for (const o of snakes) {
        if (o !== s && o.alive && o.next === s.next) s.dies = true;
      }
    }
    let died = 0;
    let eaten = false;
    for (const s of snakes) {
      if (!s.alive) continue;
      if (s.dies) {
        s.alive = false;
        s.diedAtStep = this.steps;
        s.queued = 0;
        died |= 1 << s.index;
        continue;
      }
      if (s.eats) {
        for (let f = 0; f < this.food.length; f++) if (this.food[f] === s.next) this.food[f] = -1;
        eaten = true;
      }
      s.headAt = (s.headAt + 1) % s.ring.length;
      s.ring[s.headAt] = s.next;
      s.length++;
      cells[s.next] = s.index + 1;
    }
    if (eaten) this.refillFood();
    return died;
  }

  /** Removes a dead snake's cells from the board (after its death animation). */
  clear(index: number): void {
    const s = this.snakes[index];
    if (!s || s.alive || !s.onBoard) return;
    for (let k = 0; k < s.length; k++) {
      const cell = s.segment(k);
      if (this.cells[cell] === s.index + 1) this.cells[cell] = EMPTY;
    }
    s.onBoard = false;
    this.refillFood();
  }

  /** Moves food item `slot` to an empty `cell` (tests, fixed layouts). */
  placeFood(slot: number, cell: number): void {
    if (slot < 0 || slot >= this.food.length)
      throw new RangeError(`food slot ${slot} is not 0..${this.food.length - 1}`);
    if (this.cells[cell] !== EMPTY)
      throw new RangeError(`cell ${cell} is not empty; food goes on empty cells only`);
    const old = this.food[slot] ?? -1;
    if (old >= 0) this.cells[old] = EMPTY;
    this.food[slot] = cell;
    this.cells[cell] = FOOD;
  }

  /** Number of cells that are neither a body nor food. */
  freeCount(): number {
    let n = 0;
    for (let i = 0; i < this.cells.length; i++) if (this.cells[i] === EMPTY) n++;
    return n;
  }

  private refillFood(): void {
    for (let f = 0; f < this.food.length; f++) {
      if ((this.food[f] ?? -1) >= 0) continue;
      const cell = this.freeCell();
      this.food[f] = cell;
      if (cell >= 0) this.cells[cell] = FOOD;
    }
  }

  /** A uniformly chosen empty cell, or -1 when there is none. */
  private freeCell(): number {
    const free = this.freeCount();
    if (free === 0) return -1;
    let k = this.random.int(free);
    for (let i = 0; i < this.cells.length; i++) {
      if (this.cells[i] !== EMPTY) continue;
      if (k === 0) return i;
      k--;
    }
    return -1;
  }

  /** Lays out the snakes from tail to head; throws when a start overlaps or leaves the board. */
  private placeStart(starts: readonly Start[]): void {
    const w = this.width;
    if (starts.length < this.snakes.length) {
      throw new RangeError(`${this.snakes.length} snakes need as many starts, got ${starts.length}`);
    }
    for (const [i, start] of starts.entries()) {
      const s = this.snakes[i];
      if (!s) break;
      s.dir = start.dir;
      const length = start.length ?? START_LENGTH;
      for (let k = 0; k < length; k++) {
        const x = start.x + (DX[start.dir] ?? 0) * k;
        const y = start.y + (DY[start.dir] ?? 0) * k;
        const cell = y * w + x;
        if (x < 0 || y < 0 || x >= w || y >= this.height || this.cells[cell] !== EMPTY) {
          throw new RangeError(`snake ${i} start (${x}, ${y}) is off the board or on another snake`);
        }
        s.headAt = k;
        s.ring[k] = cell;
        s.length = k + 1;
        this.cells[cell] = i + 1;
      }
    }
  }
}
