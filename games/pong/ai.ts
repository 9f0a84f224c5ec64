import type { Random } from '../../src/index.ts';
import { type Court, PADDLE, type Side, SUB } from './court.ts';

/** How well the computer plays. */
export interface AiLevel {
  /** Seconds after the ball turns towards it before it starts to move. */
  readonly reaction: number;
  /** Paddle speed in px per second. */
  readonly speed: number;
  /** Largest aim error in px, drawn once per approach (the paddle reaches ±2 px from its centre). */
  readonly error: number;
  /** Largest deliberate offset in px, to return the ball off the paddle's edge at a steep angle. */
  readonly aim: number;
  /** Goes back to the middle while the ball moves away. */
  readonly recenters: boolean;
}

export const LEVELS = {
  EASY: { reaction: 0.35, speed: 7, error: 2.8, aim: 0, recenters: false },
  MED: { reaction: 0.2, speed: 12, error: 1.85, aim: 0.5, recenters: true },
  HARD: { reaction: 0.08, speed: 24, error: 1, aim: 1.2, recenters: true },
} as const satisfies Record<string, AiLevel>;
export type LevelName = keyof typeof LEVELS;

/**
 * The computer's paddle. While the ball comes towards it, it waits `reaction` seconds, then
 * predicts where the ball will arrive (walls folded in), adds an aim error, and moves there at
 * its limited speed, one pixel at a time. Call `update` once per tick; it returns the paddle move
 * for this tick (-1 up, 0, +1 down).
 */
export class PongAi {
  private readonly reactionTicks: number;
  private readonly ticksPerPixel: number;
  private coming = 0;
  private cooldown = 0;
  /** Wanted paddle centre in px (top + PADDLE / 2); NaN until the first plan. */
  private target: number;

  constructor(
    readonly side: Side,
    private readonly level: AiLevel,
    rate: number,
    private readonly random: Random,
    height: number,
  ) {
    this.reactionTicks = Math.round(level.reaction * rate);
    this.ticksPerPixel = Math.max(1, Math.round(rate / level.speed));
    this.target = height / 2;
  }

  /** Forgets the current plan (after a point). */
  reset(): void {
    this.coming = 0;
  }

  update(court: Court): -1 | 0 | 1 {
    const towards = this.side === 0 ? court.vx < 0 : court.vx > 0;
    if (towards) {
      this.coming++;
      if (this.coming === this.reactionTicks + 1) {
        const arrival = court.predict(this.side) / SUB;
        const error = (this.random.float() * 2 - 1) * this.level.error;
        const aim = (this.random.float() * 2 - 1) * this.level.aim;
        this.target = arrival + error + aim;
      }
    } else {
      this.coming = 0;
      if (this.level.recenters && court.vx !== 0) this.target = court.height / 2;
    }
    if (this.cooldown > 0) {
      this.cooldown--;
      return 0;
    }
    const centre = court.paddle[this.side] + PADDLE / 2;
    const move = this.target < centre - 0.5 ? -1 : this.target > centre + 0.5 ? 1 : 0;
    if (move !== 0) this.cooldown = this.ticksPerPixel - 1;
    return move;
  }
}
