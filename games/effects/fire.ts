import type { Effect } from './effect.ts';

/** Heat steps per second of effect time; at most MAX_STEPS per frame, so a stall never bursts. */
const STEPS_PER_SECOND = 30;
const MAX_STEPS = 4;

/**
 * Flames: a heat grid one row taller than the table; the hidden bottom row gets random heat,
 * every cell rises as the average of the three cells below it, cooled a little on the way.
 */
export const fire: Effect = {
  id: 'fire',
  palette: 'fire',
  create({ width, height, random }) {
    const rows = height + 1;
    let heat = new Float32Array(width * rows);
    let next = new Float32Array(width * rows);
    let pending = 0;
    const step = () => {
      const base = height * width;
      for (let x = 0; x < width; x++)
        heat[base + x] = random.chance(0.55) ? 0.7 + random.float() * 0.3 : 0.05;
      for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) {
          const below = (y + 1) * width;
          const l = heat[below + (x > 0 ? x - 1 : x)]!;
          const c = heat[below + x]!;
          const r = heat[below + (x < width - 1 ? x + 1 : x)]!;
          const cooled = (l + c * 2 + r) / 4 - (0.035 + random.float() * 0.045) * (15 / height);
          next[y * width + x] = Math.max(cooled, 0);
        }
      }
      next.set(heat.subarray(base), base);
      const swap = heat;
      heat = next;
      next = swap;
    };
    for (let i = 0; i < height * 2; i++) step(); // start burning, not from a cold grid
    return (field, _t, dt) => {
      pending = Math.min(pending + dt * STEPS_PER_SECOND, MAX_STEPS);
      while (pending >= 1) {
        step();
        pending--;
      }
      for (let i = 0; i < width * height; i++) field[i] = Math.min(1, heat[i]! * 1.15);
    };
  },
};
