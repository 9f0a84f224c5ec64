import { START_LENGTH } from './board.ts';

/** Seconds per step at the start length, the fastest pace, and the gain per cell of length. */
const SLOWEST = 0.2;
const FASTEST = 0.075;
const SPEEDUP = 0.006;

/**
 * Seconds between two steps when the longest live snake is `length` cells long: 0.2 s at the
 * start, 6 ms less for each cell gained, never under 0.075 s (reached at length 24).
 */
export function stepSeconds(length: number): number {
  return Math.max(FASTEST, SLOWEST - SPEEDUP * Math.max(0, length - START_LENGTH));
}
