import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Random } from '../../src/index.ts';
import { LifeGrid, MAX_AGE } from './grid.ts';
import { PATTERNS, transform } from './patterns.ts';
import { parseRule } from './rule.ts';

const CONWAY = parseRule('B3/S23');
const HIGHLIFE = parseRule('B36/S23');

function text(g: LifeGrid): string {
  const rows: string[] = [];
  for (let y = 0; y < g.height; y++) {
    let row = '';
    for (let x = 0; x < g.width; x++) row += g.alive(x, y) ? '#' : '.';
    rows.push(row);
  }
  return rows.join('\n');
}

function grid(w: number, h: number, rows: readonly string[], x = 0, y = 0): LifeGrid {
  const g = new LifeGrid(w, h);
  g.place(rows, x, y);
  return g;
}

test('blinker oscillates with period 2', () => {
  const g = grid(5, 5, ['###'], 1, 2);
  const horizontal = text(g);
  g.step(CONWAY);
  assert.is(text(g), ['.....', '..#..', '..#..', '..#..', '.....'].join('\n'));
  g.step(CONWAY);
  assert.is(text(g), horizontal);
});

test('block is still and its cells age', () => {
  const g = grid(4, 4, ['##', '##'], 1, 1);
  const before = text(g);
  for (let i = 0; i < 300; i++) g.step(CONWAY);
  assert.is(text(g), before);
  assert.is(g.ages[1 * 4 + 1], MAX_AGE, 'ages saturate');
});

test('ages: 1 when born, +1 per generation survived, 0 when dead', () => {
  const g = grid(5, 5, ['###'], 1, 2);
  g.step(CONWAY);
  assert.is(g.ages[2 * 5 + 2], 2, 'the centre survived');
  assert.is(g.ages[1 * 5 + 2], 1, 'born');
  assert.is(g.ages[2 * 5 + 1], 0, 'died');
});

test('a glider crosses the wrap: after 4·N generations it is back, shifted by N in x and y', () => {
  const g = grid(20, 15, PATTERNS.glider, 16, 11); // near the bottom-right corner
  const start = new LifeGrid(20, 15);
  for (const n of [25, 37]) {
    const moved = grid(20, 15, PATTERNS.glider, 16, 11);
    for (let i = 0; i < 4 * n; i++) moved.step(CONWAY);
    start.clear();
    start.place(PATTERNS.glider, 16 + n, 11 + n); // place() wraps coordinates
    assert.is(text(moved), text(start), `N = ${n}`);
    assert.is(moved.population(), 5);
  }
  assert.is(g.population(), 5);
});

test('the world is a torus: a blinker across the corner still oscillates', () => {
  const g = grid(6, 6, ['#'], 5, 0);
  g.set(0, 0, true);
  g.set(1, 0, true); // cells (5,0) (0,0) (1,0): a horizontal blinker through the left edge
  g.step(CONWAY);
  assert.ok(g.alive(0, -1) && g.alive(0, 0) && g.alive(0, 1));
  assert.is(g.population(), 3);
});

test('HighLife: the replicator makes two copies of itself in 12 generations', () => {
  const g = grid(20, 15, PATTERNS.replicator, 7, 5);
  for (let i = 0; i < 12; i++) g.step(HIGHLIFE);
  const expected = new LifeGrid(20, 15);
  expected.place(PATTERNS.replicator, 5, 3);
  expected.place(PATTERNS.replicator, 9, 7);
  assert.is(text(g), text(expected));
  const conway = grid(20, 15, PATTERNS.replicator, 7, 5);
  for (let i = 0; i < 12; i++) conway.step(CONWAY);
  assert.is.not(text(conway), text(expected), 'B6 makes the difference');
});

test('B6 birth and an empty S: Seeds lets every live cell die', () => {
  const six = ['##.', '#.#', '##.']; // the centre has 6 neighbours (wrap adds none on 5×5)
  const high = grid(5, 5, six, 1, 1);
  high.step(HIGHLIFE);
  assert.ok(high.alive(2, 2), 'HighLife: born with 6');
  const conway = grid(5, 5, six, 1, 1);
  conway.step(CONWAY);
  assert.not.ok(conway.alive(2, 2), 'Conway: not born with 6');
  const seeds = grid(6, 6, ['##', '##'], 2, 2);
  seeds.step(parseRule('B2/S'));
  for (const [x, y] of [
    [2, 2],
    [3, 2],
    [2, 3],
    [3, 3],
  ] as const)
    assert.not.ok(seeds.alive(x, y));
  assert.is(seeds.population(), 8, 'each of the 8 edge-adjacent cells has exactly 2 neighbours');
});

test('hash: equal states hash equal; a random soup hashes differently after a step', () => {
  const a = new LifeGrid(20, 15);
  const b = new LifeGrid(20, 15);
  a.randomize(new Random(3), 0.35);
  b.randomize(new Random(3), 0.35);
  assert.is(a.hash(), b.hash());
  a.step(CONWAY);
  assert.is.not(a.hash(), b.hash());
});

test('transform gives the 8 orientations: a glider flipped left-right', () => {
  assert.equal(transform(PATTERNS.glider, 1), ['.#.', '#..', '###']);
  assert.equal(transform(PATTERNS.glider, 2), ['###', '..#', '.#.']);
  assert.equal(transform(['##.'], 4), ['#', '#', '.']);
});

test.run();
