import { type Effect, frac } from './effect.ts';

/** Four interfering sine waves (one radial), drifting through the palette: a pure function of (t, x, y). */
export const plasma: Effect = {
  id: 'plasma',
  palette: 'hue',
  cyclic: true,
  create({ width, height }) {
    const cx = (width - 1) / 2;
    const cy = (height - 1) / 2;
    // the three plane waves depend on x, y or x + y alone: one row of sines each per frame
    const waveX = new Float64Array(width);
    const waveY = new Float64Array(height);
    const waveXY = new Float64Array(width + height);
    return (field, t) => {
      for (let x = 0; x < width; x++) waveX[x] = Math.sin(x * 0.33 + t);
      for (let y = 0; y < height; y++) waveY[y] = Math.sin(y * 0.41 - t * 1.3);
      for (let s = 0; s < width + height; s++) waveXY[s] = Math.sin(s * 0.23 + t * 0.7);
      const ox = -cx + 4 * Math.sin(t * 0.37);
      const oy = -cy + 3 * Math.cos(t * 0.29);
      for (let y = 0, i = 0; y < height; y++) {
        const dy = y + oy;
        for (let x = 0; x < width; x++, i++) {
          const dx = x + ox;
          const v =
            waveX[x]! + waveY[y]! + waveXY[x + y]! + Math.sin(Math.sqrt(dx * dx + dy * dy) * 0.55 - t * 1.6);
          field[i] = frac(v * 0.125 + 0.5 + t * 0.05);
        }
      }
    };
  },
};
