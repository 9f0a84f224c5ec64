import { ManualClock } from '../engine/clock.ts';
import type { Engine } from '../engine/engine.ts';
import { type ScriptedEvent, ScriptedInput } from '../input/scripted-input.ts';
import { Table, type TableOptions } from './table.ts';

/**
 * One table on a manual clock, stepped tick by tick: scripted events land before their tick
 * (ticks counted from the stepper's start) and pending tasks settle before every tick, so the
 * same seed and input always give the same frames. Headless runs, replays, the idle playlist's
 * demos, the gallery, the benchmarks and the test Harness all run games through this one loop.
 */
export class Stepper {
  readonly clock = new ManualClock();
  readonly table: Table;
  readonly engine: Engine;
  /** Ticks stepped so far. */
  ticks = 0;
  private readonly script: ScriptedInput;

  constructor(options: Omit<TableOptions, 'clock'>, events: readonly ScriptedEvent[] = []) {
    this.table = new Table({ ...options, clock: this.clock });
    this.engine = this.table.engine;
    this.script = new ScriptedInput(events);
    this.engine.start();
  }

  /** Runs `ticks` ticks, waiting for pending tasks before each. */
  async step(ticks = 1): Promise<void> {
    for (let i = 0; i < ticks; i++) {
      if (this.engine.busy) await this.engine.settle();
      this.stepNow();
    }
  }

  /** Runs one tick without waiting for pending tasks (callers inside a real-time loop). */
  stepNow(): void {
    this.script.deliver(this.ticks, (event) => this.engine.input.push(event));
    this.ticks++;
    this.clock.step(1);
  }

  /** Stops the clock and disposes every scene. */
  stop(): void {
    this.engine.stop();
  }
}
