import { defineGame, FONT_3X5, FONT_5X7, type Graphics, sprite } from '../../src/index.ts';
import { LEVELS, type LevelName, PongAi } from './ai.ts';
import { Court, HIT, OUT_LEFT, OUT_RIGHT, PADDLE, type Side, WALL } from './court.ts';
import { BALL_COLOR, BALL_WAIT_COLOR, SIDE_COLORS } from './palette.ts';
import { SOUNDS } from './sounds.ts';

/** Game phases: the score between points, waiting for the serve, the rally, a point, the end. */
const SCORE = 0;
const SERVE = 1;
const PLAY = 2;
const POINT = 3;
const OVER = 4;

/** "0".."99", so drawing a score never builds a string. */
const NUMBERS = Array.from({ length: 100 }, (_, i) => String(i));

/**
 * Pong across the table's long side: paddles on the short edges (player 1 left, player 2 or
 * the computer right), first to `points` wins. Up/down move the paddle, A serves (the serve
 * alternates; it goes by itself after 3 s). The score shows between points.
 */
export default defineGame({
  id: 'pong',
  title: 'Pong',
  description: 'Two paddles, one ball: against the computer (3 levels) or a friend.',
  players: { min: 1, max: 2 },
  settings: {
    cpu: { label: 'CPU', values: ['EASY', 'MED', 'HARD'], default: 'MED' },
    points: { label: 'TO', values: [3, 5, 7, 9, 11], default: 5 },
  },
  icon: sprite(['r.........b', 'r...w.....b', 'r.........b'], { r: 0xff2020, b: 0x2060ff, w: 0xffffff }),
  sounds: SOUNDS,
  create(ctx) {
    const court = new Court(ctx.width, ctx.height, ctx.rate);
    const target = Number(ctx.settings.points);
    const level = LEVELS[ctx.settings.cpu as LevelName] ?? LEVELS.MED;
    const ai = ctx.players === 1 ? new PongAi(1, level, ctx.rate, ctx.random, ctx.height) : undefined;
    const score = [0, 0];
    const scoreTicks = ctx.ticks(1.2);
    const cpuServeTicks = ctx.ticks(0.6);
    const autoServeTicks = ctx.ticks(3);
    const pointTicks = ctx.ticks(0.6);
    const overTicks = ctx.ticks(2.5);
    const repeatDelay = ctx.ticks(0.15);
    const repeatEvery = Math.max(1, ctx.ticks(1 / 30));
    const blinkTicks = Math.max(1, ctx.ticks(0.15));
    const pulseTicks = Math.max(1, ctx.ticks(0.3));
    let phase = SCORE;
    let phaseTicks = 0;
    let server: Side = 0;
    /** Side that won the last point. */
    let scorer: Side = 0;

    const enter = (next: number): void => {
      phase = next;
      phaseTicks = 0;
    };

    const serve = (): void => {
      ctx.sound.play('serve');
      const slope = (ctx.random.chance(0.5) ? 1 : -1) * (0.3 + 0.4 * ctx.random.float());
      court.serve(server, slope);
      enter(PLAY);
    };

    const point = (side: Side): void => {
      scorer = side;
      score[side]!++;
      ai?.reset();
      enter(POINT);
    };

    const finish = (): void => {
      const winner = score[0]! > score[1]! ? 0 : 1;
      const line = `${score[winner]}-${score[1 - winner]}`;
      const who = ai ? (winner === 0 ? 'YOU WIN' : 'CPU WINS') : `P${winner + 1} WINS`;
      ctx.end({ winner, message: `${who} ${line}` });
    };

    const drawScore = (g: Graphics, blinkSide: number): void => {
      const big = score[0]! < 10 && score[1]! < 10;
      const font = big ? FONT_5X7 : FONT_3X5;
      const y = big ? 4 : 5;
      const half = ctx.width >> 1;
      const on = Math.floor(phaseTicks / blinkTicks) % 2 === 0;
      for (let side = 0; side < 2; side++) {
        if (side === blinkSide && !on) continue;
        const text = NUMBERS[Math.min(99, score[side]!)]!;
        const x = side * half + ((half - g.textWidth(text, font)) >> 1);
        g.text(text, x, y, SIDE_COLORS[side]!, font);
      }
    };

    return {
      update(input) {
        phaseTicks++;
        for (let side = 0 as Side; side < 2; side++) {
          if (side === 1 && ai) {
            if (phase === SERVE || phase === PLAY) court.movePaddle(1, ai.update(court));
            continue;
          }
          const p = input.player(side);
          if (p.repeat('up', repeatDelay, repeatEvery)) court.movePaddle(side, -1);
          if (p.repeat('down', repeatDelay, repeatEvery)) court.movePaddle(side, 1);
        }
        switch (phase) {
          case SCORE:
            if (phaseTicks >= scoreTicks) enter(SERVE);
            break;
          case SERVE: {
            court.hold(server);
            const byComputer = ai !== undefined && server === 1;
            const pressed = !byComputer && input.player(server).pressed('a');
            const wait = byComputer ? cpuServeTicks : autoServeTicks;
            if (pressed || phaseTicks >= wait) serve();
            break;
          }
          case PLAY: {
            const event = court.step();
            if (event === HIT) ctx.sound.play('hit');
            else if (event === WALL) ctx.sound.play('wall');
            else if (event === OUT_LEFT || event === OUT_RIGHT) ctx.sound.play('point');
            if (event === OUT_LEFT) point(1);
            else if (event === OUT_RIGHT) point(0);
            break;
          }
          case POINT:
            if (phaseTicks >= pointTicks) {
              server = server === 0 ? 1 : 0;
              enter(score[scorer]! >= target ? OVER : SCORE);
            }
            break;
          case OVER:
            if (phaseTicks === overTicks) finish();
            break;
        }
      },
      draw(g) {
        g.clear();
        for (let side = 0; side < 2; side++) {
          g.fillRect(side === 0 ? 0 : ctx.width - 1, court.paddle[side]!, 1, PADDLE, SIDE_COLORS[side]!);
        }
        switch (phase) {
          case SCORE:
            drawScore(g, -1);
            break;
          case OVER:
            drawScore(g, scorer);
            break;
          case POINT:
            // The scorer's colour flashes on the goal line that was missed.
            if (Math.floor(phaseTicks / blinkTicks) % 2 === 0) {
              g.fillRect(scorer === 0 ? ctx.width - 1 : 0, 0, 1, ctx.height, SIDE_COLORS[scorer]!);
            }
            break;
          case SERVE: {
            // A player's serve: the ball pulses (bright first) until A; the computer's stays lit.
            const waiting = !(ai && server === 1) && Math.floor(phaseTicks / pulseTicks) % 2 === 1;
            g.set(court.column, court.row, waiting ? BALL_WAIT_COLOR : BALL_COLOR);
            break;
          }
          default:
            g.set(court.column, court.row, BALL_COLOR);
        }
      },
    };
  },
});
