import { Board, COLS, other, type Side } from '../../../games/connect4/board.ts';
import { LEVELS, NODES_PER_TICK } from '../../../games/connect4/levels.ts';
import { Search } from '../../../games/connect4/search.ts';
import { Random } from '../../engine/random.ts';
import { type BenchSection, percentiles } from './section.ts';

/** Positions: the empty board and 15 seeded random openings of 2..30 plies without a win. */
function positions(): { board: Board; side: Side }[] {
  const list: { board: Board; side: Side }[] = [{ board: new Board(), side: 1 }];
  const random = new Random(4);
  for (let i = 0; i < 15; i++) {
    const board = new Board();
    let side: Side = 1;
    const plies = 2 + 2 * i;
    for (let tries = 0; board.moves < plies && tries < 500; tries++) {
      const col = random.int(COLS);
      if (!board.canPlay(col) || board.winsAt(col, board.heights[col]!, side)) continue;
      board.play(col, side);
      side = other(side);
    }
    list.push({ board, side });
  }
  return list;
}

/**
 * The Connect Four computer at its hardest level, searching as the game does: one `step` of
 * NODES_PER_TICK nodes per tick. Reports the time of each such tick over a set of positions.
 */
export const connect4Bench: BenchSection = {
  title: 'Connect Four hard computer, search time per tick (µs)',
  async run(_table, report) {
    const search = new Search();
    const set = positions();
    for (const { board, side } of set.slice(0, 4)) search.run(board, side, LEVELS.hard); // warm-up
    const samples: number[] = [];
    let ticks = 0;
    for (const { board, side } of set) {
      search.begin(board, side, LEVELS.hard);
      let done = false;
      while (!done) {
        const start = performance.now();
        done = search.step(NODES_PER_TICK);
        samples.push((performance.now() - start) * 1000);
        ticks++;
      }
    }
    const cost = percentiles(samples);
    const round = (v: number) => Math.round(v * 10) / 10;
    report({ name: 'median per tick', value: round(cost.median), unit: 'µs' });
    report({ name: 'p99 per tick', value: round(cost.p99), unit: 'µs' });
    report({ name: 'worst tick', value: round(cost.max), unit: 'µs', note: 'aim < 1000' });
    report({ name: 'ticks per move (mean)', value: round(ticks / set.length), unit: 'ticks' });
    report({
      name: 'nodes per tick (bound)',
      value: NODES_PER_TICK,
      unit: 'nodes',
      note: 'about 0.4 µs each',
    });
  },
};
