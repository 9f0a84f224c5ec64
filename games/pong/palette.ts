import { type Color, PLAYER_COLORS } from '../../src/index.ts';

export const BALL_COLOR: Color = 0xffffff;
/** The ball pulses down to this while it waits for a player's serve: "your turn, press A". */
export const BALL_WAIT_COLOR: Color = 0x505050;
/** Left paddle and score (player 1), right paddle and score (player 2 or the computer). */
export const SIDE_COLORS: readonly [Color, Color] = [PLAYER_COLORS[0]!, PLAYER_COLORS[1]!];
