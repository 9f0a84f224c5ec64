import type { Canvas } from '../gfx/canvas.ts';
import type { ColorPipeline } from './color-pipeline.ts';
import type { LedDriver } from './driver.ts';
import type { Layout } from './layout.ts';
import { StripMapper } from './strip-frame.ts';

/** Reports a driver failure; called at most once per driver per second of failures. */
export type DriverFailure = (driver: LedDriver, error: unknown) => void;

/**
 * The engine's frame sink for real outputs: canvas → strip order (layout) → colour pipeline →
 * every driver (drivers with stage 'canvas' get the strip before the pipeline). One driver failing never stops the others or the loop; failures are reported,
 * throttled, through `onFailure`.
 */
export class OutputStage {
  private readonly mapper: StripMapper;
  private readonly lastReport = new Map<LedDriver, number>();
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
    if (last !== undefined && this.frames - last < this.rate) return;
    this.lastReport.set(driver, this.frames);
    this.onFailure(driver, error);
  }
}
