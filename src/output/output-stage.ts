import type { Canvas } from '../gfx/canvas.ts';
import type { ColorPipeline } from './color-pipeline.ts';
import { isPreview, type LedDriver, type Output, type PreviewOutput } from './driver.ts';
import type { Layout } from './layout.ts';
import { StripMapper } from './strip-frame.ts';

/** Reports an output failure; called at most once per output per second of failures. */
export type DriverFailure = (output: Output, error: unknown) => void;

/** Sees every frame as people see it (row-major RGB, see PreviewOutput): the web live view. */
export type FrameTap = (seen: Readonly<Uint8Array>) => void;

/**
 * The engine's frame sink for real outputs. One direction, once per frame:
 *   canvas → brightness, gamma and current limit (the colour pipeline, in canvas order)
 *          → previews and taps (terminal, web live view): what the LEDs look like, row-major
 *          → layout (strip order) → every LED driver whose frame changed or needs a keep-alive.
 * One output failing never stops the others or the loop; failures are reported, throttled,
 * through `onFailure`. Buffers are allocated once.
 */
export class OutputStage {
  readonly drivers: readonly LedDriver[];
  readonly previews: readonly PreviewOutput[];
  private readonly taps = new Set<FrameTap>();
  private readonly mapper: StripMapper;
  private readonly lastReport = new Map<Output, number>();
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
      for (const preview of this.previews) this.attempt(preview, () => preview.show(this.seen));
      for (const tap of this.taps) tap(this.seen);
    }
    let strip: Uint8Array | undefined;
    this.drivers.forEach((driver, i) => {
      const keepAlive = driver.keepAliveMs;
      const due =
        changed ||
        (keepAlive !== undefined && (frameNo - this.lastSent[i]!) * (1000 / this.rate) >= keepAlive);
      if (!due) return;
      this.lastSent[i] = frameNo;
      strip ??= this.mapper.map(light);
      const bytes = strip;
      this.attempt(driver, () => driver.show(bytes));
    });
  }

  /** Blanks and closes every output; never throws (this runs on exit paths). */
  async close(): Promise<void> {
    await Promise.allSettled(this.outputs.map((output) => output.close()));
  }

  private attempt(output: Output, show: () => void | Promise<void>): void {
    try {
      const shown = show();
      if (shown instanceof Promise) shown.catch((error: unknown) => this.report(output, error));
    } catch (error) {
      this.report(output, error);
    }
  }

  private report(output: Output, error: unknown): void {
    const last = this.lastReport.get(output);
    if (last !== undefined && this.frames - last < this.rate) return;
    this.lastReport.set(output, this.frames);
    this.onFailure(output, error);
  }
}

function sameBytes(a: Readonly<Uint8Array>, b: Readonly<Uint8Array>): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
