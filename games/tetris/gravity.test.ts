import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { rowsPerTick, secondsPerRow } from './gravity.ts';
import { levelFor, linePoints } from './scoring.ts';

test('gravity follows the Guideline curve (seconds per row)', () => {
  // (0.8 − (level − 1)·0.007)^(level − 1), as tabled in the Guideline.
  const expected: [number, number][] = [
    [1, 1],
    [2, 0.793],
    [3, 0.6178],
    [4, 0.4727],
    [5, 0.3552],
    [10, 0.0642],
    [15, 0.0068],
  ];
  for (const [level, seconds] of expected) {
    assert.ok(Math.abs(secondsPerRow(level) - seconds) < 0.0005, `level ${level}: ${secondsPerRow(level)}`);
  }
  for (let level = 1; level < 20; level++) assert.ok(secondsPerRow(level + 1) < secondsPerRow(level));
});

test('rows per tick: level 1 is one row a second at any rate; past level 20 it stops speeding up', () => {
  assert.is(rowsPerTick(1, 60), 1 / 60);
  assert.is(rowsPerTick(1, 30), 1 / 30);
  assert.ok(Math.abs(rowsPerTick(5, 60) - 1 / (0.3552 * 60)) < 0.0002);
  assert.is(rowsPerTick(25, 60), rowsPerTick(20, 60));
  assert.ok(rowsPerTick(15, 60) > 1);
});

test('line points: 100/300/500/800 × level', () => {
  assert.equal(
    [1, 2, 3, 4].map((n) => linePoints(n, 1)),
    [100, 300, 500, 800],
  );
  assert.equal(
    [1, 2, 3, 4].map((n) => linePoints(n, 5)),
    [500, 1500, 2500, 4000],
  );
  assert.is(linePoints(0, 7), 0);
});

test('level goes up every 10 lines from the start level', () => {
  assert.equal(
    [0, 9, 10, 19, 20, 35].map((lines) => levelFor(1, lines)),
    [1, 1, 2, 2, 3, 4],
  );
  assert.is(levelFor(5, 12), 6);
});

test.run();
