import type { Effect } from './effect.ts';

/**
 * Northern lights: two curtains whose lower edges wave slowly across the table, bright at the
 * edge and fading upwards, with fine vertical rays shimmering through them. Pure.
 */
export const aurora: Effect = {
  id: 'aurora',
  palette: 'polar',
  create({ width, height }) {
    const h = height / 15;
    return (field, t) => {
      for (let x = 0; x < width; x++) {
        const edge1 = h * (7 + 2.5 * Math.sin(x * 0.31 + t * 0.5) + 1.5 * Math.sin(x * 0.83 - t * 0.9));
        const edge2 = h * (10 + 2 * Math.sin(x * 0.23 - t * 0.4 + 2) + Math.sin(x * 0.61 + t * 1.1));
        const rays = 0.65 + 0.35 * Math.sin(x * 1.9 + t * 2.3) * Math.sin(x * 0.7 - t * 1.7);
        const glow = 0.75 + 0.25 * Math.sin(x * 0.17 + t * 0.3);
        for (let y = 0; y < height; y++) {
          const d1 = edge1 - y; // > 0 above the edge
          const d2 = edge2 - y;
          const c1 = d1 < -1 ? 0 : d1 < 0 ? 1 + d1 : Math.exp(-d1 / (3.5 * h));
          const c2 = d2 < -1 ? 0 : d2 < 0 ? 1 + d2 : Math.exp(-d2 / (2.5 * h));
          field[y * width + x] = Math.min(1, (c1 * 0.9 + c2 * 0.55) * rays * glow * 1.35);
        }
      }
    };
  },
};
