import { AVERAGE_PLAYER, BETTER_PLAYER, playMatch } from '../../../games/pong/human-bot.ts';
import type { BenchSection } from './section.ts';

const SEEDS = 20;

/**
 * Pong balance: a human-like bot (games/pong/human-bot.ts: reaction 150–250 ms, normal aim
 * noise, held buttons) plays matches to 5 against each computer level. Reports the share of
 * matches it wins and the share of balls the computer returns. Aim: EASY won by an average
 * player, MED about even for them, HARD winnable (≈ 50 %) by a better one.
 */
export const pongBench: BenchSection = {
  title: 'Pong balance: human-like bots against the computer levels',
  async run(_table, report) {
    for (const [who, skill] of [
      ['average player', AVERAGE_PLAYER],
      ['better player', BETTER_PLAYER],
    ] as const) {
      for (const level of ['EASY', 'MED', 'HARD']) {
        let wins = 0;
        let balls = 0;
        let returns = 0;
        for (let seed = 1; seed <= SEEDS; seed++) {
          const match = await playMatch(level, skill, seed);
          if (match.won) wins++;
          balls += match.cpuBalls;
          returns += match.cpuReturns;
        }
        report({
          name: `${who} wins vs ${level}`,
          value: Math.round((100 * wins) / SEEDS),
          unit: '%',
          note: `${SEEDS} matches to 5`,
        });
        report({
          name: `${level} returns (vs ${who})`,
          value: Math.round((1000 * returns) / balls) / 10,
          unit: '%',
        });
      }
    }
  },
};
