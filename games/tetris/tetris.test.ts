import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { I, O, T } from './pieces.ts';
import { controls, fillBottom, newTetris, wellText } from './test-helpers.ts';
import {
  CLEARING,
  EV_CLEAR,
  EV_FELL,
  EV_HARD_DROP,
  EV_LOCK,
  EV_MOVE,
  EV_ROTATE,
  MAX_LOCK_RESETS,
  OVER,
  PLAYING,
  type Tetris,
} from './tetris.ts';

const idle = controls();
const left = controls({ left: true });
const right = controls({ right: true });

function run(game: Tetris, ticks: number, c = idle): void {
  for (let i = 0; i < ticks; i++) game.step(c);
}
function lockedCells(game: Tetris): number {
  return game.board.cells.reduce((n, c) => n + (c === 0 ? 0 : 1), 0);
}
/** An empty board and an O resting on the floor. */
function grounded(): Tetris {
  const game = newTetris();
  game.board.clear();
  game.setPiece(O, 0, 3, 0);
  game.setPiece(O, 0, 3, game.ghostY);
  return game;
}

test('lock delay: a piece on the ground locks after 0.5 s (30 ticks) without input', () => {
  const game = grounded();
  run(game, 29);
  assert.is(lockedCells(game), 0);
  run(game, 1);
  assert.is(lockedCells(game), 4);
});

test('lock delay: moves reset it, at most 15 times; the 16th move on the ground locks at once', () => {
  const game = grounded();
  run(game, 20);
  for (let i = 0; i < MAX_LOCK_RESETS; i++) {
    game.step(i % 2 === 0 ? left : right);
    run(game, 19);
    assert.is(lockedCells(game), 0, `still falling after reset ${i + 1}`);
  }
  assert.is(game.resets, MAX_LOCK_RESETS);
  game.step(left);
  assert.is(lockedCells(game), 4);
});

test('lock delay: moves before the piece first lands do not use up resets', () => {
  const game = grounded();
  game.step(left); // not yet touched down: no reset counted
  assert.is(game.resets, 0);
  game.step(right);
  assert.is(game.resets, 1);
});

test('lock delay: after the 15th reset the timer runs out normally when left alone', () => {
  const game = grounded();
  run(game, 1); // touch down
  for (let i = 0; i < MAX_LOCK_RESETS; i++) {
    game.step(i % 2 === 0 ? left : right);
    if (i < MAX_LOCK_RESETS - 1) run(game, 5);
  }
  // The 15th move reset the timer on its own tick; 30 ticks from there the piece locks.
  run(game, 28);
  assert.is(lockedCells(game), 0);
  run(game, 1);
  assert.is(lockedCells(game), 4);
});

test('lock delay: falling to a new lowest row gives the 15 resets back', () => {
  const game = newTetris();
  game.board.clear();
  fillBottom(game, ['#.........']); // a one-cell ledge in column 0
  game.setPiece(O, 0, -1, 0); // O cells in columns 0–1
  game.setPiece(O, 0, -1, game.ghostY);
  const y0 = game.y;
  run(game, 1);
  run(game, MAX_LOCK_RESETS - 1, controls({ rotateCw: true })); // O turns in place: each one resets
  game.step(right); // the 15th reset, and now nothing is under it
  assert.is(game.resets, MAX_LOCK_RESETS);
  run(game, 60); // one row at level 1
  assert.is(game.y, y0 + 1);
  assert.is(game.resets, 0);
  assert.is(lockedCells(game), 1);
});

test('hold: once per piece; the held piece comes back on the next hold', () => {
  const game = newTetris();
  const first = game.type;
  const second = game.bag.peek(0);
  game.step(controls({ hold: true }));
  assert.equal([game.hold, game.type, game.holdUsed], [first, second, true]);
  game.step(controls({ hold: true })); // ignored: already held for this piece
  assert.equal([game.hold, game.type], [first, second]);
  game.step(controls({ hardDrop: true }));
  assert.is(game.holdUsed, false);
  const third = game.type;
  game.step(controls({ hold: true }));
  assert.equal([game.hold, game.type, game.rotation, game.x], [third, first, 0, 3]);
});

/** Clears `lines` rows with a vertical I dropped into column 9; returns the hard-drop distance. */
function clearWithI(game: Tetris, lines: number): number {
  game.board.clear();
  fillBottom(game, Array<string>(lines).fill('#########.'));
  game.setPiece(I, 1, 7, 3); // vertical I (box column 2) over column 9
  const distance = game.ghostY - game.y;
  game.step(controls({ hardDrop: true }));
  return distance;
}

