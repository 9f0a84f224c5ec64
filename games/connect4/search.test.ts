import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Random } from '../../src/index.ts';
import { Board, COLS, other, type Side } from './board.ts';
import { LEVELS } from './levels.ts';
import { MATE, Search } from './search.ts';

const search = new Search();
const STRONG = ['medium', 'hard'] as const;

test('every level from medium up takes an immediate win over blocking', () => {
  // X to move: X wins at column 4 (bottom row); O threatens column 6 (vertical).
  const board = Board.parse(['.......', '.......', '......O', '......O', '......O', 'OXXX..X']);
  for (const level of STRONG) {
    assert.is(search.run(board, 1, LEVELS[level]), 4, level);
    assert.ok(search.score >= MATE, `${level} knows it wins`);
  }
});

test('every level from medium up blocks an immediate loss', () => {
  // O to move; X threatens column 0 of the bottom row (X X X at 1..3) and has nothing else.
  const board = Board.parse(['.......', '.......', '.......', '.......', '....O..', '.XXXO..']);
  for (const level of STRONG) assert.is(search.run(board, 2, LEVELS[level]), 0, level);
  // A diagonal threat: X needs (3, 3).
  const diagonal = Board.parse(['.......', '.......', '.......', '..XO...', '.XOO..X', 'XOOX..X']);
  for (const level of STRONG) assert.is(search.run(diagonal, 2, LEVELS[level]), 3, level);
});

test('hard makes a double threat when it can (a win in 3 plies)', () => {
  const board = Board.parse(['.......', '.......', '.......', '.......', '.......', '..XX...']);
  const move = search.run(board, 1, LEVELS.hard);
  assert.ok(move === 1 || move === 4, `opens the three at ${move}`);
  assert.is(search.winIn, 3);
});

/** Plays out from `board`: `winner` moves with the hard search, its opponent with `defender`. */
function playOut(board: Board, side: Side, winIn: number, defender: Search): Side | 0 {
  let toMove = side;
  let seen = winIn;
  while (!board.full) {
    let col: number;
    if (toMove === side) {
      col = search.run(board, toMove, { ...LEVELS.hard, minDepth: Math.max(1, seen - 2) });
      assert.ok(
        search.winIn > 0 && search.winIn <= seen,
        `the win stays in sight (${search.winIn} ≤ ${seen})`,
      );
      seen = search.winIn;
    } else {
      col = defender.run(board, toMove, LEVELS.hard);
    }
    const row = board.play(col, toMove);
    if (board.winsAt(col, row, toMove)) return toMove;
    toMove = other(toMove);
  }
  return 0;
}

test('hard never lets go of a won position it sees, against the hard defence (property)', () => {
  const defender = new Search();
  let won = 0;
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 8, max: 22 }), (seed, plies) => {
      const random = new Random(seed);
      const board = new Board();
      let side: Side = 1;
      for (let i = 0; i < plies; i++) {
        const col = random.int(COLS);
        if (!board.canPlay(col) || board.winsAt(col, board.heights[col]!, side)) continue;
        board.play(col, side);
        side = other(side);
      }
      search.run(board, side, LEVELS.hard);
      if (search.winIn === 0) return;
      won++;
      assert.is(playOut(board, side, search.winIn, defender), side);
    }),
    { numRuns: 40 },
  );
  assert.ok(won >= 5, `enough won positions were tried (${won})`);
});

test('each step stays within its node budget, and slicing does not change the move', () => {
  const random = new Random(5);
  let totalSteps = 0;
  for (let game = 0; game < 6; game++) {
    const board = new Board();
    let side: Side = 1;
    for (let i = 0; i < 6 + game * 3; i++) {
      const col = random.int(COLS);
      if (!board.canPlay(col) || board.winsAt(col, board.heights[col]!, side)) continue;
      board.play(col, side);
      side = other(side);
    }
    const limits = { maxDepth: 9, maxNodes: 30_000 };
    const whole = search.run(board, side, limits);
    const wholeNodes = search.nodes;
    search.begin(board, side, limits);
    let steps = 0;
    for (;;) {
      const budget = 1 + random.int(900);
      const done = search.step(budget);
      steps++;
      assert.ok(search.stepNodes <= budget, `${search.stepNodes} nodes in a step of ${budget}`);
      if (done) break;
    }
    assert.is(search.move, whole);
    assert.is(search.nodes, wholeNodes);
    totalSteps += steps;
  }
  assert.ok(totalSteps > 20, `the searches were sliced (${totalSteps} steps)`);
});

test('the node cap ends a search with the last completed iteration', () => {
  search.run(new Board(), 1, { maxDepth: 42, maxNodes: 2_000 });
  assert.ok(search.depth >= 1);
  assert.ok(search.nodes <= 2_000);
  assert.is(search.move, 3, 'the centre column from the empty board');
});

test('begin on a full board explains the mistake', () => {
  const board = new Board();
  for (let c = 0; c < COLS; c++)
    for (let r = 0; r < 6; r++) board.play(c, ((c + (r >> 1)) % 2) + 1 === 1 ? 1 : 2);
  assert.throws(() => search.begin(board, 1, LEVELS.hard), /check for a draw/);
});

test.run();
