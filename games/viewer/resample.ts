import type { FitWindow } from './fit.ts';
import { TO_LINEAR, toSrgb } from './linear.ts';

/** One axis of an area-averaging filter: which source pixels each target pixel covers, and how much. */
interface AxisWeights {
  /** First source index per target pixel. */
  readonly first: Int32Array;
  /** Offset into `weights` per target pixel; count = offset[d + 1] − offset[d]. */
  readonly offset: Int32Array;
  /** Covered length of each source pixel (0..1 source pixels). */
  readonly weights: Float32Array;
}

function axisWeights(targetLength: number, sourceLength: number, origin: number, step: number): AxisWeights {
  const first = new Int32Array(targetLength);
  const offset = new Int32Array(targetLength + 1);
  const list: number[] = [];
  for (let d = 0; d < targetLength; d++) {
    const a = origin + d * step;
    const b = a + step;
    const lo = Math.max(0, Math.floor(a));
    const hi = Math.min(sourceLength, Math.ceil(b));
    first[d] = lo;
    offset[d] = list.length;
    for (let i = lo; i < hi; i++) {
      // Positive for every i in [lo, hi): the interval [a, b) overlaps each of these pixels.
      list.push(Math.min(b, i + 1) - Math.max(a, i));
    }
  }
  offset[targetLength] = list.length;
  return { first, offset, weights: Float32Array.from(list) };
}

/**
 * Area-averages the source window onto a tw × th target in linear light: each target pixel
 * gets the mean light of the source area it covers; parts of that area outside the source count
 * as black. `src` is sw × sh RGB (3 bytes per pixel, sRGB); `out` receives tw × th RGB.
 */
export function areaResample(
  src: Uint8Array,
  sw: number,
  sh: number,
  win: FitWindow,
  tw: number,
  th: number,
  out: Uint8Array,
): void {
  const wx = axisWeights(tw, sw, win.x0, win.sx);
  const wy = axisWeights(th, sh, win.y0, win.sy);
  const norm = 1 / (win.sx * win.sy);
  for (let y = 0; y < th; y++) {
    const y0 = wy.first[y] ?? 0;
    const yStart = wy.offset[y] ?? 0;
    const yEnd = wy.offset[y + 1] ?? 0;
    for (let x = 0; x < tw; x++) {
      const x0 = wx.first[x] ?? 0;
      const xStart = wx.offset[x] ?? 0;
      const xEnd = wx.offset[x + 1] ?? 0;
      let r = 0;
      let g = 0;
      let b = 0;
      for (let j = yStart; j < yEnd; j++) {
        const rowWeight = wy.weights[j] ?? 0;
        const row = (y0 + j - yStart) * sw;
        for (let i = xStart; i < xEnd; i++) {
          const w = rowWeight * (wx.weights[i] ?? 0);
          const p = (row + x0 + i - xStart) * 3;
          r += w * (TO_LINEAR[src[p] ?? 0] ?? 0);
          g += w * (TO_LINEAR[src[p + 1] ?? 0] ?? 0);
          b += w * (TO_LINEAR[src[p + 2] ?? 0] ?? 0);
        }
      }
      const o = (y * tw + x) * 3;
      out[o] = toSrgb(r * norm);
      out[o + 1] = toSrgb(g * norm);
      out[o + 2] = toSrgb(b * norm);
    }
  }
}

/**
 * Pixel art: a sw × sh source that is exactly k times the target in both directions keeps its
 * hard edges: each target pixel takes the centre pixel of its k × k block.
 */
export function nearestResample(src: Uint8Array, sw: number, tw: number, th: number, out: Uint8Array): void {
  const k = sw / tw;
  const half = Math.floor(k / 2);
  for (let y = 0; y < th; y++) {
    for (let x = 0; x < tw; x++) {
      const p = ((y * k + half) * sw + x * k + half) * 3;
      const o = (y * tw + x) * 3;
      out[o] = src[p] ?? 0;
      out[o + 1] = src[p + 1] ?? 0;
      out[o + 2] = src[p + 2] ?? 0;
    }
  }
}
