import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Board, COLS, ROWS } from './board.ts';

/** A full board without four in a row (found by a seeded search), as a column sequence. */
const DRAWN_GAME = '055432020040433643113521062434156552662161';

function cell(c: number, r: number): number {
  return c * ROWS + r;
}

test('four in a row wins horizontally, vertically and on both diagonals', () => {
  const horizontal = Board.parse(['.......', '.......', '.......', '.......', '.OOO...', '.XXXX..']);
  assert.ok(horizontal.winsAt(4, 0, 1));
  assert.equal(horizontal.lineThrough(2, 0), [cell(1, 0), cell(2, 0), cell(3, 0), cell(4, 0)]);

  const vertical = Board.parse(['.......', '.......', '......O', '......O', '.XX...O', '.XX...O']);
  assert.ok(vertical.winsAt(6, 3, 2));
  assert.equal(vertical.lineThrough(6, 0), [cell(6, 0), cell(6, 1), cell(6, 2), cell(6, 3)]);

  const rising = Board.parse(['.......', '.......', '...X...', '..XO...', '.XOO...', 'XOOX...']);
  assert.ok(rising.winsAt(3, 3, 1));
  assert.equal(rising.lineThrough(0, 0), [cell(0, 0), cell(1, 1), cell(2, 2), cell(3, 3)]);

  const falling = Board.parse(['.......', '.......', '...O...', '...XO..', '...XXO.', '..XXOXO']);
  assert.ok(falling.winsAt(6, 0, 2));
  assert.equal(falling.lineThrough(3, 3), [cell(3, 3), cell(4, 2), cell(5, 1), cell(6, 0)]);
});

test('three in a row or a broken line does not win', () => {
  const board = Board.parse(['.......', '.......', '.......', 'X......', 'X......', 'XXX.X..']);
  assert.not.ok(board.winsAt(0, 2, 1));
  assert.not.ok(board.winsAt(4, 0, 1));
  assert.equal(board.lineThrough(0, 0), []);
});

test('five in a row counts, and the whole line is highlighted', () => {
  const board = Board.parse(['.......', '.......', '.......', '.......', 'OO.OO..', 'XX.XX..']);
  assert.ok(board.winsAt(2, 0, 1), 'filling the gap makes five');
  board.play(2, 1);
  assert.equal(
    board.lineThrough(2, 0),
    [0, 1, 2, 3, 4].map((c) => cell(c, 0)),
  );
});

test('a piece in two lines at once highlights both', () => {
  const board = Board.parse(['.......', '.......', 'X......', 'OX.....', 'OOX....', 'XXX....']);
  board.play(3, 1);
  const expected = [cell(0, 0), cell(0, 3), cell(1, 0), cell(1, 2), cell(2, 0), cell(2, 1), cell(3, 0)];
  assert.equal(board.lineThrough(3, 0), expected);
});

test('a full board without four is a draw; pieces stack and undo', () => {
  const board = new Board();
  let side: 1 | 2 = 1;
  for (const ch of DRAWN_GAME) {
    const c = Number(ch);
    const r = board.play(c, side);
    assert.not.ok(board.winsAt(c, r, side), `move ${board.moves} wins`);
    side = side === 1 ? 2 : 1;
  }
  assert.ok(board.full);
  for (let c = 0; c < COLS; c++) assert.not.ok(board.canPlay(c));
  board.undo(0);
  assert.ok(board.canPlay(0));
  assert.is(board.moves, 41);
});

test('parse refuses floating pieces with the column named', () => {
  assert.throws(
    () => Board.parse(['.......', '.......', '.......', '.......', 'X......', '.......']),
    /column 0, row 1 floats/,
  );
});

test.run();
