import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Random } from '../../src/index.ts';
import { SnakeAi } from './ai.ts';
import { Board, type BoardOptions, DOWN, EMPTY, FOOD, LEFT, RIGHT, type Start, UP } from './board.ts';
import { stepSeconds } from './speed.ts';

const W = 20;
const H = 15;
const at = (x: number, y: number) => y * W + x;
const xy = (cell: number) => [cell % W, Math.floor(cell / W)];

function board(starts: readonly Start[], extra: Partial<BoardOptions> = {}): Board {
  return new Board({
    width: W,
    height: H,
    snakes: starts.length,
    wrap: false,
    foods: 1,
    random: new Random(7),
    starts,
    ...extra,
  });
}

/** Every food cell is marked FOOD, distinct, and on no snake's body. */
function checkFood(b: Board): void {
  const seen = new Set<number>();
  for (const cell of b.food) {
    if (cell < 0) continue;
    assert.is(b.cells[cell], FOOD, `food at ${xy(cell)} is marked in cells`);
    assert.not.ok(seen.has(cell), 'two food items on one cell');
    seen.add(cell);
    for (const s of b.snakes) {
      if (!s.onBoard) continue;
      for (let k = 0; k < s.length; k++) assert.is.not(s.segment(k), cell, `food on snake ${s.index}`);
    }
  }
}

test('food is never on a body, whatever the turns (property over seeds and moves)', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 2 ** 31 }),
      fc.integer({ min: 1, max: 4 }),
      fc.boolean(),
      fc.array(fc.integer({ min: 0, max: 15 }), { minLength: 20, maxLength: 300 }),
      (seed, snakes, wrap, moves) => {
        const random = new Random(seed);
        const b = new Board({ width: W, height: H, snakes, wrap, foods: 2, random });
        checkFood(b);
        for (const m of moves) {
          b.snakes[m % snakes]?.turn((m >> 2) as 0 | 1 | 2 | 3);
          b.step();
          for (const s of b.snakes) if (!s.alive && s.onBoard && b.steps - s.diedAtStep > 3) b.clear(s.index);
          checkFood(b);
        }
      },
    ),
    { numRuns: 300 },
  );
});

test('food lands only on free cells even when few are left', () => {
  // A snake filling most of the board: 17 rows of 20 would not fit, so use a long snake on 8×8.
  for (let seed = 0; seed < 50; seed++) {
    const b = new Board({
      width: 8,
      height: 8,
      snakes: 1,
      wrap: true,
      foods: 1,
      random: new Random(seed),
      starts: [{ x: 0, y: 0, dir: RIGHT, length: 8 }],
    });
    for (let i = 0; i < 40; i++) {
      b.snakes[0]!.turn(i % 8 === 7 ? DOWN : RIGHT);
      b.step();
      const food = b.food[0]!;
      if (food >= 0) assert.is(b.cells[food], FOOD);
    }
  }
});

test('two turns queued between steps are both applied, one per step', () => {
  const b = board([{ x: 2, y: 5, dir: RIGHT }]);
  const s = b.snakes[0]!;
  assert.ok(s.turn(UP));
  assert.ok(s.turn(LEFT));
  b.step();
  assert.equal(xy(s.head), [4, 4]);
  b.step();
  assert.equal(xy(s.head), [3, 4]);
  b.step();
  assert.equal(xy(s.head), [2, 4]);
});

test('the queue holds three turns; more are dropped', () => {
  const s = board([{ x: 2, y: 5, dir: RIGHT }]).snakes[0]!;
  assert.ok(s.turn(UP));
  assert.ok(s.turn(LEFT));
  assert.ok(s.turn(DOWN));
  assert.not.ok(s.turn(RIGHT));
});

test('no reversal: the opposite direction and a repeat are ignored, also against queued turns', () => {
  const b = board([{ x: 2, y: 5, dir: RIGHT }]);
  const s = b.snakes[0]!;
  assert.not.ok(s.turn(LEFT));
  assert.not.ok(s.turn(RIGHT));
  b.step();
  assert.equal(xy(s.head), [5, 5]);
  assert.ok(s.turn(UP));
  assert.not.ok(s.turn(DOWN)); // reverses the queued UP
  b.step();
  b.step();
  assert.equal(xy(s.head), [5, 3]);
  assert.ok(s.alive);
});

test('head-on into the same cell: both die', () => {
  const b = board([
    { x: 2, y: 5, dir: RIGHT }, // head (4,5)
    { x: 10, y: 5, dir: LEFT }, // head (8,5)
  ]);
  assert.is(b.step(), 0);
  assert.is(b.step(), 0b11);
  assert.is(b.aliveCount, 0);
});

test('head-on by swapping places: both die', () => {
  const b = board([
    { x: 2, y: 5, dir: RIGHT }, // head (4,5)
    { x: 9, y: 5, dir: LEFT }, // head (7,5)
  ]);
  assert.is(b.step(), 0); // heads at (5,5) and (6,5)
  assert.is(b.step(), 0b11);
});

