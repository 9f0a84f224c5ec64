import { ManualClock } from '../../engine/clock.ts';
import type { AnyGame } from '../../engine/engine.ts';
import { Engine } from '../../engine/engine.ts';
import { Random } from '../../engine/random.ts';
import { BUTTONS } from '../../input/buttons.ts';
import { ColorPipeline } from '../../output/color-pipeline.ts';
import { NullDriver } from '../../output/null-driver.ts';
import { OutputStage } from '../../output/output-stage.ts';
import type { Table } from '../table-setup.ts';
import { type BenchSection, percentiles } from './section.ts';

const WARM_UP = 600;
const MEASURED = 3000;

/** An engine on the manual clock driving the full output pipeline into a null driver. */
export function benchEngine(table: Table): { engine: Engine; clock: ManualClock } {
  const clock = new ManualClock();
  const stage = new OutputStage(
    table.layout,
    [new NullDriver()],
    new ColorPipeline({ brightness: 80 }),
    () => {},
  );
  const engine = new Engine({ ...table.engineBase, clock, sink: stage, idleSeconds: 0, seed: 7 });
  engine.start();
  return { engine, clock };
}

/** Times each tick (input, update, draw, colour pipeline, layout, driver) in µs. */
export async function timeTicks(
  engine: Engine,
  clock: ManualClock,
  ticks: number,
  random?: Random,
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
    clock.step(1);
    samples.push((performance.now() - start) * 1000);
  }
  return samples;
}

/** Per-tick cost of the whole pipeline for the menu and for every game, on random input. */
export const ticksBench: BenchSection = {
  title: 'Per-tick cost of the whole pipeline (µs)',
  async run(table, report) {
    const menu = benchEngine(table);
    await timeTicks(menu.engine, menu.clock, WARM_UP);
    const menuCost = percentiles(await timeTicks(menu.engine, menu.clock, MEASURED));
    report({ name: 'menu median', value: round(menuCost.median), unit: 'µs', note: 'aim < 50' });
    report({ name: 'menu p99', value: round(menuCost.p99), unit: 'µs' });
    for (const game of table.catalog) {
      const cost = await gameCost(table, game);
      report({ name: `${game.id} median`, value: round(cost.median), unit: 'µs' });
      report({ name: `${game.id} p99`, value: round(cost.p99), unit: 'µs' });
    }
  },
};

async function gameCost(table: Table, game: AnyGame) {
  const { engine, clock } = benchEngine(table);
  engine.play(game, { seed: 3 });
  const random = new Random(11);
  await timeTicks(engine, clock, WARM_UP, random);
  return percentiles(await timeTicks(engine, clock, MEASURED, random));
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
