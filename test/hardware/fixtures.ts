import { Canvas } from '../../src/gfx/canvas.ts';
import { ColorPipeline } from '../../src/output/color-pipeline.ts';
import type { LedDriver } from '../../src/output/driver.ts';
import { compileLayout, DEFAULT_LAYOUT } from '../../src/output/layout.ts';
import { OutputStage } from '../../src/output/output-stage.ts';

/** A canvas where pixel (x, y) is 0xXXYY01: its position can be read back from the LED. */
export function positionCanvas(width: number, height: number): Canvas {
  const canvas = new Canvas(width, height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) canvas.set(x, y, (x << 16) | (y << 8) | 1);
  return canvas;
}

/** The stage as the CLI builds it, with a pipeline that leaves colours alone. */
export function plainStage(driver: LedDriver): OutputStage {
  const layout = compileLayout(20, 15, DEFAULT_LAYOUT);
  const pipeline = new ColorPipeline({ brightness: 100, gamma: 1, budgetMilliamps: 0 });
  return new OutputStage(layout, [driver], pipeline, (_d, error) => {
    throw error;
  });
}

/** LED index of pixel (x, y) on the default 20×15 table, per the issue. */
export const ledOf = (x: number, y: number) => (x % 2 === 0 ? x * 15 + y : x * 15 + 14 - y);
