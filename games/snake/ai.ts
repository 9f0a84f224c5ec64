import type { Random } from '../../src/index.ts';
import { type Board, type Dir, EMPTY, FOOD, type Snake } from './board.ts';

/** Food distance for cells no food can be reached from (larger than any real distance). */
const UNREACHED = 30000;

/**
 * The computer's snakes. Before each step `prepare` runs one breadth-first search from every
 * food over free cells; `choose` then scores the (at most three) moves of a snake: enough room
 * behind the move (a flood fill bounded by the snake's length) first, then no cell next to
 * another head (a head-on kills both), then the shortest way to food, then going straight.
 * Cost per step: one BFS plus three bounded flood fills per snake over at most width·height
 * cells, in buffers allocated once.
 */
export class SnakeAi {
  /** Steps from each cell to the nearest food (UNREACHED when none). */
  private readonly dist: Int16Array;
  private readonly queue: Int16Array;
  /** Visit marks for flood fills: a cell is seen when its mark equals `stamp`. */
  private readonly seen: Uint32Array;
  private stamp = 0;

  constructor(
    cells: number,
    private readonly random: Random,
  ) {
    this.dist = new Int16Array(cells);
    this.queue = new Int16Array(cells);
    this.seen = new Uint32Array(cells);
  }

  /** Distances to food for the board as it is now; call once per step before `choose`. */
  prepare(board: Board): void {
    const { dist, queue } = this;
    dist.fill(UNREACHED);
    let head = 0;
    let tail = 0;
    for (let f = 0; f < board.food.length; f++) {
      const cell = board.food[f] ?? -1;
      if (cell < 0) continue;
      dist[cell] = 0;
      queue[tail++] = cell;
    }
    while (head < tail) {
      const cell = queue[head++] as number;
      const next = (dist[cell] as number) + 1;
      for (let d = 0; d < 4; d++) {
        const n = board.neighbour(cell, d as Dir);
        if (n < 0 || board.cells[n] !== EMPTY || (dist[n] as number) <= next) continue;
        dist[n] = next;
        queue[tail++] = n;
      }
    }
  }

  /** The best direction for `snake` on this step (its current one when every move is fatal). */
  choose(board: Board, snake: Snake): Dir {
    let best: Dir = snake.dir;
    let bestScore = Number.NEGATIVE_INFINITY;
    const tail = snake.segment(snake.length - 1);
    const want = Math.min(snake.length + 4, board.cells.length);
    for (let d = 0 as Dir; d < 4; d = (d + 1) as Dir) {
      if (d === ((snake.dir + 2) & 3)) continue;
      const cell = board.neighbour(snake.head, d);
      if (cell < 0) continue;
      const content = board.cells[cell];
      if (content !== EMPTY && content !== FOOD && cell !== tail) continue;
      const room = this.room(board, cell, want);
      let score = room >= want ? 4000 : room * 10;
      if (!this.nearOtherHead(board, snake, cell)) score += 2000;
      score -= Math.min(this.dist[cell] as number, 300) * 4;
      if (d === snake.dir) score += 1;
      score += this.random.float() * 0.9;
      if (score > bestScore) {
        bestScore = score;
        best = d;
      }
    }
    return best;
  }

  /** Free cells reachable from `start` (itself included), counting up to `limit`. */
  private room(board: Board, start: number, limit: number): number {
    const { queue, seen } = this;
    const stamp = ++this.stamp;
    seen[start] = stamp;
    queue[0] = start;
    let head = 0;
    let tail = 1;
    while (head < tail && tail < limit) {
      const cell = queue[head++] as number;
      for (let d = 0; d < 4; d++) {
        const n = board.neighbour(cell, d as Dir);
        if (n < 0 || seen[n] === stamp) continue;
        const c = board.cells[n];
        if (c !== EMPTY && c !== FOOD) continue;
        seen[n] = stamp;
        queue[tail++] = n;
      }
    }
    return tail;
  }

  private nearOtherHead(board: Board, snake: Snake, cell: number): boolean {
    for (const other of board.snakes) {
      if (other === snake || !other.alive) continue;
      for (let d = 0; d < 4; d++) if (board.neighbour(cell, d as Dir) === other.head) return true;
    }
    return false;
  }
}
