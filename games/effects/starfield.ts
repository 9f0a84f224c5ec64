import type { Effect } from './effect.ts';

const STARS = 48;
/** Depth units per second the viewer flies forward (stars start at depth 1). */
const FLIGHT = 0.45;

/**
 * Flying through stars: each star has a position in [-1, 1]² at a depth in (0, 1]; it is drawn
 * at its perspective projection, brighter as it comes closer, with a short streak, and is
 * reborn far away when it passes the viewer or leaves the table.
 */
export const starfield: Effect = {
  id: 'stars',
  palette: 'mono',
  create({ width, height, random }) {
    const sx = new Float32Array(STARS);
    const sy = new Float32Array(STARS);
    const sz = new Float32Array(STARS);
    const cx = (width - 1) / 2;
    const cy = (height - 1) / 2;
    const lens = Math.max(width, height) * 0.5;
    const reborn = (s: number, depth: number) => {
      sx[s] = random.float() * 2 - 1;
      sy[s] = random.float() * 2 - 1;
      sz[s] = depth;
    };
    for (let s = 0; s < STARS; s++) reborn(s, 0.05 + random.float() * 0.95);
    const plot = (x: number, y: number, v: number, field: Float32Array) => {
      const ix = Math.round(x);
      const iy = Math.round(y);
      if (ix < 0 || iy < 0 || ix >= width || iy >= height) return;
      const i = iy * width + ix;
      if (field[i]! < v) field[i] = v;
    };
    return (field, _t, dt) => {
      field.fill(0);
      for (let s = 0; s < STARS; s++) {
        const z = sz[s]! - dt * FLIGHT;
        const x = cx + (sx[s]! / z) * lens;
        const y = cy + (sy[s]! / z) * lens;
        if (z <= 0.03 || x < -1 || y < -1 || x > width || y > height) {
          reborn(s, 1);
          continue;
        }
        sz[s] = z;
        const light = Math.min(1, (1 - z) * 1.25);
        plot(x, y, light, field);
        // the streak: where the star was a moment ago, dimmer
        const z0 = Math.min(1, z + 0.06);
        plot(cx + (sx[s]! / z0) * lens, cy + (sy[s]! / z0) * lens, light * 0.4, field);
      }
    };
  },
};
