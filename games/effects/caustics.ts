import type { Effect } from './effect.ts';

/**
 * Sunlight through a rippled surface onto a pool floor: three travelling waves over warped
 * coordinates; where their sum crosses zero the light gathers into thin bright lines (a ridge
 * raised to the 5th power) over a dim blue floor. A pure function of (t, x, y).
 */
export const caustics: Effect = {
  id: 'water',
  palette: 'sea',
  create({ width, height }) {
    const scale = 20 / Math.max(width, 1);
    // the warps depend on one coordinate each: a row and a column of sines per frame
    const warpU = new Float64Array(height);
    const warpV = new Float64Array(width);
    return (field, t) => {
      for (let y = 0; y < height; y++) warpU[y] = 0.9 * Math.sin(y * scale * 0.31 + t * 0.55);
      for (let x = 0; x < width; x++) warpV[x] = 0.9 * Math.sin(x * scale * 0.27 - t * 0.45);
      for (let y = 0, i = 0; y < height; y++) {
        const sy = y * scale;
        for (let x = 0; x < width; x++, i++) {
          const u = x * scale * 0.42 + warpU[y]!;
          const v = sy * 0.42 + warpV[x]!;
          const a = Math.sin(u + t * 0.8);
          const b = Math.sin(v - t * 0.7);
          const c = Math.sin((u + v) * 0.7 + t * 0.5);
          const ridge = 1 - Math.abs(a + b + c) / 3;
          const r2 = ridge * ridge;
          field[i] = 0.18 + 0.82 * r2 * r2 * ridge;
        }
      }
    };
  },
};
