import { type Buttons, defineGame, type GameResult, sprite } from '../../src/index.ts';
import { SnakeAi } from './ai.ts';
import { Board, DOWN, LEFT, RIGHT, START_LENGTH, UP } from './board.ts';
import { BODY_COLORS, FOOD_COLOR, HEAD_COLORS } from './palette.ts';
import { SOUNDS } from './sounds.ts';
import { stepSeconds } from './speed.ts';

/**
 * Snake for 1–4 players; the `cpu` setting adds computer snakes in the empty slots (up to four
 * snakes in all). Player i steers snake i in colour PLAYER_COLORS[i]; computer snakes take the
 * slots after the players. Alone, the score is the length; together, the last snake alive wins.
 */
export default defineGame({
  id: 'snake',
  title: 'Snake',
  description: 'Eat, grow, and do not bite anyone. 1-4 players, computer snakes fill the rest.',
  players: { min: 1, max: 4 },
  settings: {
    cpu: { label: 'CPU', values: [0, 1, 2, 3], default: 0 },
    edge: { label: 'EDGE', values: ['WALL', 'WRAP'], default: 'WALL' },
  },
  icon: sprite(['..........', '.rrrrr....', '.....r..w.', '.....rrrr.'], { r: 0xff2020, w: 0xffffff }),
  sounds: SOUNDS,
  create(ctx) {
    ctx.music.play('theme');
    const humans = ctx.players;
    const cpus = Math.max(0, Math.min(Number(ctx.settings.cpu), 4 - humans));
    const total = humans + cpus;
    const wrap = ctx.settings.edge === 'WRAP';
    const board = new Board({
      width: ctx.width,
      height: ctx.height,
      snakes: total,
      wrap,
      foods: total > 2 ? 2 : 1,
      random: ctx.random,
    });
    const ai = new SnakeAi(ctx.width * ctx.height, ctx.random);
    /** Tick each snake died on (-1 while alive) and its length just before. */
    const diedAt = new Int32Array(total).fill(-1);
    const finalLength = new Int16Array(total).fill(START_LENGTH);

    const readyTicks = ctx.ticks(1);
    const fadeTicks = ctx.ticks(1);
    const endTicks = ctx.ticks(1.5);
    const blinkTicks = Math.max(1, ctx.ticks(0.1));
    let sinceStep = 0;
    let overAt = -1;
    let result: GameResult = {};

    const stepTicks = (): number => {
      let longest = START_LENGTH;
      for (const s of board.snakes) if (s.alive && s.length > longest) longest = s.length;
      return ctx.ticks(stepSeconds(longest));
    };

    const steerHuman = (p: Buttons, i: number): void => {
      const s = board.snakes[i];
      if (!s) return;
      if (p.pressed('up')) s.turn(UP);
      if (p.pressed('down')) s.turn(DOWN);
      if (p.pressed('left')) s.turn(LEFT);
      if (p.pressed('right')) s.turn(RIGHT);
    };

    const decide = (): GameResult | undefined => {
      const alive = board.aliveCount;
      if (total === 1) {
        const s = board.snakes[0]!;
        const key = wrap ? 'wrap' : 'default';
        if (!s.alive) return { score: finalLength[0]!, scoreKey: key };
        if (board.food[0]! < 0) return { score: s.length, scoreKey: key, message: 'PERFECT' };
        return undefined;
      }
      let humanAlive = false;
      for (let i = 0; i < humans; i++) if (board.snakes[i]!.alive) humanAlive = true;
      if (alive > 1 && humanAlive) return undefined;
      let winner = -1;
      for (const s of board.snakes) {
        if (s.alive && (winner < 0 || s.length > board.snakes[winner]!.length)) winner = s.index;
      }
      if (winner < 0) return { winner: -1 };
      if (winner >= humans) return { winner, message: 'CPU WINS' };
      const score = board.snakes[winner]!.length;
      const scoreKey = wrap ? 'versus-wrap' : 'versus';
      // One player against computer snakes: "YOU WIN", as the mirror of "CPU WINS".
      return humans === 1 ? { winner, score, scoreKey, message: 'YOU WIN' } : { winner, score, scoreKey };
    };

    const step = (): void => {
      if (cpus > 0) {
        ai.prepare(board);
        for (let i = humans; i < total; i++) {
          const s = board.snakes[i]!;
          if (s.alive) s.steer(ai.choose(board, s));
        }
      }
      for (const s of board.snakes) if (s.alive) finalLength[s.index] = s.length;
      const died = board.step();
      let grew = false;
      for (const s of board.snakes) if (s.alive && s.length > finalLength[s.index]!) grew = true;
      if (grew) ctx.sound.play('food');
      if (died !== 0) ctx.sound.play('crash');
      if (died !== 0) for (let i = 0; i < total; i++) if (died & (1 << i)) diedAt[i] = ctx.tick;
      const outcome = decide();
      if (outcome) {
        ctx.music.stop();
        result = outcome;
        overAt = ctx.tick;
      }
    };

    return {
      update(input) {
        for (let i = 0; i < humans; i++) steerHuman(input.player(i), i);
        for (let i = 0; i < total; i++) {
          if (diedAt[i]! >= 0 && ctx.tick - diedAt[i]! === fadeTicks) board.clear(i);
        }
        if (overAt >= 0) {
          if (ctx.tick - overAt === endTicks) ctx.end(result);
          return;
        }
        if (ctx.tick <= readyTicks) return;
        if (++sinceStep >= stepTicks()) {
          sinceStep = 0;
          step();
        }
      },
      draw(g) {
        g.clear();
        for (let f = 0; f < board.food.length; f++) {
          const cell = board.food[f]!;
          if (cell >= 0) g.set(cell % ctx.width, Math.floor(cell / ctx.width), FOOD_COLOR);
        }
        const blinkOn = Math.floor(ctx.tick / blinkTicks) % 2 === 0;
        for (const s of board.snakes) {
          if (!s.onBoard || (!s.alive && !blinkOn)) continue;
          const body = BODY_COLORS[s.index]!;
          for (let k = s.length - 1; k >= 1; k--) {
            const cell = s.segment(k);
            g.set(cell % ctx.width, Math.floor(cell / ctx.width), body);
          }
          // Heads blink while waiting for the start, so each player finds their snake.
          if (ctx.tick <= readyTicks && !blinkOn) continue;
          g.set(s.head % ctx.width, Math.floor(s.head / ctx.width), HEAD_COLORS[s.index]!);
        }
      },
    };
  },
});
