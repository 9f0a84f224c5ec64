import { type BenchSection, percentiles } from './section.ts';
import { benchEngine, timeTicks } from './ticks.ts';

/**
 * Cost per tick of each effect of the effects app (games/effects), through the whole pipeline
 * (update, draw, colour pipeline, layout, null driver), without input. Found by id in the
 * catalog: a games folder without it reports nothing. `ticks` sets the measured ticks (tests
 * use fewer).
 */
export function effectsBench(warmUp = 300, measured = 3000): BenchSection {
  return {
    title: 'Effects: cost per tick of each effect (µs)',
    async run(setup, report) {
      const app = setup.catalog.find((game) => game.id === 'effects');
      const effects = (app?.settings?.effect?.values ?? []) as readonly string[];
      for (const effect of effects) {
        const { table, engine, clock } = benchEngine(setup);
        table.play(app!, { seed: 3, settings: { effect, speed: 3 } });
        await timeTicks(engine, clock, warmUp);
        const cost = percentiles(await timeTicks(engine, clock, measured));
        report({ name: `${effect} median`, value: round(cost.median), unit: 'µs' });
        report({ name: `${effect} p99`, value: round(cost.p99), unit: 'µs' });
      }
    },
  };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
