import type { Picture } from './decode.ts';
import { type FitMode, fitWindow } from './fit.ts';
import { areaResample } from './resample.ts';

/**
 * Each picture's renderings, by size and fit mode, for as long as the picture is kept: flipping
 * back to a picture or cycling the fit modes costs no second resample (a few ms per frame on a
 * Pi, an animation's every frame at once).
 */
const rendered = new WeakMap<Picture, Map<string, readonly Uint8Array[]>>();

/**
 * The picture's frames at table size for one fit mode: tw × th RGB each. Pixel art is already
 * at table size and is returned as is. The buffers are shared (with the decoder's cache and
 * between calls): never write into them.
 */
export function renderPicture(picture: Picture, tw: number, th: number, fit: FitMode): readonly Uint8Array[] {
  if (picture.pixelArt) return picture.frames;
  let byMode = rendered.get(picture);
  if (!byMode) {
    byMode = new Map();
    rendered.set(picture, byMode);
  }
  const key = `${tw}x${th} ${fit}`;
  const known = byMode.get(key);
  if (known) return known;
  const window = fitWindow(picture.width, picture.height, tw, th, fit, picture.focus);
  const frames = picture.frames.map((frame) => {
    const out = new Uint8Array(tw * th * 3);
    areaResample(frame, picture.width, picture.height, window, tw, th, out);
    return out;
  });
  byMode.set(key, frames);
  return frames;
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
