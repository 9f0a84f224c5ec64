import { runAtRest, runMode } from './child-runs.ts';
import { type BenchSection, percentiles, sized } from './section.ts';

const SECONDS = 30;
/**
 * Seconds each process runs before the window: the table at rest in a room has long finished
 * starting (module compiles, the JIT's first optimisations, V8 shrinking the start-up heap).
 */
const WARM_UP_SECONDS = 10;
/** The menu, Tetris left alone, Life (a new frame every tick) and the clock (the idle show's first app). */
const SCENES = ['menu', 'tetris', 'life', 'clock'] as const;

/**
 * What the table costs while nobody plays: CPU % of one core over 30 s at 25 and 60 Hz in the
 * menu, in Tetris left alone, in Life and in the clock app, each in a fresh process running the table as
 * `ledtable --output null` does (guarded games, watchdog, input watchers), after a warm-up;
 * tick interval p50/p99 (the clock's steadiness) and resident memory. The process runs compiled
 * when the bench does (`node dist/src/cli/start.js bench`), which is what the service runs.
 */
export const atRestBench: BenchSection = {
  title: 'Cost at rest (real time, --output null, 30 s each)',
  async run(_table, report, mode) {
    const seconds = sized(mode, SECONDS, 1);
    const how = runMode();
    for (const rate of [25, 60]) {
      for (const scene of sized(mode, 1, 0) ? SCENES : SCENES.slice(0, 1)) {
        const run = await runAtRest(scene, rate, seconds, 'null', sized(mode, WARM_UP_SECONDS, 1));
        const nominal = 1000 / rate;
        const interval = percentiles(run.intervals);
        report({
          name: `${scene} at ${rate} Hz: CPU`,
          value: Number(run.cpuPercent.toFixed(2)),
          unit: '% of a core',
          note: rate === 25 && (scene === 'menu' || scene === 'tetris') ? `aim ≤ 1.0; ${how}` : how,
        });
        report({
          name: `${scene} at ${rate} Hz: tick interval p50 / p99`,
          value: Number(interval.median.toFixed(2)),
          unit: 'ms',
          note: `p99 ${interval.p99.toFixed(2)} ms, nominal ${nominal.toFixed(2)}${rate === 60 ? ', aim p99 ≤ nominal + 2' : ''}`,
        });
        report({
          name: `${scene} at ${rate} Hz: resident memory`,
          value: Math.round(run.rss / 1024 / 1024),
          unit: 'MiB',
          note: 'aim ≤ 60 compiled',
        });
      }
    }
  },
};
