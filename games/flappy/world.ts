import type { Random } from '../../src/index.ts';

/**
 * Physics and pipes for Flappy, free of drawing and input so tests can drive it directly.
 * Units: pixels (floats, so motion is sub-pixel) and seconds; `step(dt)` integrates exactly for
 * constant gravity, so the same flaps give the same path at any loop rate.
 * y grows downwards; row `playHeight` (the last canvas row) is the ground.
 */
export interface Tuning {
  /** Downward acceleration, px/s². */
  readonly gravity: number;
  /** Upward speed set by a flap, px/s. */
  readonly flapSpeed: number;
  /** Fastest fall, px/s. */
  readonly maxFall: number;
  /** Pipe scroll speed, px/s. */
  readonly pipeSpeed: number;
  /** Pipe width, px. */
  readonly pipeWidth: number;
  /** Distance between the left edges of consecutive pipes, px. */
  readonly pipeSpacing: number;
  /** Column of the bird's left edge. */
  readonly birdX: number;
  /** Largest change of a gap's top row from one pipe to the next (keeps every gap reachable). */
  readonly maxGapShift: number;
  /** Overlaps smaller than this (px) are forgiven: they show only as a faint blended pixel. */
  readonly graze: number;
}

export const TUNING: Tuning = {
  gravity: 50,
  flapSpeed: 14,
  maxFall: 18,
  pipeSpeed: 6,
  pipeWidth: 2,
  pipeSpacing: 9,
  birdX: 5,
  maxGapShift: 4,
  graze: 0.25,
};

/** Gap height in rows for the next pipe: 6 until 5 points, 5 until 10, then 4. */
export function gapSizeFor(score: number): number {
  return Math.max(4, 6 - Math.floor(score / 5));
}

/** Most pipes on screen at once; a fixed pool, allocated once. */
const MAX_PIPES = 8;

export type StepEvent = 'none' | 'scored' | 'crash';

export class FlappyWorld {
  readonly width: number;
  /** Rows the bird can use: 0..playHeight-1; row playHeight is the ground. */
  readonly playHeight: number;
  readonly tuning: Tuning;
  /** Top edge of the bird, px (the bird is 1×1 px). */
  birdY: number;
  /** Vertical speed, px/s, positive = down. */
  birdVy = 0;
  score = 0;
  /** Pipes in the pool: left edge (px), gap top row, gap size (rows), counted as passed. */
  readonly pipeX = new Float64Array(MAX_PIPES);
  readonly gapTop = new Int8Array(MAX_PIPES);
  readonly gapRows = new Int8Array(MAX_PIPES);
  readonly passed = new Uint8Array(MAX_PIPES);
  readonly active = new Uint8Array(MAX_PIPES);
  /** Total distance scrolled, px (for the ground pattern). */
  scrolled = 0;
  private lastGapTop: number;
  private lastPipeX = Number.NEGATIVE_INFINITY;
  private readonly random: Random;

  constructor(width: number, height: number, random: Random, tuning: Tuning = TUNING) {
    if (height < 8 || width < 8) {
      throw new RangeError(`Flappy needs at least 8×8 pixels, got ${width}×${height}`);
    }
    this.width = width;
    this.playHeight = height - 1;
    this.tuning = tuning;
    this.random = random;
    this.birdY = Math.floor(this.playHeight / 2) - 1;
    this.lastGapTop = Math.floor((this.playHeight - gapSizeFor(0)) / 2);
  }

  /** Sets the upward speed (a flap replaces the current speed, as in the original). */
  flap(): void {
    this.birdVy = -this.tuning.flapSpeed;
  }

  /** Adds a pipe with its left edge at x; the gap is random but within reach of the last one. */
  spawnPipe(x: number): void {
    const slot = this.active.indexOf(0);
    if (slot < 0) return;
    const gap = gapSizeFor(this.score);
    const lowest = 1;
    const highest = this.playHeight - gap - 1;
    const from = Math.max(lowest, Math.min(highest, this.lastGapTop - this.tuning.maxGapShift));
    const to = Math.max(from, Math.min(highest, this.lastGapTop + this.tuning.maxGapShift));
    const top = this.random.range(from, to);
    this.pipeX[slot] = x;
    this.gapTop[slot] = top;
    this.gapRows[slot] = gap;
    this.passed[slot] = 0;
    this.active[slot] = 1;
    this.lastGapTop = top;
    this.lastPipeX = x;
  }

  /** Moves the bird only (the "get ready" hover uses `hover` instead). */
  private moveBird(dt: number): void {
    const { gravity, maxFall } = this.tuning;
    let vy = this.birdVy;
    let y = this.birdY;
    // Exact integration with a speed cap: accelerate until maxFall, then fall at constant speed.
    const accelerating = vy < maxFall ? Math.min(dt, (maxFall - vy) / gravity) : 0;
    y += vy * accelerating + 0.5 * gravity * accelerating * accelerating;
    vy = Math.min(maxFall, vy + gravity * accelerating);
    y += vy * (dt - accelerating);
    // The ceiling is a lid, not a killer: the bird bumps against row 0 and starts to fall.
    if (y < 0) {
      y = 0;
      if (vy < 0) vy = 0;
    }
    this.birdY = y;
    this.birdVy = vy;
  }

  /** Advances the world by dt seconds. Reports a point scored or a crash (pipe or ground). */
  step(dt: number): StepEvent {
    this.moveBird(dt);
    const dx = this.tuning.pipeSpeed * dt;
    this.scrolled += dx;
    this.lastPipeX -= dx;
    let event: StepEvent = 'none';
    for (let i = 0; i < MAX_PIPES; i++) {
      if (this.active[i] === 0) continue;
      const x = (this.pipeX[i] ?? 0) - dx;
      this.pipeX[i] = x;
      if (x + this.tuning.pipeWidth <= 0) this.active[i] = 0;
      else if (this.passed[i] === 0 && x + this.tuning.pipeWidth <= this.tuning.birdX) {
        this.passed[i] = 1;
        this.score++;
        event = 'scored';
      }
    }
    if (this.lastPipeX <= this.width - this.tuning.pipeSpacing) {
      this.spawnPipe(this.lastPipeX + this.tuning.pipeSpacing);
    }
    return this.hits() ? 'crash' : event;
  }

  /** True when the bird overlaps the ground or a pipe by more than the graze margin. */
  hits(): boolean {
    const { birdX, pipeWidth, graze } = this.tuning;
    const top = this.birdY;
    const bottom = top + 1;
    if (bottom - this.playHeight > graze) return true;
    for (let i = 0; i < MAX_PIPES; i++) {
      if (this.active[i] === 0) continue;
      const x = this.pipeX[i] ?? 0;
      const overlapX = Math.min(birdX + 1, x + pipeWidth) - Math.max(birdX, x);
      if (overlapX <= graze) continue;
      const gapTop = this.gapTop[i] ?? 0;
      const gapBottom = gapTop + (this.gapRows[i] ?? 0);
      if (gapTop - top > graze || bottom - gapBottom > graze) return true;
    }
    return false;
  }

  /** First pipe spawns just off the right edge. Call once when play starts. */
  start(): void {
    this.spawnPipe(this.width);
  }
}
