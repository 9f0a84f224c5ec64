import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Harness } from '../../src/testing/index.ts';
import { envelope, fittingVariants } from './fit.ts';
import { LifeGrid } from './grid.ts';
import life from './index.ts';
import { PATTERNS, type PatternName, PERIODS, transform } from './patterns.ts';
import { parseRule } from './rule.ts';

const CONWAY = parseRule('B3/S23');
const periodic = Object.entries(PERIODS) as [PatternName, number][];

/** True when `now` equals `then` moved by some (dx, dy) on the torus (0, 0 included). */
function sameUpToShift(grid: LifeGrid, then: Uint8Array): boolean {
  const { width: w, height: h, cells } = grid;
  for (let dy = 0; dy < h; dy++) {
    for (let dx = 0; dx < w; dx++) {
      let same = true;
      for (let y = 0; y < h && same; y++) {
        for (let x = 0; x < w; x++) {
          if (cells[((y + dy) % h) * w + ((x + dx) % w)] !== then[y * w + x]) {
            same = false;
            break;
          }
        }
      }
      if (same) return true;
    }
  }
  return false;
}

test('penta fits only lying flat on 20×15 (16 rows tall standing); the others fit every way', () => {
  const penta = envelope(PATTERNS.penta, CONWAY, 15);
  assert.equal(penta, { width: 16, height: 9 });
  assert.equal(fittingVariants(penta, 20, 15), [0, 1, 2, 3]);
  for (const name of ['glider', 'lwss', 'galaxy'] as const) {
    const shape = envelope(PATTERNS[name], CONWAY, PERIODS[name] ?? 0);
    assert.is(fittingVariants(shape, 20, 15).length, 8, name);
  }
});

test('every periodic pattern × fitting orientation × place keeps its period on the 20×15 torus', () => {
  for (const [name, period] of periodic) {
    const variants = fittingVariants(envelope(PATTERNS[name], CONWAY, period), 20, 15);
    for (const variant of variants) {
      for (let place = 0; place < 6; place++) {
        const grid = new LifeGrid(20, 15);
        grid.place(transform(PATTERNS[name], variant), place * 3, place * 2);
        const start = grid.cells.slice();
        const population = grid.population();
        for (let round = 1; round <= 4; round++) {
          for (let g = 0; g < period; g++) grid.step(CONWAY);
          const where = `${name} variant ${variant} place ${place} after ${round * period} generations`;
          assert.is(grid.population(), population, where);
          assert.ok(sameUpToShift(grid, start), where);
        }
      }
    }
  }
});

test('the game places oscillators so they settle with their own period, for 40 seeds each', async () => {
  for (const name of ['galaxy', 'penta'] as const) {
    for (let seed = 1; seed <= 40; seed++) {
      const t = await Harness.start(life, { seed, settings: { start: name, speed: 60 } });
      await t.step((PERIODS[name] ?? 0) + 3);
      const settled = t.log.lines.filter((line) => line.includes('settled with period'));
      assert.is(settled.length, 1, `${name} seed ${seed}`);
      const expected = `life settled with period ${PERIODS[name]} at generation ${PERIODS[name]}`;
      assert.ok(settled[0]?.endsWith(expected), `${name} seed ${seed}: ${settled[0]}`);
    }
  }
});

test.run();
