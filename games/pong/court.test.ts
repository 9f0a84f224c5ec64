import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Random } from '../../src/index.ts';
import { LEVELS, type LevelName, PongAi } from './ai.ts';
import {
  Court,
  HIT,
  MAX_SPEED,
  NOTHING,
  OUT_RIGHT,
  SLOPES,
  SPEED_GAIN,
  START_SPEED,
  SUB,
  WALL,
} from './court.ts';

const RATE = 60;

/** A court with the ball in the middle of pixel (col,row), flying right flat at the start speed. */
function flying(col: number, row: number): Court {
  const court = new Court(20, 15, RATE);
  court.x = col * SUB + SUB / 2;
  court.y = row * SUB + SUB / 2;
  court.vx = Math.round((START_SPEED * SUB) / RATE);
  court.vy = 0;
  return court;
}

/** Steps until something other than NOTHING happens (at most 1000 ticks). */
function until(court: Court): number {
  for (let i = 0; i < 1000; i++) {
    const e = court.step();
    if (e !== NOTHING) return e;
  }
  return NOTHING;
}

test('every paddle pixel returns the ball; the edges steeply, the middle gently', () => {
  const slopes: number[] = [];
  for (let k = 0; k < 4; k++) {
    const court = flying(15, 5 + k);
    court.paddle[1] = 5; // rows 5..8
    assert.is(until(court), HIT, `pixel ${k}`);
    assert.ok(court.vx < 0, 'goes back left');
    slopes.push(court.vy / -court.vx);
  }
  // Top pixel steep up, then gentle up, gentle down, steep down.
  assert.ok(
    slopes[0]! < slopes[1]! && slopes[1]! < 0 && slopes[2]! > 0 && slopes[2]! < slopes[3]!,
    `${slopes}`,
  );
  assert.ok(Math.abs(slopes[0]!) > 2 * Math.abs(slopes[1]!));
  for (let k = 0; k < 4; k++)
    assert.ok(Math.abs(slopes[k]! - SLOPES[k]!) < 0.05, `${slopes[k]} vs ${SLOPES[k]}`);
});

test('the rows just above and below the paddle miss', () => {
  for (const row of [4, 9]) {
    const court = flying(15, row);
    court.paddle[1] = 5;
    let event = until(court);
    while (event === WALL) event = until(court);
    assert.is(event, OUT_RIGHT, `row ${row}`);
  }
});

test('the left paddle returns the ball to the right', () => {
  const court = flying(4, 7);
  court.vx = -court.vx;
  court.paddle[0] = 6; // rows 6..9, ball on its second pixel
  assert.is(until(court), HIT);
  assert.ok(court.vx > 0 && court.vy < 0);
  assert.is(court.column, 1);
});

test('the ball bounces off the top and bottom walls', () => {
  const top = flying(10, 0);
  top.vy = -40;
  assert.is(until(top), WALL);
  assert.ok(top.vy > 0);
  assert.ok(top.y >= 0);
  assert.is(top.row, 0);

  const bottom = flying(10, 14);
  bottom.vy = 40;
  assert.is(until(bottom), WALL);
  assert.ok(bottom.vy < 0);
  assert.is(bottom.row, 14);
});

test('each hit speeds the rally up, to a cap', () => {
  const court = flying(10, 7);
  court.paddle[0] = 5;
  court.paddle[1] = 5;
  let last = Math.abs(court.vx);
  for (let hit = 1; hit <= 40; hit++) {
    // Keep the ball flat on a paddle row so the rally never ends.
    court.y = 7 * SUB + SUB / 2;
    court.vy = 0;
    assert.is(until(court), HIT);
    const speed = Math.abs(court.vx);
    assert.is(court.speed, Math.min(MAX_SPEED, START_SPEED + hit * SPEED_GAIN));
    if (court.speed < MAX_SPEED) assert.ok(speed > last, `hit ${hit}: ${speed} after ${last}`);
    last = speed;
  }
  assert.is(court.speed, MAX_SPEED);
});

test('a serve starts at the server’s paddle at the starting speed, towards the other side', () => {
  const court = new Court(20, 15, RATE);
  court.speed = MAX_SPEED;
  court.serve(1, 0.5);
  assert.is(court.column, 18);
  assert.ok(court.vx < 0);
  assert.is(court.speed, START_SPEED);
  court.serve(0, -0.5);
  assert.is(court.column, 1);
  assert.ok(court.vx > 0 && court.vy < 0);
});

test('predict() tells the row where the ball reaches a paddle column, walls included', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 2 * SUB, max: 17 * SUB }),
      fc.integer({ min: 0, max: 15 * SUB - 1 }),
      fc.integer({ min: 20, max: 90 }),
      fc.integer({ min: -100, max: 100 }),
      fc.boolean(),
      (x, y, speed, vy, right) => {
        const court = new Court(20, 15, RATE);
        court.paddle[0] = -100; // paddles out of the way: only the crossing matters
        court.paddle[1] = -100;
        court.x = x;
        court.y = y;
        court.vx = right ? speed : -speed;
        court.vy = vy;
        const side = right ? 1 : 0;
        const predicted = Math.floor(court.predict(side) / SUB);
        const edge = right ? 19 : 0;
        for (let i = 0; i < 2000 && court.column !== edge; i++) court.step();
        // Integer sub-pixel steps can land one row off near a wall or a pixel border.
        assert.ok(Math.abs(court.row - predicted) <= 1, `row ${court.row}, predicted ${predicted}`);
      },
    ),
    { numRuns: 300 },
  );
});

/** Share of approaches at every rally speed the computer on the right returns. */
function returnRate(name: LevelName, approaches: number): number {
  const random = new Random(99);
  let returned = 0;
  for (let i = 0; i < approaches; i++) {
    const court = new Court(20, 15, RATE);
    const ai = new PongAi(1, LEVELS[name], RATE, random, 15);
    court.paddle[1] = random.int(12);
    court.serve(0, (random.float() * 2 - 1) * 1.1);
    court.speed = START_SPEED + random.float() * (MAX_SPEED - START_SPEED);
    court.vx = Math.round((court.speed * SUB) / RATE);
    court.vy = Math.round(court.vx * (random.float() * 2 - 1) * 1.1);
    for (let t = 0; t < 600; t++) {
      court.movePaddle(1, ai.update(court));
      const e = court.step();
      if (e === HIT && court.lastHit === 1) returned++;
      if (e === HIT || e === OUT_RIGHT) break;
    }
  }
  return returned / approaches;
}

test('difficulty levels differ: easy misses most, hard almost never', () => {
  const easy = returnRate('EASY', 600);
  const med = returnRate('MED', 600);
  const hard = returnRate('HARD', 600);
  assert.ok(easy < med && med < hard, `easy ${easy}, med ${med}, hard ${hard}`);
  assert.ok(easy < 0.85, `easy returns ${easy}: should be beatable`);
  assert.ok(hard > 0.95, `hard returns ${hard}`);
});

test.run();
