import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { type FrameImageOptions, frameToImage } from './frame-image.ts';
import { loadSharp } from './load-sharp.ts';

/** A frame to capture: RGB bytes (3 per pixel, rows from the top), e.g. a Canvas. */
export interface FrameLike {
  readonly width: number;
  readonly height: number;
  readonly pixels: Uint8Array;
}

/**
 * Writes one frame as a PNG, scaled up with hard edges (or LED dots). Creates the folder if
 * needed. Copies the frame first, so the caller may keep drawing into it.
 */
export async function writePng(
  file: string,
  frame: FrameLike,
  options: FrameImageOptions = {},
): Promise<void> {
  const image = frameToImage(frame.pixels, frame.width, frame.height, options);
  await mkdir(dirname(file), { recursive: true });
  const sharp = await loadSharp();
  await sharp(image.data, { raw: { width: image.width, height: image.height, channels: 3 } })
    .png({ compressionLevel: 9, palette: false })
    .toFile(file);
}
