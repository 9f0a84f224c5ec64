import { type Color, dim, PLAYER_COLORS } from '../../src/index.ts';

/** Food is white: no player colour is close to it. */
export const FOOD_COLOR: Color = 0xffffff;
/** Snake i's head is PLAYER_COLORS[i] at full brightness… */
export const HEAD_COLORS: readonly Color[] = PLAYER_COLORS;
/** …and its body the same colour at 60 % brightness, so heads stand out. */
export const BODY_COLORS: readonly Color[] = PLAYER_COLORS.map((c) => dim(c, 0.6));
