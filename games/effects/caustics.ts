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
    return (field, t) => {
      for (let y = 0, i = 0; y < height; y++) {
        for (let x = 0; x < width; x++, i++) {
          const sx = x * scale;
          const sy = y * scale;
          const u = sx * 0.42 + 0.9 * Math.sin(sy * 0.31 + t * 0.55);
          const v = sy * 0.42 + 0.9 * Math.sin(sx * 0.27 - t * 0.45);
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
