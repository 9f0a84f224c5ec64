import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { ManualClock } from '../../engine/clock.ts';
import type { BenchSection } from './section.ts';
import { benchEngine } from './ticks.ts';

const WARM_UP = 2000;
const TICKS = 10_000;

/** A full garbage collection, enabled at run time so the bench needs no node flags. */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  gc();
}

function heapGrowth(clock: ManualClock): number {
  clock.step(WARM_UP);
  collectGarbage();
  const before = process.memoryUsage().heapUsed;
  clock.step(TICKS);
  collectGarbage();
  return process.memoryUsage().heapUsed - before;
}

/** Heap growth over 10,000 ticks after warm-up (menu, then each game), and resident memory. */
export const memoryBench: BenchSection = {
  title: 'Memory',
  async run(table, report) {
    const menu = benchEngine(table);
    report({
      name: 'menu heap growth over 10,000 ticks',
      value: kib(heapGrowth(menu.clock)),
      unit: 'KiB',
      note: 'aim ≈ 0',
    });
    for (const game of table.catalog) {
      const { table: running, engine, clock } = benchEngine(table);
      running.play(game, { seed: 5 });
      await engine.settle();
      report({
        name: `${game.id} heap growth over 10,000 ticks`,
        value: kib(heapGrowth(clock)),
        unit: 'KiB',
      });
    }
    report({
      name: 'resident memory (RSS)',
      value: Math.round(process.memoryUsage().rss / 1024 / 1024),
      unit: 'MiB',
    });
  },
};

function kib(bytes: number): number {
  return Math.round(bytes / 102.4) / 10;
}
