import { spawn } from 'node:child_process';
import { RealClock } from '../../engine/clock.ts';
import { ColorPipeline } from '../../output/color-pipeline.ts';
import { NullDriver } from '../../output/null-driver.ts';
import { OutputStage } from '../../output/output-stage.ts';
import { Table } from '../../table/table.ts';
import { type BenchSection, percentiles } from './section.ts';

const SECONDS = 10;
const RATE = 60;

/**
 * The real clock at 60 Hz for 10 s, running the menu through the whole output pipeline, while a
 * second process keeps the other core busy: achieved rate, interval jitter and CPU use.
 */
export const loopBench: BenchSection = {
  title: 'Real-time loop (60 Hz, 10 s, other core busy)',
  async run(table, report) {
    const busy = spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' });
    try {
      const stage = new OutputStage(
        table.layout,
        [new NullDriver()],
        new ColorPipeline({ brightness: 100 }),
        () => {},
      );
      const clock = new RealClock();
      const { engine } = new Table({
        ...table.tableBase,
        rate: RATE,
        clock,
        sink: stage,
        idleSeconds: 0,
        seed: 1,
      });
      const stamps: number[] = [];
      const cpuBefore = process.cpuUsage();
      const started = performance.now();
      await new Promise<void>((resolve) => {
        clock.start(RATE, (due) => {
          stamps.push(performance.now());
          engine.advance(due);
          if (performance.now() - started >= SECONDS * 1000) {
            clock.stop();
            resolve();
          }
        });
      });
      const elapsed = performance.now() - started;
      const cpu = process.cpuUsage(cpuBefore);
      const expected = (stamps.length > 0 ? stamps[stamps.length - 1]! - started : elapsed) / (1000 / RATE);
      const intervals = stamps.slice(1).map((t, i) => Math.abs(t - stamps[i]! - 1000 / RATE));
      const jitter = percentiles(intervals);
      report({
        name: 'ticks run',
        value: stamps.length,
        unit: 'ticks',
        note: `expected ${Math.floor(expected)}`,
      });
      report({
        name: 'achieved rate error',
        value: round((Math.abs(stamps.length - expected) / expected) * 100, 3),
        unit: '%',
        note: 'aim < 0.1',
      });
      report({ name: 'interval jitter p50', value: round(jitter.median, 3), unit: 'ms' });
      report({ name: 'interval jitter p99', value: round(jitter.p99, 3), unit: 'ms', note: 'aim < 2' });
      report({ name: 'ticks dropped after stalls', value: clock.dropped, unit: 'ticks' });
      report({
        name: 'CPU use of the process',
        value: round(((cpu.user + cpu.system) / 1000 / elapsed) * 100, 2),
        unit: '%',
      });
    } finally {
      busy.kill('SIGKILL');
    }
  },
};

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
