import { describeError, type Logger } from '../engine/log.ts';
import type { Canvas } from '../gfx/canvas.ts';
import type { ColorPipeline } from './color-pipeline.ts';
import { type LedDriver, OutputProblem } from './driver.ts';
import type { Layout } from './layout.ts';
import { StripMapper } from './strip-frame.ts';

/**
 * Reports a driver failure: at most once per driver per second of failures, and at most once a
 * minute for an OutputProblem. `suppressed` counts the failures left out since the last report.
 */
export type DriverFailure = (driver: LedDriver, error: unknown, suppressed: number) => void;

/**
 * The usual DriverFailure: an OutputProblem is one warning line (with how often it recurred),
 * anything else an error with its stack.
 */
export function logDriverFailure(log: Logger): DriverFailure {
  return (driver, error, suppressed) => {
    if (error instanceof OutputProblem) {
      const again = suppressed > 0 ? ` (${suppressed} more since the last report)` : '';
      log.warn(`${error.message}${again}`);
    } else {
      log.error(`output ${driver.name} failed: ${describeError(error).message}`, error);
    }
  };
}

/**
 * The engine's frame sink for real outputs: canvas → strip order (layout) → colour pipeline →
 * every driver (drivers with stage 'canvas' get the strip before the pipeline). One driver failing never stops the others or the loop; failures are reported,
 * throttled, through `onFailure`.
 */
export class OutputStage {
  private readonly mapper: StripMapper;
  private readonly lastReport = new Map<LedDriver, number>();
  private readonly suppressed = new Map<LedDriver, number>();
  private frames = 0;
  /** The strip before the colour pipeline, for drivers with stage 'canvas' (allocated once, only then). */
  private readonly drawn: Uint8Array | undefined;

  constructor(
    layout: Layout,
    readonly drivers: readonly LedDriver[],
    readonly pipeline: ColorPipeline,
    private readonly onFailure: DriverFailure,
    private readonly rate = 60,
  ) {
    this.mapper = new StripMapper(layout);
    if (drivers.some((driver) => driver.stage === 'canvas')) this.drawn = new Uint8Array(layout.ledCount * 3);
  }

  /** Opens every driver in order; the first failure is thrown (with its fix in the message). */
  async open(): Promise<void> {
    for (const driver of this.drivers) await driver.open();
  }

  show(frame: Canvas): void {
    this.frames++;
    const strip = this.mapper.map(frame.pixels);
    const drawn = this.drawn;
    if (drawn) drawn.set(strip);
    this.pipeline.apply(strip);
    for (const driver of this.drivers) {
      try {
        const shown = driver.show(driver.stage === 'canvas' && drawn ? drawn : strip);
        if (shown instanceof Promise) shown.catch((error: unknown) => this.report(driver, error));
      } catch (error) {
        this.report(driver, error);
      }
    }
  }

  /** Blanks and closes every driver; never throws (this runs on exit paths). */
  async close(): Promise<void> {
    await Promise.allSettled(this.drivers.map((driver) => driver.close()));
  }

  private report(driver: LedDriver, error: unknown): void {
    const last = this.lastReport.get(driver);
    const window = error instanceof OutputProblem ? this.rate * 60 : this.rate;
    if (last !== undefined && this.frames - last < window) {
      this.suppressed.set(driver, (this.suppressed.get(driver) ?? 0) + 1);
      return;
    }
    this.lastReport.set(driver, this.frames);
    const suppressed = this.suppressed.get(driver) ?? 0;
    this.suppressed.set(driver, 0);
    this.onFailure(driver, error, suppressed);
  }
}
