import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { GARBAGE_BATCHES, GarbageQueue, garbageFor } from './garbage.ts';
import { I, O } from './pieces.ts';
import { controls, fillBottom, newTetris, wellText } from './test-helpers.ts';
import { OVER, PLAYING, type Tetris } from './tetris.ts';

const hard = controls({ hardDrop: true });
const idle = controls();

/** Bottom `lines` rows full except column 0, and a vertical I above column 0. */
function readyToClear(game: Tetris, lines: number): void {
  game.board.clear();
  fillBottom(game, Array(lines).fill('.#########'));
  game.setPiece(I, 1, -2, 0); // rotation R: the I's cells are in its box column 2
}

test('garbage table: 0/1/2/3/4 lines send 0/0/1/2/4 rows', () => {
  assert.equal([0, 1, 2, 3, 4].map(garbageFor), [0, 0, 1, 2, 4]);
  for (let lines = 1; lines <= 4; lines++) {
    const game = newTetris(1, 1, new GarbageQueue());
    readyToClear(game, lines);
    game.step(hard);
    assert.is(game.lastClear, lines);
    assert.is(game.sent, garbageFor(lines), `${lines} lines`);
  }
});

test('queue: clears cancel the oldest rows first and return what is left to send', () => {
  const q = new GarbageQueue();
  q.push(2, 3);
  q.push(4, 5);
  assert.is(q.rows, 6);
  assert.is(q.cancel(3), 0);
  assert.is(q.rows, 3);
  assert.is(q.batches, 1);
  assert.is(q.peekRows(), 3);
  assert.is(q.peekHole(), 5);
  assert.is(q.cancel(5), 2);
  assert.is(q.rows, 0);
  assert.is(q.batches, 0);
});

test('queue: beyond its batch capacity new rows merge into the newest batch', () => {
  const q = new GarbageQueue();
  for (let i = 0; i < GARBAGE_BATCHES + 3; i++) q.push(1, i % 10);
  assert.is(q.batches, GARBAGE_BATCHES);
  assert.is(q.rows, GARBAGE_BATCHES + 3);
  assert.is(q.cancel(1000), 1000 - GARBAGE_BATCHES - 3);
});

test('cancelling: a tetris against 3 pending rows cancels them and sends 1', () => {
  const incoming = new GarbageQueue();
  incoming.push(1, 2);
  incoming.push(2, 8);
  const game = newTetris(1, 1, incoming);
  readyToClear(game, 4);
  game.step(hard);
  assert.is(incoming.rows, 0);
  assert.is(game.sent, 1);
});

test('cancelling: a double against 3 pending rows cancels one; the rest waits for a lock without a clear', () => {
  const incoming = new GarbageQueue();
  incoming.push(3, 6);
  const game = newTetris(1, 1, incoming);
  readyToClear(game, 2);
  game.step(hard);
  assert.is(game.sent, 0);
  assert.is(incoming.rows, 2);
  while (game.phase !== PLAYING) game.step(idle); // the clear animation
  // Nothing landed yet: only the rest of the I is left.
  assert.equal(wellText(game).split('\n').slice(12), ['..........', 'I.........', 'I.........']);
  game.setPiece(O, 0, 3, 0);
  game.step(hard);
  assert.is(incoming.rows, 0);
  assert.equal(wellText(game).split('\n').slice(10), [
    '..........',
    'I...OO....',
    'I...OO....',
    '######.###',
    '######.###',
  ]);
});

test('a single neither sends nor cancels, and pending garbage does not land on it', () => {
  const incoming = new GarbageQueue();
  incoming.push(2, 0);
  const game = newTetris(1, 1, incoming);
  readyToClear(game, 1);
  game.step(hard);
  assert.is(game.sent, 0);
  assert.is(incoming.rows, 2);
});

test('garbage lands when a piece locks: oldest batch first, one hole per batch', () => {
  const incoming = new GarbageQueue();
  incoming.push(2, 3);
  incoming.push(1, 7);
  const game = newTetris(1, 1, incoming);
  game.board.clear();
  game.setPiece(O, 0, 3, 0);
  game.step(idle); // falling: nothing lands while the piece moves
  assert.is(incoming.rows, 3);
  game.step(hard);
  assert.is(incoming.rows, 0);
  assert.equal(wellText(game).split('\n').slice(10), [
    '....OO....',
    '....OO....',
    '###.######',
    '###.######',
    '#######.##',
  ]);
  assert.is(game.phase, PLAYING); // and the next piece spawned above it
});

test('garbage that pushes the stack off the top tops the player out', () => {
  const incoming = new GarbageQueue();
  const game = newTetris(1, 1, incoming);
  game.board.clear();
  fillBottom(game, Array(14).fill('#########.'));
  game.setPiece(I, 0, 0, 0);
  assert.is(game.ghostY, 4); // the I will rest in the top visible row
  incoming.push(4, 1);
  incoming.push(2, 1);
  game.step(hard);
  assert.is(game.phase, OVER);
  assert.is(game.topOut, 'top out');
  assert.is(incoming.rows, 0);
});

test.run();
