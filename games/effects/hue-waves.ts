import { type Effect, frac } from './effect.ts';

/** Diagonal bands of hue rolling across the table, bent by a slow vertical wave. Pure. */
export const hueWaves: Effect = {
  id: 'hues',
  palette: 'hue',
  cyclic: true,
  create({ width, height }) {
    return (field, t) => {
      for (let y = 0, i = 0; y < height; y++) {
        const bend = 0.12 * Math.sin(y * 0.45 + t * 0.9);
        for (let x = 0; x < width; x++, i++) {
          field[i] = frac(
            (x + y * 0.5) / (width * 1.5) + bend + 0.06 * Math.sin(x * 0.3 - t * 1.4) - t * 0.12,
          );
        }
      }
    };
  },
};
