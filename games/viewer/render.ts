import type { Picture } from './decode.ts';
import { type FitMode, fitWindow } from './fit.ts';
import { areaResample } from './resample.ts';

/**
 * The picture's frames at table size for one fit mode: tw × th RGB each. Pixel art is already
 * at table size and is returned as is (shared with the cache: never write into these buffers).
 */
export function renderPicture(picture: Picture, tw: number, th: number, fit: FitMode): Uint8Array[] {
  if (picture.pixelArt) return [...picture.frames];
  const window = fitWindow(picture.width, picture.height, tw, th, fit, picture.focus);
  return picture.frames.map((frame) => {
    const out = new Uint8Array(tw * th * 3);
    areaResample(frame, picture.width, picture.height, window, tw, th, out);
    return out;
  });
}

/**
 * Frame delays in ms → whole ticks at `rate` ticks per second, at least 1 each. Rounds the
 * running total, so the animation's length stays right even when single frames round unevenly.
 */
export function delaysInTicks(delaysMs: readonly number[], rate: number): Int32Array {
  const out = new Int32Array(delaysMs.length);
  let totalMs = 0;
  let previousEnd = 0;
  delaysMs.forEach((ms, i) => {
    totalMs += ms;
    const end = Math.max(previousEnd + 1, Math.round((totalMs * rate) / 1000));
    out[i] = end - previousEnd;
    previousEnd = end;
  });
  return out;
}
