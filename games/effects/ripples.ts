import type { Effect } from './effect.ts';

const DROPS = 8;
/** Seconds a ring lives, and its speed in pixels per second. */
const LIFE = 2.6;
const RING_SPEED = 5;

/**
 * Rain on a pond: drops land at random places about twice a second; each spreads a ring that
 * widens and fades. A fixed pool of drops (no allocation); the field is still water plus rings.
 */
export const ripples: Effect = {
  id: 'rain',
  palette: 'sea',
  create({ width, height, random }) {
    const dropX = new Float32Array(DROPS);
    const dropY = new Float32Array(DROPS);
    const age = new Float32Array(DROPS).fill(LIFE);
    let next = 0;
    let untilDrop = 0;
    return (field, t, dt) => {
      untilDrop -= dt;
      if (untilDrop <= 0) {
        dropX[next] = random.float() * width;
        dropY[next] = random.float() * height;
        age[next] = 0;
        next = (next + 1) % DROPS;
        untilDrop = 0.25 + random.float() * 0.5;
      }
      for (let d = 0; d < DROPS; d++) age[d] = Math.min(LIFE, age[d]! + dt);
      for (let y = 0, i = 0; y < height; y++) {
        for (let x = 0; x < width; x++, i++) {
          let v = 0.18 + 0.05 * Math.sin(x * 0.5 + t * 0.7) * Math.sin(y * 0.6 - t * 0.5);
          for (let d = 0; d < DROPS; d++) {
            const a = age[d]!;
            if (a >= LIFE) continue;
            const dx = x - dropX[d]!;
            const dy = y - dropY[d]!;
            const off = Math.sqrt(dx * dx + dy * dy) - a * RING_SPEED;
            if (off < -2.5 || off > 1.5) continue;
            const fade = 1 - a / LIFE;
            v += fade * fade * (off > 0 ? 1 - off / 1.5 : Math.cos(off * 1.9) * Math.exp(off * 0.6) * 0.8);
          }
          field[i] = v;
        }
      }
    };
  },
};
