import type { Effect } from './effect.ts';

/** Heat steps per second of effect time; at most MAX_STEPS per frame, so a stall never bursts. */
const STEPS_PER_SECOND = 30;
const MAX_STEPS = 4;

/**
 * Flames (the Doom fire): a heat grid one row taller than the table; the hidden bottom row is
 * hot, and every step each cell takes the heat of a cell below it (straight down or one to the
 * side, at random) minus a random loss, so tongues rise, sway and flicker.
 */
export const fire: Effect = {
  id: 'fire',
  palette: 'fire',
  create({ width, height, random }) {
    const rows = height + 1;
    let heat = new Float32Array(width * rows);
    let next = new Float32Array(width * rows);
    let pending = 0;
    const decay = 2.4 / height; // heat lost per row at most: flames reach about two thirds up
    const step = () => {
      const base = height * width;
      for (let x = 0; x < width; x++) heat[base + x] = 0.75 + random.float() * 0.25;
      for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) {
          const from = Math.min(width - 1, Math.max(0, x + random.int(3) - 1));
          const cooled = heat[(y + 1) * width + from]! - random.float() * decay;
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