test('events name what the last step did (the sounds come from them), and only that step', () => {
  const game = newTetris();
  game.step(controls({ left: true, rotateCw: true }));
  assert.is(game.events & (EV_MOVE | EV_ROTATE), EV_MOVE | EV_ROTATE);
  run(game, 120);
  assert.is(game.events & ~EV_FELL, 0, 'a quiet tick has at most a gravity step');
  clearWithI(game, 2);
  assert.is(game.events, EV_HARD_DROP | EV_LOCK | EV_CLEAR);
  game.step(idle);
  assert.is(game.events, 0, 'clearing');
});

for (const level of [1, 5]) {
  test(`line clears at level ${level}: single, double, triple, tetris score 100/300/500/800 × ${level}`, () => {
    const points = [100, 300, 500, 800];
    for (let lines = 1; lines <= 4; lines++) {
      const game = newTetris(level);
      const distance = clearWithI(game, lines);
      assert.is(game.lastClear, lines);
      assert.is(game.score, points[lines - 1]! * level + 2 * distance, `${lines} lines`);
      assert.is(game.lines, lines);
    }
  });
}

test('a clear animates for clearTicks, then the rows are gone and the next piece spawns', () => {
  const game = newTetris();
  clearWithI(game, 2);
  assert.is(game.phase, CLEARING);
  run(game, 17);
  assert.is(game.phase, CLEARING);
  run(game, 1);
  assert.is(game.phase, PLAYING);
  assert.is(wellText(game).split('\n').slice(-3).join('\n'), '..........\n.........I\n.........I');
});

test('level goes up after 10 lines and scores at the new level', () => {
  const game = newTetris();
  game.lines = 8;
  clearWithI(game, 2);
  assert.is(game.level, 2);
  run(game, 18);
  const before = game.score;
  const distance = clearWithI(game, 1);
  assert.is(game.score - before, 200 + 2 * distance);
});

test('hard drop scores 2 per cell; soft drop 1 per cell fallen', () => {
  const game = newTetris();
  game.board.clear();
  game.setPiece(T, 0, 3, 4);
  const distance = game.ghostY - game.y;
  game.step(controls({ hardDrop: true }));
  assert.is(game.score, 2 * distance);

  const soft = newTetris();
  const y0 = soft.y;
  run(soft, 30, controls({ softDrop: true })); // 20× gravity: a third of a row per tick at level 1
  assert.ok(soft.y - y0 >= 9 && soft.y - y0 <= 10, `fell ${soft.y - y0}`);
  assert.is(soft.score, soft.y - y0);
});

test('gravity by level: 1 row a second at level 1, one per 0.3552 s at level 5', () => {
  const one = newTetris(1);
  const y1 = one.y;
  run(one, 130);
  assert.is(one.y - y1, 2);
  const five = newTetris(5);
  const y5 = five.y;
  run(five, 220); // 220 / (0.3552 · 60) = 10.3 rows
  assert.is(five.y - y5, 10);
});

test('pieces spawn in the buffer above the field and drop one row at once', () => {
  const game = newTetris();
  game.board.clear();
  game.setPiece(T, 0, 3, 3);
  assert.ok(game.fits(T, 0, 3, 3));
  const fresh = newTetris();
  assert.is(fresh.x, 3);
  assert.is(fresh.y, 4); // box top in row 4: the lower cells sit in the first visible row (5)
});

test('top out: stacking hard drops in the middle ends the game', () => {
  const game = newTetris(1, 7);
  let pieces = 0;
  while (game.phase !== OVER && pieces < 100) {
    game.step(controls({ hardDrop: true }));
    pieces++;
  }
  assert.is(game.phase, OVER);
  assert.ok(pieces < 20, `${pieces} pieces`);
  assert.ok(game.topOut === 'block out' || game.topOut === 'lock out');
  assert.is(game.score % 2, 0);
});

test('lock out: a piece that locks wholly above the visible field ends the game', () => {
  const game = newTetris();
  game.board.clear();
  for (let y = 5; y < 20; y++) fillRow(game, y, '#########.'); // full up to the top, column 9 open
  game.setPiece(O, 0, -1, 2); // in columns 0–1 of the hidden rows, resting on the stack
  game.setPiece(O, 0, -1, game.ghostY);
  game.step(controls({ hardDrop: true }));
  assert.is(game.phase, OVER);
  assert.is(game.topOut, 'lock out');
});

function fillRow(game: Tetris, y: number, row: string): void {
  for (let x = 0; x < 10; x++) game.board.set(x, y, row[x] === '.' ? 0 : 5);
}

test.run();
