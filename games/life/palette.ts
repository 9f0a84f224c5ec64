import { blendLinear, type Color } from '../../src/index.ts';
import { MAX_AGE } from './grid.ts';

/**
 * Age → colour, chosen to read on LEDs (saturated hues, each step a clear hue change):
 * newborn pale cyan, young cyan → green, then yellow, orange, red, and long-lived cells
 * (still lifes) settle into a dim magenta so a stable block does not glare.
 */
export const AGE_STOPS: readonly (readonly [age: number, color: Color])[] = [
  [1, 0xa0ffff],
  [2, 0x00d0ff],
  [4, 0x00ff40],
  [10, 0xffd000],
  [25, 0xff5000],
  [60, 0xff0000],
  [150, 0x700050],
];

/** AGE_COLORS[age] for age 0..MAX_AGE (0 = dead = black), blended in linear light between stops. */
export const AGE_COLORS: Uint32Array = buildPalette();

function buildPalette(): Uint32Array {
  const colors = new Uint32Array(MAX_AGE + 1);
  for (let age = 1; age <= MAX_AGE; age++) {
    let color = AGE_STOPS[AGE_STOPS.length - 1]?.[1] ?? 0;
    for (let s = 0; s + 1 < AGE_STOPS.length; s++) {
      const [a0, c0] = AGE_STOPS[s] ?? [0, 0];
      const [a1, c1] = AGE_STOPS[s + 1] ?? [0, 0];
      if (age >= a0 && age < a1) {
        color = blendLinear(c0, c1, (age - a0) / (a1 - a0));
        break;
      }
    }
    colors[age] = color;
  }
  return colors;
}
