import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { T } from './pieces.ts';
import { type Award, ScoreKeeper, type Spin } from './scoring.ts';
import { controls, fillBottom, newTetris } from './test-helpers.ts';

/** Points of each lock in turn, [lines, spin] per lock, at `level`. */
function points(locks: readonly [number, Spin][], level = 1): string[] {
  const keeper = new ScoreKeeper();
  const out: Award = { points: 0, label: '' };
  return locks.map(([lines, spin]) => {
    keeper.award(lines, spin, level, out);
    return `${out.points}${out.label ? ` ${out.label}` : ''}`;
  });
}

test('Guideline table: lines, T-spins and minis, times the level', () => {
  assert.equal(points([[1, 'none']]), ['100']);
  assert.equal(points([[4, 'none']], 3), ['2400 TETRIS']);
  assert.equal(points([[0, 'full']]), ['400 TSPIN']);
  assert.equal(points([[1, 'full']]), ['800 TSPIN1']);
  assert.equal(points([[2, 'full']], 2), ['2400 TSPIN2']);
  assert.equal(points([[3, 'full']]), ['1600 TSPIN3']);
  assert.equal(points([[0, 'mini']]), ['100 MINI']);
  assert.equal(points([[1, 'mini']]), ['200 MINI1']);
  assert.equal(points([[2, 'mini']]), ['400 MINI2']);
});

test('back-to-back: a difficult clear after a difficult clear is worth 1.5×; a plain clear breaks it, a T-spin without lines does not', () => {
  // Each lock here is followed by an empty lock (a piece that clears nothing), so no combos.
  const gap: [number, Spin] = [0, 'none'];
  assert.equal(points([[4, 'none'], gap, [4, 'none'], gap, [2, 'full']]), [
    '800 TETRIS',
    '0',
    '1200 B2B TETRIS',
    '0',
    '1800 B2B TSPIN2',
  ]);
  assert.equal(points([[4, 'none'], gap, [1, 'none'], gap, [4, 'none']]), [
    '800 TETRIS',
    '0',
    '100',
    '0',
    '800 TETRIS',
  ]);
  assert.equal(points([[4, 'none'], gap, [0, 'full'], [4, 'none']]), [
    '800 TETRIS',
    '0',
    '400 TSPIN',
    '1200 B2B TETRIS',
  ]);
});

test('combo: each clearing lock in an unbroken run adds 50 × combo × level; a lock without lines ends it', () => {
  assert.equal(
    points(
      [
        [1, 'none'],
        [1, 'none'],
        [2, 'none'],
        [1, 'none'],
        [0, 'none'],
        [1, 'none'],
      ],
      2,
    ),
    ['200', '300 COMBO1', '800 COMBO2', '500 COMBO3', '0', '200'],
  );
  // Back-to-back multiplies the clear, not the combo bonus.
  assert.equal(
    points([
      [4, 'none'],
      [4, 'none'],
    ]),
    ['800 TETRIS', '1250 B2B TETRIS COMBO1'],
  );
});

test('in the game: a T rotated into a T-spin double slot scores 1200 (three corners, both in front)', () => {
  const game = newTetris();
  game.board.clear();
  fillBottom(game, ['####......', '###...####', '####.#####']);
  game.setPiece(T, 1, 3, 17); // pointing right, resting above the slot
  game.step(controls({ rotateCw: true })); // pointing down into the slot
  assert.is(game.tSpin(), 'full');
  game.step(controls({ hardDrop: true }));
  assert.equal([game.lastClear, game.lastSpin, game.score], [2, 'full', 1200]);
  assert.equal(game.lastAward, { points: 1200, label: 'TSPIN2' });
});

test('in the game: against the wall with one front corner open it is a mini (single: 200)', () => {
  const game = newTetris();
  game.board.clear();
  fillBottom(game, ['..........', '..........', '.#########']);
  game.setPiece(T, 0, 0, 17);
  game.step(controls({ rotateCw: true })); // kicks to the wall, pointing right
  game.step(controls({ hardDrop: true }));
  assert.equal([game.lastClear, game.lastSpin, game.score], [1, 'mini', 200]);
});

test('in the game: the fifth kick test makes a full T-spin (triple: 1600) even with a front corner open', () => {
  const game = newTetris();
  game.board.clear();
  fillBottom(game, ['###.......', '##...#####', '##.#######', '##..######', '##.#######']);
  game.setPiece(T, 0, 2, 15);
  game.step(controls({ rotateCw: true }));
  assert.equal([game.rotation, game.x, game.y], [1, 1, 17]);
  game.step(controls({ hardDrop: true }));
  assert.equal([game.lastClear, game.lastSpin, game.score], [3, 'full', 1600]);
});

test('in the game: only a rotation as the last successful move counts', () => {
  const dropped = newTetris();
  dropped.board.clear();
  fillBottom(dropped, ['..........', '..........', '.#########']);
  dropped.setPiece(T, 1, -1, 12); // already pointing right by the wall, high up
  dropped.step(controls({ hardDrop: true })); // falls into the same place as the mini: no spin
  assert.equal([dropped.lastSpin, dropped.lastClear, dropped.score], ['none', 1, 100 + 2 * 5]);
  // Shifts that fail (the slot's walls) do not undo the rotation.
  const blocked = newTetris();
  blocked.board.clear();
  fillBottom(blocked, ['####......', '###...####', '####.#####']);
  blocked.setPiece(T, 1, 3, 17);
  blocked.step(controls({ rotateCw: true }));
  blocked.step(controls({ right: true }));
  blocked.step(controls({ hardDrop: true }));
  assert.is(blocked.lastSpin, 'full');
});

test.run();