test('running into another snake kills only the one that runs in', () => {
  const b = board([
    { x: 2, y: 5, dir: RIGHT }, // head (4,5)
    { x: 6, y: 9, dir: UP, length: 5 }, // (6,9)..(6,5), head (6,5)
  ]);
  b.step(); // (5,5); the other's head to (6,4), its body still covers (6,5)
  assert.is(b.step(), 0b01);
  assert.ok(b.snakes[1]!.alive);
  // The dead snake stays an obstacle until cleared.
  assert.is(b.cells[at(5, 5)], 1);
  b.clear(0);
  assert.is(b.cells[at(5, 5)], EMPTY);
});

test('biting your own body kills; following your own tail does not', () => {
  const long = board([{ x: 2, y: 5, dir: RIGHT, length: 5 }]);
  for (const d of [DOWN, LEFT, UP]) long.snakes[0]!.turn(d);
  long.step();
  long.step();
  assert.is(long.step(), 1);

  const short = board([{ x: 3, y: 5, dir: RIGHT, length: 4 }]);
  for (const d of [DOWN, LEFT, UP]) short.snakes[0]!.turn(d);
  for (let i = 0; i < 8; i++) assert.is(short.step(), 0);
});

test('a head may take the cell another snake’s tail leaves in the same step', () => {
  const b = board([
    { x: 2, y: 5, dir: RIGHT }, // head (4,5)
    { x: 5, y: 5, dir: RIGHT }, // tail (5,5), head (7,5)
  ]);
  assert.is(b.step(), 0);
  assert.equal(xy(b.snakes[0]!.head), [5, 5]);
  assert.is(b.step(), 0);
  assert.is(b.aliveCount, 2);
});

test('walls kill at the edge; wrap-around enters the opposite side', () => {
  const walled = board([{ x: 15, y: 7, dir: RIGHT }]);
  walled.step();
  walled.step();
  assert.equal(xy(walled.snakes[0]!.head), [19, 7]);
  assert.is(walled.step(), 1);

  const wrapped = board([{ x: 15, y: 7, dir: RIGHT }], { wrap: true });
  for (let i = 0; i < 3; i++) assert.is(wrapped.step(), 0);
  assert.equal(xy(wrapped.snakes[0]!.head), [0, 7]);
  wrapped.snakes[0]!.turn(UP);
  for (let i = 0; i < 8; i++) wrapped.step();
  assert.equal(xy(wrapped.snakes[0]!.head), [0, 14]);
});

test('eating grows the snake by one and puts new food on a free cell', () => {
  const b = board([{ x: 2, y: 5, dir: RIGHT }]);
  b.placeFood(0, at(5, 5));
  b.step();
  const s = b.snakes[0]!;
  assert.is(s.length, 4);
  assert.equal(xy(s.head), [5, 5]);
  assert.is.not(b.food[0], at(5, 5));
  checkFood(b);
  b.step();
  assert.is(s.length, 4);
});

test('food placement refuses a body cell', () => {
  const b = board([{ x: 2, y: 5, dir: RIGHT }]);
  assert.throws(() => b.placeFood(0, at(3, 5)), /empty/);
});

test('speed rises with length down to a floor', () => {
  assert.is(stepSeconds(3), 0.2);
  assert.ok(stepSeconds(10) < stepSeconds(4));
  assert.is(stepSeconds(24), 0.075);
  assert.is(stepSeconds(200), 0.075);
});

test('computer snakes survive a while and eat', () => {
  let survived = 0;
  let eaten = 0;
  const seeds = 20;
  for (let seed = 0; seed < seeds; seed++) {
    const random = new Random(seed);
    const b = new Board({ width: W, height: H, snakes: 4, wrap: seed % 2 === 0, foods: 2, random });
    const ai = new SnakeAi(W * H, random);
    const lifetime = [0, 0, 0, 0];
    for (let step = 0; step < 400 && b.aliveCount > 0; step++) {
      ai.prepare(b);
      for (const s of b.snakes) if (s.alive) s.steer(ai.choose(b, s));
      b.step();
      for (const s of b.snakes) {
        if (s.alive) lifetime[s.index]!++;
        else if (s.onBoard && b.steps - s.diedAtStep > 5) b.clear(s.index);
      }
    }
    for (const s of b.snakes) eaten += s.length - 3;
    survived += lifetime.reduce((a, v) => a + v, 0) / 4;
  }
  // Four snakes on 20×15 crowd each other: ask for a decent life, not immortality.
  assert.ok(survived / seeds > 150, `mean steps survived ${survived / seeds}`);
  assert.ok(eaten / seeds / 4 > 8, `mean food per snake ${eaten / seeds / 4}`);
});

test('a lone computer snake eats a lot without dying early', () => {
  for (let seed = 0; seed < 10; seed++) {
    const random = new Random(seed);
    const b = new Board({ width: W, height: H, snakes: 1, wrap: false, foods: 1, random });
    const ai = new SnakeAi(W * H, random);
    const s = b.snakes[0]!;
    for (let step = 0; step < 300 && s.alive; step++) {
      ai.prepare(b);
      s.steer(ai.choose(b, s));
      b.step();
    }
    assert.ok(s.length >= 15, `seed ${seed}: length ${s.length}`);
  }
});

test.run();
