import { type Effect, frac } from './effect.ts';

/**
 * The Misiurewicz point M(4,1) (the orbit of 0 lands on a repelling fixed point after four
 * steps), refined with Newton's method to double precision: a spiral that repeats at every
 * depth, and nearby points escape after a number of steps that grows only linearly with the
 * depth (about 130 at e^24), so the view never fills with "inside" and the cost stays flat.
 * (Seahorse Valley, the classic demo target, needs thousands of steps deep down and goes black.)
 */
const TARGET_RE = -0.10109636384562212;
const TARGET_IM = 0.9562865108091415;
/** Deepest zoom (natural log of the magnification): e^23 ≈ 1e10 stays far inside float64 precision. */
const MAX_DEPTH = 23;
/** Depth per second of effect time: a full dive takes about 40 s, then the zoom flies back out. */
const DIVE_RATE = 0.6;

/**
 * A Mandelbrot zoom that never stalls and never goes NaN: the depth runs as a triangle wave
 * between 0 and MAX_DEPTH (in, then out again), the iteration limit grows with the depth (64 at
 * the top, 248 at the bottom, twice what the target needs), smooth iteration counts colour the
 * outside and the inside is dark.
 */
export const fractal: Effect = {
  id: 'zoom',
  palette: 'lava',
  cyclic: true,
  create({ width, height }) {
    return (field, t) => {
      const phase = (t * DIVE_RATE) % (2 * MAX_DEPTH);
      const depth = phase < MAX_DEPTH ? phase : 2 * MAX_DEPTH - phase;
      const span = 3.2 * Math.exp(-depth); // width of the view in the complex plane
      const step = span / width;
      const limit = Math.min(400, Math.round(64 + depth * 8));
      const left = TARGET_RE - (step * (width - 1)) / 2;
      const top = TARGET_IM + (step * (height - 1)) / 2;
      for (let y = 0, i = 0; y < height; y++) {
        const ci = top - y * step;
        for (let x = 0; x < width; x++, i++) {
          const cr = left + x * step;
          let zr = 0;
          let zi = 0;
          let zr2 = 0;
          let zi2 = 0;
          let n = 0;
          while (n < limit && zr2 + zi2 <= 256) {
            zi = 2 * zr * zi + ci;
            zr = zr2 - zi2 + cr;
            zr2 = zr * zr;
            zi2 = zi * zi;
            n++;
          }
          if (n >= limit) {
            field[i] = -1; // inside the set: black
            continue;
          }
          const smooth = n + 1 - Math.log2(Math.log2(zr2 + zi2) / 2);
          field[i] = frac(smooth * 0.045 + t * 0.03);
        }
      }
    };
  },
};
