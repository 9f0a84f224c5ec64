import { Random } from '../../src/index.ts';
import { Board, CELLS, COLS, other, ROWS, type Side } from './board.ts';

/** A won game scores WIN − plies until the win (quicker wins score higher). */
export const WIN = 1_000_000;
/** Any score beyond this is a forced win or loss found by the search. */
export const MATE = WIN - 100;
const INF = 2_000_000;
const MAX_PLY = 43;
/** Centre columns first: they take part in the most lines. */
const CENTRE_FIRST = Int8Array.of(3, 2, 4, 1, 5, 0, 6);

/** Every line of four on the board: 69 windows × 4 cell indexes. */
const WINDOWS = ((): Int8Array => {
  const list: number[] = [];
  const dirs = [
    [1, 0],
    [0, 1],
    [1, 1],
    [1, -1],
  ] as const;
  for (let c = 0; c < COLS; c++) {
    for (let r = 0; r < ROWS; r++) {
      for (const [dc, dr] of dirs) {
        const ec = c + 3 * dc;
        const er = r + 3 * dr;
        if (ec < 0 || ec >= COLS || er < 0 || er >= ROWS) continue;
        for (let i = 0; i < 4; i++) list.push((c + i * dc) * ROWS + r + i * dr);
      }
    }
  }
  return Int8Array.from(list);
})();
/** Transposition table: 2^16 entries, always replaced. Keys are Zobrist hashes of the cells. */
const TT_BITS = 16;
const TT_MASK = (1 << TT_BITS) - 1;
const EXACT = 1;
const LOWER = 2;
const UPPER = 3;
const ZOBRIST = ((): Int32Array => {
  const random = new Random(0xc4c4);
  const keys = new Int32Array(CELLS * 2 * 2);
  for (let i = 0; i < keys.length; i++) keys[i] = random.uint32() | 0;
  return keys;
})();

/** Window score by the number of a side's pieces in a window free of the other side's. */
const WEIGHT = Int32Array.of(0, 1, 8, 64, 0);

export interface SearchLimits {
  /** Deepest iteration in plies (1..42). */
  readonly maxDepth: number;
  /** Total nodes for one move; the last completed iteration's move is used when it runs out. */
  readonly maxNodes: number;
  /**
   * Iterations that finish even past `maxNodes` (default 1). Pass the distance of a win found on
   * the previous move minus 2, so a win once seen is always seen again.
   */
  readonly minDepth?: number;
}

/**
 * Negamax with alpha-beta pruning and iterative deepening, on an explicit stack so it can stop
 * after any node and resume on the next tick: `begin()` once per move, then `step(budget)` each
 * tick until it returns true. Nodes are counted per move played or position entered, and one
 * step never counts more than `budget`. Move order: an immediate win is taken at once, a single
 * opponent threat forces the block (two lose), otherwise the previous iteration's best root move
 * and then centre columns first. Leaves are scored by open lines of four (1, 8, 64 points for
 * one, two and three pieces, the opponent's subtracted). Forced wins score WIN − plies, so the
 * quickest win is chosen and the search stops deepening once it has found one (a won position
 * it can see is never thrown away). All buffers are allocated once; steps allocate nothing.
 */
export class Search {
  /** Plies until the forced win the search found (0 when it found none). */
  get winIn(): number {
    return this.score >= MATE ? WIN - this.score : 0;
  }

  /** Column chosen by the last completed iteration (-1 before the first). */
  move = -1;
  /** Its score for the side to move (±WIN − plies for forced results). */
  score = 0;
  /** Depth of the last completed iteration, in plies. */
  depth = 0;
  /** Nodes since begin(), and in the last step. */
  nodes = 0;
  stepNodes = 0;
  done = true;

  private readonly board = new Board();
  private root: Side = 1;
  private limits: SearchLimits = { maxDepth: 1, maxNodes: 1 };
  private ply = 0;
  private entering = false;
  private iterationDepth = 0;
  private readonly alpha = new Int32Array(MAX_PLY);
  private readonly beta = new Int32Array(MAX_PLY);
  private readonly best = new Int32Array(MAX_PLY);
  private readonly bestMove = new Int8Array(MAX_PLY);
  private readonly remaining = new Int8Array(MAX_PLY);
  private readonly index = new Int8Array(MAX_PLY);
  private readonly count = new Int8Array(MAX_PLY);
  private readonly current = new Int8Array(MAX_PLY);
  private readonly order = new Int8Array(MAX_PLY * COLS);
  private readonly alphaIn = new Int32Array(MAX_PLY);
  private hashLo = 0;
  private hashHi = 0;
  private readonly ttLo = new Int32Array(1 << TT_BITS);
  private readonly ttHi = new Int32Array(1 << TT_BITS);
  private readonly ttValue = new Int32Array(1 << TT_BITS);
  private readonly ttDepth = new Int8Array(1 << TT_BITS);
  private readonly ttFlag = new Int8Array(1 << TT_BITS);
  private readonly ttMove = new Int8Array(1 << TT_BITS);

