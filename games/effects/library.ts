import { aurora } from './aurora.ts';
import { caustics } from './caustics.ts';
import type { Effect } from './effect.ts';
import { fire } from './fire.ts';
import { fractal } from './fractal.ts';
import { hueWaves } from './hue-waves.ts';
import { matrixRain } from './matrix-rain.ts';
import { plasma } from './plasma.ts';
import { ripples } from './ripples.ts';
import { starfield } from './starfield.ts';

/** Every effect, in the order the app offers them. */
export const EFFECTS: readonly Effect[] = [
  plasma,
  fire,
  caustics,
  ripples,
  hueWaves,
  starfield,
  matrixRain,
  aurora,
  fractal,
];
