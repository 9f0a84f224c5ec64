import { type Effect, frac } from './effect.ts';

/** Four interfering sine waves (one radial), drifting through the palette: a pure function of (t, x, y). */
export const plasma: Effect = {
  id: 'plasma',
  palette: 'hue',
  cyclic: true,
  create({ width, height }) {
    const cx = (width - 1) / 2;
    const cy = (height - 1) / 2;
    return (field, t) => {
      for (let y = 0, i = 0; y < height; y++) {
        for (let x = 0; x < width; x++, i++) {
          const dx = x - cx + 4 * Math.sin(t * 0.37);
          const dy = y - cy + 3 * Math.cos(t * 0.29);
          const v =
            Math.sin(x * 0.33 + t) +
            Math.sin(y * 0.41 - t * 1.3) +
            Math.sin((x + y) * 0.23 + t * 0.7) +
            Math.sin(Math.sqrt(dx * dx + dy * dy) * 0.55 - t * 1.6);
          field[i] = frac(v * 0.125 + 0.5 + t * 0.05);
        }
      }
    };
  },
};