  /** Starts a search for `side` to move on a copy of `board`, which must have a legal move. */
  begin(board: Board, side: Side, limits: SearchLimits): void {
    if (board.full)
      throw new Error('Search.begin: the board is full; check for a draw before asking for a move');
    this.board.copyFrom(board);
    this.hashLo = 0;
    this.hashHi = 0;
    for (let cell = 0; cell < CELLS; cell++) {
      const v = board.cells[cell]!;
      if (v !== 0) this.toggleHash(cell, v as Side);
    }
    this.ttFlag.fill(0);
    this.root = side;
    this.limits = limits;
    this.move = -1;
    this.score = 0;
    this.depth = 0;
    this.nodes = 0;
    this.stepNodes = 0;
    this.done = false;
    this.iterationDepth = 0;
    this.nextIteration();
  }

  /** Searches up to `budget` nodes (≥ 1); true once the move is chosen (`move`). */
  step(budget: number): boolean {
    this.stepNodes = 0;
    while (!this.done && this.stepNodes < budget) {
      if (this.nodes >= this.limits.maxNodes && this.depth >= Math.max(1, this.limits.minDepth ?? 1)) {
        this.done = true;
        break;
      }
      this.stepNodes++;
      this.nodes++;
      if (this.entering) {
        this.enter();
        continue;
      }
      const p = this.ply;
      if (this.index[p]! >= this.count[p]! || this.alpha[p]! >= this.beta[p]!) {
        this.store(p);
        this.leave(this.best[p]!);
        continue;
      }
      const col = this.order[p * COLS + this.index[p]!]!;
      this.index[p]!++;
      this.current[p] = col;
      const me = this.sideAt(p);
      this.play(col, me);
      if (this.board.full) {
        this.undo(col, me);
        this.apply(p, col, 0);
      } else if (this.remaining[p]! <= 1) {
        const value = this.evaluate(me);
        this.undo(col, me);
        this.apply(p, col, value);
      } else {
        const q = p + 1;
        this.alpha[q] = -this.beta[p]!;
        this.beta[q] = -this.alpha[p]!;
        this.remaining[q] = this.remaining[p]! - 1;
        this.ply = q;
        this.entering = true;
      }
    }
    return this.done;
  }

  /** Runs the whole search at once (tests, bench set-up); returns the chosen column. */
  run(board: Board, side: Side, limits: SearchLimits): number {
    this.begin(board, side, limits);
    while (!this.step(10_000)) {}
    return this.move;
  }

  /** Static score of the position for `side`: open lines weighted by how full they are. */
  evaluate(side: Side): number {
    const cells = this.board.cells;
    let score = 0;
    for (let w = 0; w < WINDOWS.length; w += 4) {
      let mine = 0;
      let theirs = 0;
      for (let i = 0; i < 4; i++) {
        const v = cells[WINDOWS[w + i]!];
        if (v === side) mine++;
        else if (v !== 0) theirs++;
      }
      if (theirs === 0) score += WEIGHT[mine]!;
      else if (mine === 0) score -= WEIGHT[theirs]!;
    }
    return score;
  }

  private sideAt(ply: number): Side {
    return ply % 2 === 0 ? this.root : other(this.root);
  }

  private nextIteration(): void {
    this.iterationDepth++;
    this.ply = 0;
    this.alpha[0] = -INF;
    this.beta[0] = INF;
    this.remaining[0] = this.iterationDepth;
    this.entering = true;
  }

