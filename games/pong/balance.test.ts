import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { LEVELS } from './ai.ts';
import { BETTER_PLAYER, playMatch } from './human-bot.ts';

// The full table (20 seeds × 3 levels × 2 players) is `ledtable bench pong`; this is its
// cheapest slice. HARD used to return 99 % of balls (aim error 0.8 px): the better player
// won none of these matches.
test('HARD is winnable by a better human-like player (reaction 150–200 ms, aim noise)', async () => {
  let wins = 0;
  let balls = 0;
  let returns = 0;
  for (let seed = 1; seed <= 6; seed++) {
    const match = await playMatch('HARD', BETTER_PLAYER, seed, 3);
    if (match.won) wins++;
    balls += match.cpuBalls;
    returns += match.cpuReturns;
  }
  assert.ok(wins >= 2, `better player won ${wins} of 6 matches to 3 against HARD`);
  assert.ok(returns / balls < 0.99, `HARD returned ${returns} of ${balls} balls`);
});

test('the levels get harder in every way: reaction, speed and aim error', () => {
  assert.ok(LEVELS.EASY.reaction > LEVELS.MED.reaction && LEVELS.MED.reaction > LEVELS.HARD.reaction);
  assert.ok(LEVELS.EASY.speed < LEVELS.MED.speed && LEVELS.MED.speed < LEVELS.HARD.speed);
  assert.ok(LEVELS.EASY.error > LEVELS.MED.error && LEVELS.MED.error > LEVELS.HARD.error);
});

test.run();
