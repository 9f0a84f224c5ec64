import { Random } from '../../src/index.ts';
import { Harness } from '../../src/testing/index.ts';
import pong from './index.ts';
import { BALL_COLOR, SIDE_COLORS } from './palette.ts';

/**
 * How a human plays Pong, as far as a simple model can say: the eyes need a reaction time
 * (150–250 ms is typical) before they have judged a ball that changed direction and again before
 * each new look; every estimate of where the ball will arrive is off by a normally distributed
 * error (σ in px at the far side, half that at the paddle); the fingers hold up or down, so the
 * paddle moves as the game moves it for anyone (one step, then 30 px/s after 0.15 s).
 * Measured in `ledtable bench pong` and in games/pong/balance.test.ts.
 */
export interface HumanSkill {
  /** Reaction time range in seconds, drawn for each look. */
  readonly reaction: readonly [number, number];
  /** σ of the aim error in px for a ball at the far side. */
  readonly noise: number;
}

export const AVERAGE_PLAYER: HumanSkill = { reaction: [0.15, 0.25], noise: 1.5 };
export const BETTER_PLAYER: HumanSkill = { reaction: [0.15, 0.2], noise: 0.7 };

export interface MatchFigures {
  readonly won: boolean;
  readonly message: string;
  /** Balls that came to each side, and how many it sent back. */
  readonly humanBalls: number;
  readonly humanReturns: number;
  readonly cpuBalls: number;
  readonly cpuReturns: number;
}

interface Seen {
  readonly x: number;
  readonly y: number;
  readonly tick: number;
}

/** The ball pixel (x < 0 when none: between points) and the left paddle's top row. */
function look(t: Harness, width: number, height: number): { x: number; y: number; paddle: number } {
  let x = -1;
  let y = -1;
  let paddle = -1;
  for (let row = 0; row < height; row++) {
    if (paddle < 0 && t.pixel(0, row) === SIDE_COLORS[0]) paddle = row;
    for (let col = 1; col < width - 1; col++) {
      if (t.pixel(col, row) === BALL_COLOR) {
        x = col;
        y = row;
      }
    }
  }
  return { x, y, paddle };
}

/** Where a ball centred at (x, y) moving (vx, vy) px per tick reaches column 1, walls folded in. */
function arrival(x: number, y: number, vx: number, vy: number, height: number): number {
  const ticks = (x - 1) / -vx;
  let at = (y + vy * ticks) % (2 * height);
  if (at < 0) at += 2 * height;
  return at >= height ? 2 * height - at : at;
}

/** Player 1 (left) played with `skill` against the computer at `level`, first to `points`. */
export async function playMatch(
  level: string,
  skill: HumanSkill,
  seed: number,
  points = 5,
): Promise<MatchFigures> {
  const width = 20;
  const height = 15;
  const t = await Harness.start(pong, { seed, players: 1, settings: { cpu: level, points } });
  const random = new Random(seed * 7919 + 13);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - random.float())) * Math.cos(2 * Math.PI * random.float());
  const reactionTicks = () =>
    Math.round(60 * (skill.reaction[0] + random.float() * (skill.reaction[1] - skill.reaction[0])));
  const figures = { humanBalls: 0, humanReturns: 0, cpuBalls: 0, cpuReturns: 0 };
  let dirX = 0; // last horizontal direction seen: -1 towards me, +1 away, 0 none
  let dirY = 0;
  let trackX: Seen[] = []; // ball positions since the last horizontal / vertical turn
  let trackY: Seen[] = [];
  let previous = { x: -1, y: -1 };
  let nextLook = 0;
  let target = height / 2;
  let held: 'up' | 'down' | undefined;
  let serveAt = -1;

  for (let tick = 0; tick < 60 * 900 && t.result === undefined; tick++) {
    const now = look(t, width, height);
    if (now.x < 0) {
      if (previous.x >= 0) {
        // The ball vanished: a point. Whoever it was heading for missed it.
        if (dirX < 0) figures.humanBalls++;
        else if (dirX > 0) figures.cpuBalls++;
      }
      dirX = 0;
      dirY = 0;
      trackX = [];
      trackY = [];
      target = height / 2;
    } else if (now.x !== previous.x || now.y !== previous.y) {
      const sx = previous.x < 0 ? 0 : Math.sign(now.x - previous.x);
      const sy = previous.x < 0 ? 0 : Math.sign(now.y - previous.y);
      if (sx !== 0 && sx !== dirX) {
        if (dirX > 0 && sx < 0) {
          figures.cpuBalls++;
          figures.cpuReturns++;
        } else if (dirX < 0 && sx > 0) {
          figures.humanBalls++;
          figures.humanReturns++;
        }
        dirX = sx;
        trackX = [];
        nextLook = tick + reactionTicks(); // a new approach: the eyes need their time
      }
      if (sy !== 0 && sy !== dirY) {
        dirY = sy;
        trackY = [];
      }
      const seen = { x: now.x + 0.5, y: now.y + 0.5, tick };
      trackX.push(seen);
      trackY.push(seen);
    }
    previous = now;

    if (dirX < 0 && tick >= nextLook && trackX.length >= 2) {
      const a = trackX[0]!;
      const b = trackX[trackX.length - 1]!;
      const vx = (b.x - a.x) / Math.max(1, b.tick - a.tick);
      const c = trackY[0]!;
      const d = trackY[trackY.length - 1]!;
      const vy = trackY.length >= 2 ? (d.y - c.y) / Math.max(1, d.tick - c.tick) : 0;
      if (vx < 0) {
        const far = Math.max(0, Math.min(1, (b.x - 1) / (width - 2)));
        target = arrival(b.x, b.y, vx, vy, height) + gauss() * skill.noise * (0.5 + 0.5 * far);
      }
      nextLook = tick + reactionTicks();
    } else if (dirX > 0) {
      target = height / 2; // drift back to the middle while the ball is away
    }

    // Fingers: hold towards the target until the paddle's middle covers it.
    const centre = now.paddle + 2;
    const want =
      now.paddle < 0 ? undefined : target < centre - 1 ? 'up' : target > centre + 1 ? 'down' : undefined;
    if (want !== held) {
      if (held) t.release(held);
      if (want) t.press(want);
      held = want;
    }
    // My serve (the ball waits at my paddle): press A after half a second.
    if (now.x === 1 && dirX === 0) {
      if (serveAt < 0) serveAt = tick + 30;
      if (tick >= serveAt) {
        t.tap('a');
        serveAt = -1;
      }
    }
    await t.step(1);
  }
  const message = t.result?.message ?? 'no result';
  return { won: message.startsWith('YOU WIN'), message, ...figures };
}
