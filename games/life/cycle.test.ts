import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Random } from '../../src/index.ts';
import { CycleDetector } from './cycle.ts';
import { DriftDetector } from './drift.ts';
import { LifeGrid } from './grid.ts';
import { PATTERNS } from './patterns.ts';
import { parseRule } from './rule.ts';

const CONWAY = parseRule('B3/S23');

/** Runs `g` until the detector reports; returns [period, generation] or [0, limit]. */
function detect(g: LifeGrid, limit = 200): [number, number] {
  const cycles = new CycleDetector(g.width * g.height, 64);
  cycles.push(g.cells, g.hash());
  for (let i = 1; i <= limit; i++) {
    g.step(CONWAY);
    const period = cycles.push(g.cells, g.hash());
    if (period > 0) return [period, i];
  }
  return [0, limit];
}

function world(...placed: [readonly string[], number, number][]): LifeGrid {
  const g = new LifeGrid(20, 15);
  for (const [rows, x, y] of placed) g.place(rows, x, y);
  return g;
}

test('period 1: a block, and an empty world', () => {
  assert.equal(detect(world([['##', '##'], 3, 3])), [1, 1]);
  assert.equal(detect(world()), [1, 1]);
});

test('period 2: a blinker', () => {
  assert.equal(detect(world([['###'], 3, 3])), [2, 2]);
});

test('period 8 and 15: Kok’s galaxy and the pentadecathlon', () => {
  assert.equal(detect(world([PATTERNS.galaxy, 5, 3])), [8, 8]);
  assert.equal(detect(world([PATTERNS.penta, 5, 6])), [15, 15]);
});

test('period 30: a pentadecathlon next to a blinker (lcm of 15 and 2)', () => {
  assert.equal(detect(world([PATTERNS.penta, 5, 3], [['###'], 2, 12])), [30, 30]);
});

test('period 40: a LWSS flying round the 20-wide torus', () => {
  assert.equal(detect(world([PATTERNS.lwss, 5, 5])), [40, 40]);
});

test('a hash match with a different state is not a cycle', () => {
  const cycles = new CycleDetector(4, 8);
  assert.is(cycles.push(Uint8Array.of(1, 0, 0, 0), 7), 0);
  assert.is(cycles.push(Uint8Array.of(0, 1, 0, 0), 7), 0);
  assert.is(cycles.push(Uint8Array.of(1, 0, 0, 0), 7), 2);
  cycles.reset();
  assert.is(cycles.push(Uint8Array.of(1, 0, 0, 0), 7), 0, 'reset forgets');
});

test('drift: a lone glider (period 240 on the torus) is caught by its steady population', () => {
  const g = world([PATTERNS.glider, 3, 3]);
  assert.equal(detect(g, 239), [0, 239], 'no exact repeat within the history');
  const drift = new DriftDetector(30, 240);
  const glider = world([PATTERNS.glider, 3, 3]);
  let settled = 0;
  let generation = 0;
  while (settled === 0 && generation < 1000) {
    glider.step(CONWAY);
    generation++;
    settled = drift.push(glider.population());
  }
  assert.is(settled, 1);
  assert.ok(generation <= 242, `after ${generation}`);
});

test('drift: a chaotic soup (Seeds, B2/S) is never called settled', () => {
  const seeds = parseRule('B2/S');
  for (let seed = 1; seed <= 5; seed++) {
    const g = new LifeGrid(20, 15);
    g.randomize(new Random(seed), 0.35);
    const drift = new DriftDetector(30, 240);
    for (let i = 0; i < 1000; i++) {
      g.step(seeds);
      assert.is(drift.push(g.population()), 0, `seed ${seed}, generation ${i}`);
    }
  }
});

test.run();
