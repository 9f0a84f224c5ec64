import type { AnyGame } from '../../engine/game.ts';
import { Random } from '../../engine/random.ts';
import { guardGame } from '../../isolation/game-guard.ts';
import { guardedCall, guardedSpan } from '../../isolation/guarded-call.ts';
import type { TableSetup } from '../table-setup.ts';
import { type BenchSection, percentiles } from './section.ts';
import { benchEngine, timeTicks } from './ticks.ts';

const CALLS = 5000;
const WARM_UP = 300;
const MEASURED = 2000;

/**
 * What the game isolation costs: one guarded call against a plain one, and whole ticks of a game
 * plain, with a guard on each call (headless runs and tests of the guard), and as the real-time
 * table runs it: each tick one guarded span (guarded-ticks.ts).
 */
export const isolationBench: BenchSection = {
  title: 'Game isolation: guarded calls (µs)',
  async run(table, report) {
    const noop = () => 0;
    for (let i = 0; i < 500; i++) guardedCall(noop, 1000, 'bench');
    const samples: number[] = [];
    for (let i = 0; i < CALLS; i++) {
      const start = performance.now();
      guardedCall(noop, 1000, 'bench');
      samples.push((performance.now() - start) * 1000);
    }
    const call = percentiles(samples);
    report({
      name: 'one guarded call median',
      value: round(call.median),
      unit: 'µs',
      note: 'one per tick of a guarded game',
    });
    report({ name: 'one guarded call p99', value: round(call.p99), unit: 'µs' });
    const game = table.catalog.find((g) => g.id === 'snake') ?? table.catalog[0];
    if (!game) return;
    const plain = await tickCost(table, game);
    const perCall = await tickCost(table, guardGame(game));
    const spanned = await tickCost(table, guardGame(game), (tick) => guardedSpan(tick, 1000, 'bench'));
    report({ name: `${game.id} tick, plain median`, value: round(plain.median), unit: 'µs' });
    report({ name: `${game.id} tick, each call guarded median`, value: round(perCall.median), unit: 'µs' });
    report({ name: `${game.id} tick, one guarded span median`, value: round(spanned.median), unit: 'µs' });
    report({
      name: 'isolation cost per tick (median)',
      value: round(spanned.median - plain.median),
      unit: 'µs',
      note: `as the real-time table runs it; ${round(perCall.median - plain.median)} µs with a guard per call; aim < 1000 on a Pi 4 (6% of a 60 Hz tick)`,
    });
  },
};

async function tickCost(table: TableSetup, game: AnyGame, around?: (tick: () => void) => void) {
  const { table: running, engine, clock } = benchEngine(table);
  running.play(game, { seed: 3 });
  const random = new Random(11);
  await timeTicks(engine, clock, WARM_UP, random);
  const cost = percentiles(await timeTicks(engine, clock, MEASURED, random, around));
  engine.stop();
  return cost;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
