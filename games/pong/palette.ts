import { type Color, PLAYER_COLORS } from '../../src/index.ts';

export const BALL_COLOR: Color = 0xffffff;
/** Left paddle and score (player 1), right paddle and score (player 2 or the computer). */
export const SIDE_COLORS: readonly [Color, Color] = [PLAYER_COLORS[0]!, PLAYER_COLORS[1]!];
