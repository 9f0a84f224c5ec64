import type { Graphics } from './graphics.ts';

/** Eight dots on a small ring around the centre, in order. */
const RING: readonly (readonly [number, number])[] = [
  [0, -2],
  [1, -1],
  [2, 0],
  [1, 1],
  [0, 2],
  [-1, 1],
  [-2, 0],
  [-1, -1],
];

/**
 * "Loading…": clears the frame and draws a ring of eight dots around the centre, one bright and
 * a fading tail, turning one step every 4 ticks. A pure function of `tick`.
 */
export function drawSpinner(g: Graphics, tick: number): void {
  g.clear();
  const cx = Math.floor(g.width / 2);
  const cy = Math.floor(g.height / 2);
  const lead = Math.floor(tick / 4) % RING.length;
  for (let i = 0; i < RING.length; i++) {
    const [dx, dy] = RING[i]!;
    const age = (lead - i + RING.length) % RING.length;
    const level = Math.max(0, 255 - age * 60);
    g.set(cx + dx, cy + dy, (level << 16) | (level << 8) | level);
  }
}
