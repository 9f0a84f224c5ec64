import type { ManualClock } from '../../engine/clock.ts';
import type { Engine } from '../../engine/engine.ts';
import type { AnyGame } from '../../engine/game.ts';
import { Random } from '../../engine/random.ts';
import { BUTTONS } from '../../input/buttons.ts';
import { ColorPipeline } from '../../output/color-pipeline.ts';
import { NullDriver } from '../../output/null-driver.ts';
import { OutputStage } from '../../output/output-stage.ts';
import { Stepper } from '../../table/stepper.ts';
import type { Table } from '../../table/table.ts';
import type { TableSetup } from '../table-setup.ts';
import { type BenchSection, percentiles, sized } from './section.ts';

const WARM_UP = 600;
const MEASURED = 3000;

/** A table on the manual clock driving the full output pipeline into a null driver. */
export function benchEngine(setup: TableSetup): { table: Table; engine: Engine; clock: ManualClock } {
  const stage = new OutputStage(
    setup.layout,
    [new NullDriver()],
    new ColorPipeline({ brightness: 80 }),
    () => {},
  );
  const { table, engine, clock } = new Stepper({ ...setup.tableBase, sink: stage, idleSeconds: 0, seed: 7 });
  return { table, engine, clock };
}

/**
 * Times each tick (input, update, draw, colour pipeline, layout, driver) in µs; `around` runs
 * each one (the real table's guarded span, say).
 */
export async function timeTicks(
  engine: Engine,
  clock: ManualClock,
  ticks: number,
  random?: Random,
  around: (tick: () => void) => void = (tick) => tick(),
): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < ticks; i++) {
    if (random?.chance(0.2))
      engine.input.push({
        player: random.int(2),
        button: random.pick(BUTTONS.slice(0, 6)),
        down: random.chance(0.5),
      });
    if (engine.busy) await engine.settle();
    const start = performance.now();
    around(() => clock.step(1));
    samples.push((performance.now() - start) * 1000);
  }
  return samples;
}

/** Per-tick cost of the whole pipeline for the menu and for every game, on random input. */
export const ticksBench: BenchSection = {
  title: 'Per-tick cost of the whole pipeline (µs)',
  async run(table, report, mode) {
    const measured = sized(mode, MEASURED, 100);
    const menu = benchEngine(table);
    await timeTicks(menu.engine, menu.clock, WARM_UP);
    const menuCost = percentiles(await timeTicks(menu.engine, menu.clock, measured));
    report({ name: 'menu median', value: round(menuCost.median), unit: 'µs', note: 'aim < 50' });
    report({ name: 'menu p99', value: round(menuCost.p99), unit: 'µs' });
    for (const game of table.catalog) {
      const cost = await gameCost(table, game, measured);
      report({ name: `${game.id} median`, value: round(cost.median), unit: 'µs' });
      report({ name: `${game.id} p99`, value: round(cost.p99), unit: 'µs' });
    }
  },
};

async function gameCost(table: TableSetup, game: AnyGame, measured: number) {
  const { table: running, engine, clock } = benchEngine(table);
  running.play(game, { seed: 3 });
  const random = new Random(11);
  await timeTicks(engine, clock, WARM_UP, random);
  return percentiles(await timeTicks(engine, clock, measured, random));
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