  /** Sets up the frame at `ply`: immediate results, forced moves, move order. */
  private enter(): void {
    this.entering = false;
    const p = this.ply;
    const board = this.board;
    const me = this.sideAt(p);
    const them = other(me);
    for (let c = 0; c < COLS; c++) {
      if (board.canPlay(c) && board.winsAt(c, board.heights[c]!, me)) {
        this.bestMove[p] = c;
        this.leave(WIN - (p + 1));
        return;
      }
    }
    let threats = 0;
    let forced = -1;
    for (let c = 0; c < COLS; c++) {
      if (board.canPlay(c) && board.winsAt(c, board.heights[c]!, them)) {
        threats++;
        forced = c;
      }
    }
    const base = p * COLS;
    let n = 0;
    if (threats >= 2) {
      this.bestMove[p] = forced;
      this.leave(-(WIN - (p + 2)));
      return;
    }
    const slot = this.hashLo & TT_MASK;
    const hit = this.ttFlag[slot] !== 0 && this.ttLo[slot] === this.hashLo && this.ttHi[slot] === this.hashHi;
    if (hit && p > 0 && this.ttDepth[slot]! >= this.remaining[p]!) {
      const value = this.fromTable(this.ttValue[slot]!, p);
      const flag = this.ttFlag[slot];
      if (
        flag === EXACT ||
        (flag === LOWER && value >= this.beta[p]!) ||
        (flag === UPPER && value <= this.alpha[p]!)
      ) {
        this.bestMove[p] = this.ttMove[slot]!;
        this.leave(value);
        return;
      }
    }
    this.alphaIn[p] = this.alpha[p]!;
    if (threats === 1) {
      this.order[base] = forced;
      n = 1;
    } else {
      const first = p === 0 && this.move >= 0 ? this.move : hit ? this.ttMove[slot]! : -1;
      if (first >= 0) this.order[base + n++] = first;
      for (let i = 0; i < COLS; i++) {
        const c = CENTRE_FIRST[i]!;
        if (c !== first && board.canPlay(c)) this.order[base + n++] = c;
      }
    }
    this.count[p] = n;
    this.index[p] = 0;
    this.best[p] = -INF;
    this.bestMove[p] = this.order[base]!;
  }

  /** The frame at the current ply is finished with `value` (for its side to move). */
  private leave(value: number): void {
    const p = this.ply;
    if (p === 0) {
      this.finishIteration(value);
      return;
    }
    const q = p - 1;
    this.ply = q;
    const col = this.current[q]!;
    this.undo(col, this.sideAt(q));
    this.apply(q, col, -value);
  }

  private play(col: number, side: Side): void {
    const row = this.board.play(col, side);
    this.toggleHash(col * ROWS + row, side);
  }

  private undo(col: number, side: Side): void {
    this.board.undo(col);
    this.toggleHash(col * ROWS + this.board.heights[col]!, side);
  }

  private toggleHash(cell: number, side: Side): void {
    const k = (cell * 2 + side - 1) * 2;
    this.hashLo ^= ZOBRIST[k]!;
    this.hashHi ^= ZOBRIST[k + 1]!;
  }

  /** Records the finished frame at ply p: exact, a lower bound (cut-off) or an upper bound. */
  private store(p: number): void {
    const value = this.best[p]!;
    const slot = this.hashLo & TT_MASK;
    this.ttLo[slot] = this.hashLo;
    this.ttHi[slot] = this.hashHi;
    this.ttDepth[slot] = this.remaining[p]!;
    this.ttMove[slot] = this.bestMove[p]!;
    this.ttFlag[slot] = value >= this.beta[p]! ? LOWER : value <= this.alphaIn[p]! ? UPPER : EXACT;
    // Forced results are stored relative to this node, so they read right at any ply.
    this.ttValue[slot] = value >= MATE ? value + p : value <= -MATE ? value - p : value;
  }

  private fromTable(value: number, p: number): number {
    return value >= MATE ? value - p : value <= -MATE ? value + p : value;
  }

  private apply(p: number, col: number, value: number): void {
    if (value > this.best[p]!) {
      this.best[p] = value;
      this.bestMove[p] = col;
    }
    if (value > this.alpha[p]!) this.alpha[p] = value;
  }

  private finishIteration(value: number): void {
    this.move = this.bestMove[0]!;
    this.score = value;
    this.depth = this.iterationDepth;
    const emptyCells = COLS * ROWS - this.board.moves;
    if (
      value >= MATE ||
      value <= -MATE ||
      (this.count[0] === 1 && this.depth >= (this.limits.minDepth ?? 1)) ||
      this.depth >= this.limits.maxDepth ||
      this.depth >= emptyCells ||
      (this.nodes >= this.limits.maxNodes && this.depth >= (this.limits.minDepth ?? 1))
    ) {
      this.done = true;
      return;
    }
    this.nextIteration();
  }
}
