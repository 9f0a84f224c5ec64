import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Canvas, Graphics } from '../../src/index.ts';
import { frameToText, Harness } from '../../src/testing/index.ts';
import { drawVersus } from './draw-versus.ts';
import tetris from './index.ts';
import { I, O } from './pieces.ts';
import { controls, fillBottom, LEGEND, tetrisOptions, VERSUS_LEGEND } from './test-helpers.ts';
import { OVER, type Tetris } from './tetris.ts';
import { DRAW, UNDECIDED, Versus } from './versus.ts';

const hard = controls({ hardDrop: true });
const idle = controls();

function newVersus(seed = 1): Versus {
  return new Versus(tetrisOptions(1, seed));
}

/** Bottom `lines` rows full except column 0, and a vertical I above column 0. */
function readyToClear(game: Tetris, lines: number): void {
  game.board.clear();
  fillBottom(game, Array(lines).fill('.#########'));
  game.setPiece(I, 1, -2, 0);
}

test('both players get the same pieces', () => {
  const v = newVersus(7);
  const [a, b] = v.games;
  assert.is(a.type, b.type);
  for (let i = 0; i < 7; i++) assert.is(a.bag.peek(i), b.bag.peek(i));
});

test("a clear's garbage goes to the other player's queue, one hole column per batch", () => {
  const v = newVersus();
  readyToClear(v.games[1], 4);
  v.step(idle, hard);
  assert.is(v.incoming[0].rows, 4);
  assert.is(v.incoming[0].batches, 1);
  assert.is(v.incoming[1].rows, 0);
  assert.is(v.games[1].sent, 0); // taken by the versus module
  assert.is(v.winner, UNDECIDED);
});

test('a top out by garbage ends the game with the other player as winner', () => {
  const v = newVersus();
  const [a, b] = v.games;
  a.board.clear();
  fillBottom(a, Array(14).fill('#########.')); // P1: one free row at the top of the field
  a.setPiece(O, 0, 3, 0);
  readyToClear(b, 4);
  v.step(idle, hard); // P2's tetris sends 4
  assert.is(v.incoming[0].rows, 4);
  v.step(hard, idle); // P1 locks: the garbage lands, the stack rises into the spawn rows
  assert.is(a.phase, OVER);
  assert.is(b.phase !== OVER, true);
  assert.is(v.winner, 1);
  // The winner's well freezes; the loser's game-over animation runs.
  const frozen = b.phaseTicks;
  const bY = b.y;
  for (let i = 0; i < 10; i++) v.step(hard, hard);
  assert.is(b.y, bY);
  assert.is(b.phaseTicks, frozen);
  assert.is(v.overTicks, 10);
});

test('both topping out on the same tick is a draw', () => {
  const v = newVersus();
  for (const game of v.games) {
    game.board.clear();
    fillBottom(game, Array(15).fill('#########.'));
    game.setPiece(O, 0, 3, 0);
  }
  v.step(hard, hard);
  assert.is(v.winner, DRAW);
});

test('versus layout: tinted wells edge to edge, next piece top right, pending bar below it', () => {
  const v = newVersus(1);
  const [a, b] = v.games;
  a.board.insertGarbage(1, 9);
  a.board.insertGarbage(1, 2);
  a.setPiece(a.type, a.rotation, a.x, a.y); // the ghost sees the garbage
  readyToClear(b, 3); // P2's triple sends P1 two rows
  v.step(idle, hard);
  v.incoming[1].push(3, 0); // and P2 waits for three rows
  const canvas = new Canvas(20, 15);
  drawVersus(new Graphics(canvas), v, 18, 60, true);
  assert.is(
    frameToText(canvas, VERSUS_LEGEND),
    [
      '...LLL..3.,,,,,,,,3,', // P1's L spawned; next (dim T) in each well's top-right corner
      '.......333,,,,,,,333',
      '.........+,,,,,,,,,+', // P1: 2 rows pending, P2: 3
      '.........+,,,,,,,,,+',
      '..........,,,,,,,,,+',
      '..........,,,,,,,,,,',
      '..........,,,,,,,,,,',
      '..........,,,,,,,,,,',
      '..........,,,,,,,,,,',
      '..........,,,,,,,,,,',
      '..........,,,,,,,,,,',
      '.....l....I,,,,,,,,,', // P2's I: the cell its triple leaves
      '...lll....??????????', // P2's three full rows flash white ('?')
      '#########.??????????', // P1's garbage from before, one hole per row
      '##.#######??????????',
    ].join('\n'),
  );
});

test('through the engine: each player moves only their own piece', async () => {
  const t = await Harness.start(tetris, { seed: 1, players: 2 });
  await t.step(1);
  t.press('left', 0);
  t.press('right', 1);
  t.tap('a', 1);
  await t.step(1);
  assert.is(
    t.frame(VERSUS_LEGEND),
    [
      '..LLL...3.,,,,,L,,3,', // P1 one column left; P2 turned and one column right
      '.......333,,,,,LL333',
      '..........,,,,,,,,,,',
      '..........,,,,,,,,,,',
      '..........,,,,,,,,,,',
      '..........,,,,,,,,,,',
      '..........,,,,,,,,,,',
      '..........,,,,,,,,,,',
      '..........,,,,,,,,,,',
      '..........,,,,,,,,,,',
      '..........,,,,,,,,,,',
      '..........,,,,,,,,,,',
      '..........,,,,,l,,,,',
      '....l.....,,,,,l,,,,',
      '..lll.....,,,,,ll,,,',
    ].join('\n'),
  );
  // Held left slides P1 with the same DAS/ARR as single player; P2's right does the same.
  await t.step(14);
  const top = t.frame(VERSUS_LEGEND).split('\n').slice(0, 2);
  assert.equal(top, ['LLL.....3.,,,,,,,,L,', '.......333,,,,,,,3LL']);
});

test('through the engine: start does not hold in versus', async () => {
  const t = await Harness.start(tetris, { seed: 1, players: 2 });
  await t.step(1);
  const before = t.frame(VERSUS_LEGEND);
  t.tap('start', 0);
  t.tap('start', 1);
  await t.step(1);
  assert.is(t.frame(VERSUS_LEGEND), before);
});

test('through the engine: P2 tops out, P1 wins (no score)', async () => {
  const t = await Harness.start(tetris, { seed: 1, players: 2 });
  for (let i = 0; i < 2000 && t.playing; i++) {
    t.tap('up', 1);
    await t.step(2);
  }
  assert.is(t.playing, false);
  assert.equal(t.result, { winner: 0, message: 'P1 WINS' });
  assert.is(t.canvas.invalidWrites, 0);
});

test('one player keeps the single-player layout', async () => {
  const t = await Harness.start(tetris, { seed: 1, players: 1 });
  await t.step(1);
  assert.is(t.frame(LEGEND).split('\n')[0], '....|...IIII...|.OO.');
});

test.run();
