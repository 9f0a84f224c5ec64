import type { Effect } from './effect.ts';

/** Trail fade per second (the share of light left after one second). */
const FADE_PER_SECOND = 0.02;

/**
 * Digital rain: in every column a bright head falls at its own speed leaving a fading trail,
 * then waits a random moment above the table before falling again. Heads read 1 (white in the
 * code palette), trails fade through green.
 */
export const matrixRain: Effect = {
  id: 'matrix',
  palette: 'code',
  create({ width, height, random }) {
    const head = new Float32Array(width);
    const speed = new Float32Array(width);
    const trail = new Float32Array(width * height);
    const restart = (x: number) => {
      head[x] = -random.float() * height * 1.5;
      speed[x] = 6 + random.float() * 10;
    };
    for (let x = 0; x < width; x++) {
      restart(x);
      head[x] = random.float() * height * 2 - height;
    }
    return (field, _t, dt) => {
      const keep = FADE_PER_SECOND ** dt;
      for (let i = 0; i < trail.length; i++) trail[i] = trail[i]! * keep;
      for (let x = 0; x < width; x++) {
        const from = head[x]!;
        const to = from + speed[x]! * dt;
        for (let y = Math.max(0, Math.ceil(from)); y <= Math.min(height - 1, Math.floor(to)); y++) {
          trail[y * width + x] = 0.85;
        }
        head[x] = to;
        if (to >= height + 2) restart(x);
      }
      field.set(trail);
      for (let x = 0; x < width; x++) {
        const y = Math.floor(head[x]!);
        if (y >= 0 && y < height) field[y * width + x] = 1;
      }
    };
  },
};
