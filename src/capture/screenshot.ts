import { join } from 'node:path';
import type { FrameImageOptions } from './frame-image.ts';
import { type FrameLike, writePng } from './png.ts';

/** `ledtable-2024-05-01-143012-345.png`: sortable, unique enough for a key press. */
export function screenshotName(at: Date): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return (
    `ledtable-${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}-` +
    `${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}-${pad(at.getMilliseconds(), 3)}.png`
  );
}

/**
 * Saves the frame as a PNG in `<dir>/screenshots/` and resolves with its path. The frame is
 * copied at once, so the loop may draw the next one while the file is written.
 */
export async function saveScreenshot(
  frame: FrameLike,
  dir: string,
  options: FrameImageOptions,
  at: Date = new Date(),
): Promise<string> {
  const copy = { width: frame.width, height: frame.height, pixels: frame.pixels.slice() };
  const file = join(dir, 'screenshots', screenshotName(at));
  await writePng(file, copy, options);
  return file;
}
