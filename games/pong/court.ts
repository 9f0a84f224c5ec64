/** Sub-pixel units per pixel: ball positions and speeds are integers in 1/256 px. */
export const SUB = 256;
/** Paddle height in pixels. */
export const PADDLE = 4;
/**
 * Vertical over horizontal speed after a hit, per paddle pixel from the top: the edges send the
 * ball away steeply, the two middle pixels gently. The ball's place inside the pixel adds up to
 * ±SPREAD, so returns vary without ever going flat.
 */
export const SLOPES: readonly number[] = [-1, -0.45, 0.45, 1];
export const SPREAD = 0.15;
/** Horizontal ball speed in px per second: at the serve, gained per paddle hit, and the cap. */
export const START_SPEED = 8;
export const SPEED_GAIN = 0.5;
export const MAX_SPEED = 20;

/** What a `step` did. */
export const NOTHING = 0;
export const WALL = 1;
export const HIT = 2;
/** The ball left the court: on the left (the right side scores) or on the right. */
export const OUT_LEFT = 3;
export const OUT_RIGHT = 4;
export type CourtEvent = 0 | 1 | 2 | 3 | 4;

/** 0 = left paddle (column 0), 1 = right paddle (last column). */
export type Side = 0 | 1;

/**
 * Pong physics, independent of drawing, input and game flow. The ball is one pixel at
 * (floor(x / SUB), floor(y / SUB)); it reflects off the top and bottom rows, and off a paddle
 * when it crosses into the paddle's column on a row the paddle covers. Every paddle pixel
 * returns the ball; where it hits sets the new slope (SLOPES). Each hit speeds the rally up.
 */
export class Court {
  /** Top row of each paddle, 0..height − PADDLE. */
  readonly paddle: [number, number];
  /** Ball position in sub-pixels and velocity in sub-pixels per tick. */
  x = 0;
  y = 0;
  vx = 0;
  vy = 0;
  /** Horizontal speed in px per second. */
  speed = START_SPEED;
  /** Paddle hits in the current rally. */
  hits = 0;
  /** Which paddle hit last (for tests and effects); -1 before the first hit of a rally. */
  lastHit = -1;

  constructor(
    readonly width: number,
    readonly height: number,
    /** Ticks per second, to turn px per second into sub-pixels per tick. */
    readonly rate: number,
  ) {
    if (width < 8 || height < PADDLE + 2) {
      throw new RangeError(`Pong needs a court of at least 8×${PADDLE + 2} pixels, got ${width}×${height}`);
    }
    const middle = Math.floor((height - PADDLE) / 2);
    this.paddle = [middle, middle];
  }

  /** Moves a paddle by `dy` rows, kept inside the court. */
  movePaddle(side: Side, dy: number): void {
    const top = this.paddle[side] + dy;
    this.paddle[side] = Math.max(0, Math.min(top, this.height - PADDLE));
  }

  /** Puts the ball in front of `side`'s paddle, on one of its middle rows (before a serve). */
  hold(side: Side): void {
    this.x = (side === 0 ? 1 : this.width - 2) * SUB + SUB / 2;
    this.y = (this.paddle[side] + (side === 0 ? 1 : 2)) * SUB + SUB / 2;
    this.vx = 0;
    this.vy = 0;
  }

  /** Serves from `side` with the given slope (vertical/horizontal) at the starting speed. */
  serve(side: Side, slope: number): void {
    this.hold(side);
    this.speed = START_SPEED;
    this.hits = 0;
    this.lastHit = -1;
    this.launch(side === 0 ? 1 : -1, slope);
  }

  /** Moves the ball one tick. */
  step(): CourtEvent {
    const last = (this.width - 1) * SUB; // first sub-pixel of the right paddle's column
    const before = this.x;
    this.x += this.vx;
    this.y += this.vy;
    let event: CourtEvent = NOTHING;
    const bottom = this.height * SUB;
    if (this.y < 0) {
      this.y = -this.y - 1;
      this.vy = -this.vy;
      event = WALL;
    } else if (this.y >= bottom) {
      this.y = 2 * bottom - 1 - this.y;
      this.vy = -this.vy;
      event = WALL;
    }
    if (this.vx < 0 && before >= SUB && this.x < SUB && this.bounce(0)) {
      this.x = 2 * SUB - 1 - this.x;
      return HIT;
    }
    if (this.vx > 0 && before < last && this.x >= last && this.bounce(1)) {
      this.x = 2 * last - 1 - this.x;
      return HIT;
    }
    if (this.x < 0) return OUT_LEFT;
    if (this.x >= this.width * SUB) return OUT_RIGHT;
    return event;
  }

  /** Ball pixel column and row. */
  get column(): number {
    return Math.floor(this.x / SUB);
  }
  get row(): number {
    return Math.floor(this.y / SUB);
  }

  /**
   * Where the ball will cross into `side`'s paddle column, in sub-pixel rows (walls folded in),
   * or -1 when it moves away from that side.
   */
  predict(side: Side): number {
    const target = side === 0 ? SUB : (this.width - 1) * SUB;
    if (side === 0 ? this.vx >= 0 : this.vx <= 0) return -1;
    const ticks = (target - this.x) / this.vx;
    const span = this.height * SUB;
    let y = (this.y + this.vy * Math.max(0, ticks)) % (2 * span);
    if (y < 0) y += 2 * span;
    return y >= span ? 2 * span - 1 - y : y;
  }

  /** The paddle on `side` takes the ball if it covers the ball's row: new slope, faster. */
  private bounce(side: Side): boolean {
    const k = this.row - this.paddle[side];
    if (k < 0 || k >= PADDLE) return false;
    const within = (this.y % SUB) / SUB - 0.5;
    this.hits++;
    this.lastHit = side;
    this.speed = Math.min(MAX_SPEED, this.speed + SPEED_GAIN);
    this.launch(side === 0 ? 1 : -1, (SLOPES[k] ?? 0) + within * 2 * SPREAD);
    return true;
  }

  private launch(direction: 1 | -1, slope: number): void {
    const vx = Math.round((this.speed * SUB) / this.rate);
    this.vx = direction * vx;
    this.vy = Math.round(vx * slope);
  }
}
