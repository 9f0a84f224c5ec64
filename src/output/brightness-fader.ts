/** The colour pipeline's live brightness (ColorPipeline implements it). */
export interface BrightnessSink {
  setBrightness(percent: number): void;
  readonly lastMilliamps?: number | undefined;
}

/**
 * Brightness that fades instead of jumping: setBrightness() (the settings screen) and the night
 * factor only set targets; frame() moves the pipeline's brightness towards target × factor at
 * `percentPerSecond` (full range in about a second by default), rebuilding its lookup table only
 * while a fade runs. Stands in for the pipeline wherever the table's controls set brightness.
 */
export class BrightnessFader implements BrightnessSink {
  private target: number;
  private factor = 1;
  private shown: number;
  private lastMs: number | undefined;

  constructor(
    private readonly pipeline: BrightnessSink,
    percent: number,
    private readonly percentPerSecond = 100,
  ) {
    this.target = percent;
    this.shown = percent;
    pipeline.setBrightness(percent);
  }

  get lastMilliamps(): number | undefined {
    return this.pipeline.lastMilliamps;
  }

  /** The owner's brightness (0..100 %), reached by fading. */
  setBrightness(percent: number): void {
    this.target = Math.min(100, Math.max(0, percent));
  }

  /** A share of the owner's brightness (0..1): the night schedule's dimming. */
  setFactor(factor: number): void {
    this.factor = Math.min(1, Math.max(0, factor));
  }

  /** The brightness the LEDs show now, %. */
  get current(): number {
    return this.shown;
  }

  /** Called once per frame with the wall clock (ms): one step of the fade. */
  frame(ms: number): void {
    const elapsed = this.lastMs === undefined ? 0 : Math.min(1000, Math.max(0, ms - this.lastMs));
    this.lastMs = ms;
    const goal = this.target * this.factor;
    if (this.shown === goal) return;
    const step = (this.percentPerSecond * elapsed) / 1000;
    this.shown =
      Math.abs(goal - this.shown) <= step ? goal : this.shown + Math.sign(goal - this.shown) * step;
    this.pipeline.setBrightness(this.shown);
  }
}
