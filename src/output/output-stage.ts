import { describeError, type Logger } from '../engine/log.ts';
import type { Canvas } from '../gfx/canvas.ts';
import type { ColorPipeline } from './color-pipeline.ts';
import { isPreview, type LedDriver, type Output, OutputProblem, type PreviewOutput } from './driver.ts';
import type { Layout } from './layout.ts';
import { StripMapper } from './strip-frame.ts';

/**
 * Reports an output failure: at most once per output per second of failures, and at most once
 * a minute for an OutputProblem. `suppressed` counts the failures left out since the last report.
 */
export type DriverFailure = (output: Output, error: unknown, suppressed: number) => void;

/**
 * The usual DriverFailure: an OutputProblem is one warning line (with how often it recurred),
 * anything else an error with its stack.
 */
export function logDriverFailure(log: Logger): DriverFailure {
  return (output, error, suppressed) => {
    if (error instanceof OutputProblem) {
      const again = suppressed > 0 ? ` (${suppressed} more since the last report)` : '';
      log.warn(`${error.message}${again}`);
    } else {
      log.error(`output ${output.name} failed: ${describeError(error).message}`, error);
    }
  };
}

/** Sees every frame as people see it (row-major RGB, see PreviewOutput): the web live view. */
export type FrameTap = (seen: Readonly<Uint8Array>) => void;

/**
 * The engine's frame sink for real outputs. One direction, once per frame:
 *   canvas → brightness, gamma and current limit (the colour pipeline, in canvas order)
 *          → previews and taps (terminal, web live view): what the LEDs look like, row-major
 *          → layout (strip order) → every LED driver whose frame changed or needs a keep-alive
 *            (a driver with stage 'canvas', a recording, gets the canvas in strip order instead).
 * One output failing never stops the others or the loop; failures are reported, throttled,
 * through `onFailure`. Buffers are allocated once.
 */
export class OutputStage {
  readonly drivers: readonly LedDriver[];
  readonly previews: readonly PreviewOutput[];
  private readonly taps = new Set<FrameTap>();
  private readonly mapper: StripMapper;
  private readonly lastReport = new Map<Output, number>();
  private readonly suppressed = new Map<Output, number>();
  /** The canvas in strip order before the pipeline, for drivers with stage 'canvas' (only then). */
  private readonly drawn: Uint8Array | undefined;
  /** Corrected LED values in canvas order; the previous frame's, to see what changed. */
  private light: Uint8Array;
  private lastLight: Uint8Array;
  private readonly seen: Uint8Array;
  /** True when `seen` no longer matches the current frame (it changed while nobody looked). */
  private seenStale = true;
  /** Per LED driver: the frame number it was last sent a frame. */
  private readonly lastSent: number[];
  private frames = 0;

  constructor(
    layout: Layout,
    outputs: readonly Output[],
    readonly pipeline: ColorPipeline,
    private readonly onFailure: DriverFailure,
    private readonly rate = 60,
  ) {
    this.mapper = new StripMapper(layout);
    this.drivers = outputs.filter((output): output is LedDriver => !isPreview(output));
    this.previews = outputs.filter(isPreview);
    const bytes = layout.width * layout.height * 3;
    this.light = new Uint8Array(bytes);
    this.lastLight = new Uint8Array(bytes);
    this.seen = new Uint8Array(bytes);
    this.lastSent = this.drivers.map(() => -Infinity);
    if (this.drivers.some((driver) => driver.stage === 'canvas'))
      this.drawn = new Uint8Array(layout.ledCount * 3);
  }

  /** Every output, LED drivers first. */
  get outputs(): readonly Output[] {
    return [...this.drivers, ...this.previews];
  }

  /** Opens every output in order; the first failure is thrown (with its fix in the message). */
  async open(): Promise<void> {
    for (const output of this.outputs) await output.open();
  }

  /** Adds a tap that sees each frame as people see it; returns the function that removes it. */
  tap(tap: FrameTap): () => void {
    this.taps.add(tap);
    return () => this.taps.delete(tap);
  }

  show(frame: Canvas): void {
    const frameNo = this.frames++;
    const drawn = this.drawn;
    if (drawn) drawn.set(this.mapper.map(frame.pixels));
    const previous = this.lastLight;
    const light = previous;
    this.lastLight = this.light;
    this.light = light;
    light.set(frame.pixels);
    this.pipeline.apply(light);
    const changed = frameNo === 0 || !sameBytes(light, this.lastLight);
    if (changed) this.seenStale = true;
    if (this.previews.length > 0 || this.taps.size > 0) {
      if (this.seenStale) this.pipeline.display(light, this.seen);
      this.seenStale = false;
      for (const preview of this.previews) this.send(preview, this.seen);
      for (const tap of this.taps) tap(this.seen);
    }
    let strip: Uint8Array | undefined;
    for (let i = 0; i < this.drivers.length; i++) {
      const driver = this.drivers[i]!;
      const keepAlive = driver.keepAliveMs;
      const due =
        changed ||
        (keepAlive !== undefined && (frameNo - this.lastSent[i]!) * (1000 / this.rate) >= keepAlive);
      if (!due) continue;
      this.lastSent[i] = frameNo;
      strip ??= this.mapper.map(light);
      this.send(driver, driver.stage === 'canvas' && drawn ? drawn : strip);
    }
  }

  /** Blanks and closes every output; never throws (this runs on exit paths). */
  async close(): Promise<void> {
    await Promise.allSettled(this.outputs.map((output) => output.close()));
  }

  /** Shows a frame on one output (no closure per frame); failures are reported, never thrown. */
  private send(output: Output, frame: Readonly<Uint8Array>): void {
    try {
      const shown = output.show(frame);
      if (shown instanceof Promise) shown.catch((error: unknown) => this.report(output, error));
    } catch (error) {
      this.report(output, error);
    }
  }

  private report(output: Output, error: unknown): void {
    const last = this.lastReport.get(output);
    const window = error instanceof OutputProblem ? this.rate * 60 : this.rate;
    if (last !== undefined && this.frames - last < window) {
      this.suppressed.set(output, (this.suppressed.get(output) ?? 0) + 1);
      return;
    }
    this.lastReport.set(output, this.frames);
    const suppressed = this.suppressed.get(output) ?? 0;
    this.suppressed.set(output, 0);
    this.onFailure(output, error, suppressed);
  }
}

function sameBytes(a: Readonly<Uint8Array>, b: Readonly<Uint8Array>): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
