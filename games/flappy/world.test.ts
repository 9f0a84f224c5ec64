import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Random } from '../../src/index.ts';
import { FlappyWorld, gapSizeFor, TUNING } from './world.ts';

const W = 20;
const H = 15;

/** A world with no pipes and the bird at y, for physics and collision checks. */
function world(y = 6, seed = 1): FlappyWorld {
  const w = new FlappyWorld(W, H, new Random(seed));
  w.birdY = y;
  return w;
}

/** Puts pipe slot 0 at x with the gap rows [top, top + rows). */
function pipeAt(w: FlappyWorld, x: number, top: number, rows: number): void {
  w.pipeX[0] = x;
  w.gapTop[0] = top;
  w.gapRows[0] = rows;
  w.active[0] = 1;
  w.passed[0] = 0;
}

/** Flies like a careful player: flaps whenever the bird sinks near the bottom of the next gap. */
function autopilot(w: FlappyWorld): boolean {
  let next = -1;
  for (let i = 0; i < w.active.length; i++) {
    if (w.active[i] === 0) continue;
    const right = (w.pipeX[i] ?? 0) + TUNING.pipeWidth;
    if (right <= TUNING.birdX) continue;
    if (next < 0 || (w.pipeX[i] ?? 0) < (w.pipeX[next] ?? 0)) next = i;
  }
  const bottom = next < 0 ? w.playHeight / 2 + 2 : (w.gapTop[next] ?? 0) + (w.gapRows[next] ?? 0);
  return w.birdVy >= 0 && w.birdY + 1 > bottom - 0.8;
}

test('gap rows: 6 below 5 points, 5 below 10, then 4 for ever', () => {
  assert.equal([0, 4, 5, 9, 10, 50].map(gapSizeFor), [6, 6, 5, 5, 4, 4]);
  const w = world();
  w.score = 12;
  w.spawnPipe(20);
  assert.is(w.gapRows[0], 4);
});

test('gravity and flap move the bird by fractions of a pixel per tick at 60 Hz', () => {
  const w = world(8);
  w.flap();
  const ys: number[] = [];
  for (let i = 0; i < 40; i++) {
    w.step(1 / 60);
    ys.push(w.birdY);
  }
  let prev = 8;
  for (const y of ys) {
    assert.ok(Math.abs(y - prev) < 0.5, `moved ${y - prev} px in one tick`);
    prev = y;
  }
  assert.ok(ys.some((y) => !Number.isInteger(y)));
  const apex = Math.min(...ys);
  // Apex height v²/2g = 14²/100 = 1.96 px above the start.
  assert.ok(Math.abs(8 - apex - TUNING.flapSpeed ** 2 / (2 * TUNING.gravity)) < 0.02, `apex ${apex}`);
  assert.ok((ys[39] ?? 0) > 8, 'falls back below the start after 2/3 s');
});

test('the path does not depend on the loop rate (exact integration, capped fall)', () => {
  const at = (rate: number) => {
    const w = world(2);
    w.flap();
    for (let i = 0; i < rate; i++) w.step(1 / rate); // one second: rises, falls, hits the cap
    return w.birdY;
  };
  const y60 = at(60);
  assert.ok(Math.abs(at(30) - y60) < 1e-9);
  assert.ok(Math.abs(at(120) - y60) < 1e-9);
  assert.ok(Math.abs(at(50) - y60) < 1e-9);
});

test('the ceiling is a lid: the bird stops at row 0 without crashing', () => {
  const w = world(0.5);
  for (let i = 0; i < 30; i++) {
    w.flap();
    assert.is(w.step(1 / 60), 'none');
    assert.ok(w.birdY >= 0);
  }
  assert.is(w.birdY, 0);
});

test('the ground kills once the bird sinks more than a graze into it', () => {
  const w = world(H - 1 - 1 + 0.2); // playHeight is H - 1
  assert.is(w.hits(), false);
  w.birdY = w.playHeight - 1 + 0.3;
  assert.is(w.hits(), true);
  const falling = world(10);
  let event = 'none';
  for (let i = 0; i < 120 && event === 'none'; i++) event = falling.step(1 / 60);
  assert.is(event, 'crash');
});

test('pipes: solid above and below the gap, open inside it, grazes forgiven', () => {
  const w = world(5);
  pipeAt(w, TUNING.birdX, 4, 4); // gap rows 4..7
  assert.is(w.hits(), false, 'bird inside the gap');
  w.birdY = 3.8; // 0.2 px into the upper pipe: a graze
  assert.is(w.hits(), false);
  w.birdY = 3.5;
  assert.is(w.hits(), true, 'into the upper pipe');
  w.birdY = 7.3;
  assert.is(w.hits(), true, 'into the lower pipe');
  w.birdY = 1;
  pipeAt(w, TUNING.birdX + 0.8, 4, 4); // only 0.2 px of horizontal overlap
  assert.is(w.hits(), false);
  pipeAt(w, TUNING.birdX + 0.5, 4, 4);
  assert.is(w.hits(), true);
  pipeAt(w, TUNING.birdX - TUNING.pipeWidth + 0.5, 4, 4); // leaving: still overlaps by 0.5
  assert.is(w.hits(), true);
});

test('one point per pipe, when its right edge passes the bird', () => {
  const w = world(5);
  pipeAt(w, TUNING.birdX + 1, 2, 8);
  let points = 0;
  for (let i = 0; i < 120; i++) {
    w.birdVy = 0; // hold the bird still in the gap
    w.birdY = 5;
    if (w.step(1 / 60) === 'scored') points++;
    if (i === 10) assert.is(w.score, 0, 'not yet past');
  }
  assert.is(points, 1);
  assert.ok(w.score >= 1);
});

test('consecutive gaps stay within reach (top moves by at most maxGapShift) and inside the pipe', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 2 ** 31 }), fc.integer({ min: 0, max: 30 }), (seed, score) => {
      const w = world(6, seed);
      w.score = score;
      let last = -1;
      for (let i = 0; i < 40; i++) {
        w.active.fill(0);
        w.spawnPipe(20);
        const top = w.gapTop[0] ?? 0;
        const rows = w.gapRows[0] ?? 0;
        assert.ok(top >= 1 && top + rows <= w.playHeight - 1, `gap ${top}+${rows}`);
        if (last >= 0) assert.ok(Math.abs(top - last) <= TUNING.maxGapShift);
        last = top;
      }
    }),
  );
});

test('every gap is reachable: an autopilot passes 40 pipes on 20 seeds', () => {
  for (let seed = 1; seed <= 20; seed++) {
    const w = world(6, seed);
    w.start();
    for (let tick = 0; w.score < 40; tick++) {
      if (autopilot(w)) w.flap();
      const event = w.step(1 / 60);
      assert.ok(event !== 'crash', `seed ${seed}: crashed at score ${w.score}, tick ${tick}`);
    }
  }
});

test.run();
