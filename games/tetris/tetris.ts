import type { Random } from '../../src/index.ts';
import { SevenBag } from './bag.ts';
import { Board } from './board.ts';
import { type GarbageQueue, garbageFor } from './garbage.ts';
import { rowsPerTick, SOFT_DROP_FACTOR } from './gravity.ts';
import { kickCount, kickX, kickY } from './pieces.ts';
import { HARD_DROP_POINTS, levelFor, linePoints, SOFT_DROP_POINTS } from './scoring.ts';

/** Well width in cells (Guideline). */
export const WELL_WIDTH = 10;
/** Buffer rows above the visible field where pieces spawn. */
export const HIDDEN_ROWS = 5;
/** Lock-delay resets allowed per piece at its lowest row (Guideline "extended placement"). */
export const MAX_LOCK_RESETS = 15;
/** Spawn column of every piece's bounding box: centres I and O, rounds 3-wide pieces left. */
export const SPAWN_X = 3;

export const PLAYING = 0;
export const CLEARING = 1;
export const OVER = 2;

/** What happened during the last step, as bits of `Tetris.events` (sounds are drawn from them). */
export const EV_FELL = 1;
export const EV_LOCK = 2;
export const EV_CLEAR = 4;
export const EV_MOVE = 8;
export const EV_ROTATE = 16;
export const EV_HOLD = 32;
export const EV_LEVEL = 64;
export const EV_OVER = 128;
export const EV_HARD_DROP = 256;

/** What the player asks for this tick; index.ts fills one object per tick (no allocation). */
export interface Controls {
  left: boolean;
  right: boolean;
  rotateCw: boolean;
  rotateCcw: boolean;
  softDrop: boolean;
  hardDrop: boolean;
  hold: boolean;
}

/** Controls with nothing pressed (one object per player, reused every tick). */
export function idleControls(): Controls {
  return {
    left: false,
    right: false,
    rotateCw: false,
    rotateCcw: false,
    softDrop: false,
    hardDrop: false,
    hold: false,
  };
}

export interface TetrisOptions {
  readonly random: Random;
  /** Loop rate in ticks per second (gravity is converted with it). */
  readonly rate: number;
  /** Visible rows of the well (15 on the table). */
  readonly visibleRows: number;
  /** 1 and up. */
  readonly startLevel: number;
  /** Lock delay in ticks (0.5 s). */
  readonly lockTicks: number;
  /** Length of the line-clear animation in ticks; the next piece spawns after it. */
  readonly clearTicks: number;
  /**
   * Versus only: this player's incoming garbage. Clears cancel it (what is left goes to `sent`);
   * a lock without a clear lands all of it. Without it the game is single-player.
   */
  readonly garbage?: GarbageQueue;
}

/**
 * One Guideline game of Tetris, free of input devices and drawing: `step(controls)` once per
 * tick. Board row 0 is the top of the hidden buffer; row HIDDEN_ROWS is the top visible row.
 * Everything is allocated in the constructor.
 */
export class Tetris {
  readonly board: Board;
  readonly bag: SevenBag;
  phase = PLAYING;
  /** Ticks spent in the current phase (CLEARING, OVER). */
  phaseTicks = 0;

  /** The falling piece: type 0..6, rotation 0..3, top-left of its box in board cells. */
  type = 0;
  rotation = 0;
  x = 0;
  y = 0;
  /** Row the piece would land on with a hard drop. */
  ghostY = 0;
  /** Held piece type, or -1. */
  hold = -1;
  /** True after a hold until the next piece locks. */
  holdUsed = false;

  score = 0;
  lines = 0;
  level: number;
  /** Lines cleared by the last lock (the CLEARING animation shows them). */
  lastClear = 0;
  /** Versus: garbage rows this player's clears sent (after cancelling); the versus module takes them. */
  sent = 0;
  /**
   * Why the game ended: 'block out' (no room to spawn), 'lock out' (locked above the field) or
   * 'top out' (garbage pushed the stack off the top).
   */
  topOut = '';
  /** EV_* bits of what happened in the last step() (0 when nothing did). */
  events = 0;

  /** Fall accumulator in rows; a row falls each time it reaches 1. */
  private fall = 0;
  private rowsPerTick: number;
  /** Ticks the piece has rested on the ground since the last reset. */
  lockTimer = 0;
  /** Lock-delay resets used at the current lowest row. */
  resets = 0;
  private lowestY = 0;
  /** True once the piece has touched down at its lowest row (moves then reset the timer). */
  private touched = false;

  constructor(private readonly options: TetrisOptions) {
    this.board = new Board(WELL_WIDTH, HIDDEN_ROWS + options.visibleRows, HIDDEN_ROWS);
    this.bag = new SevenBag(options.random);
    this.level = options.startLevel;
    this.rowsPerTick = rowsPerTick(this.level, options.rate);
    this.spawn(this.bag.next());
  }

  /** Advances one tick. */
  step(c: Controls): void {
    this.events = 0;
    if (this.phase === OVER) {
      this.phaseTicks++;
      return;
    }
    if (this.phase === CLEARING) {
      if (++this.phaseTicks >= this.options.clearTicks) {
        this.board.removeFullRows();
        this.phase = PLAYING;
        this.phaseTicks = 0;
        this.spawn(this.bag.next());
      }
      return;
    }
    if (c.hold && !this.holdUsed) {
      this.swapHold();
      this.events |= EV_HOLD;
      if (this.phase !== PLAYING) return;
    }
    // Resets already used up before this tick's moves (the 15th move still resets the timer).
    const exhausted = this.touched && this.resets >= MAX_LOCK_RESETS;
    let manipulated = false;
    if (c.rotateCw && this.rotate(0)) manipulated = true;
    if (c.rotateCcw && this.rotate(1)) manipulated = true;
    if (c.left && this.shift(-1)) manipulated = true;
    if (c.right && this.shift(1)) manipulated = true;
    if (c.hardDrop) {
      this.events |= EV_HARD_DROP;
      this.score += (this.ghostY - this.y) * HARD_DROP_POINTS;
      this.y = this.ghostY;
      this.lock();
      return;
    }
    this.fall += c.softDrop ? this.rowsPerTick * SOFT_DROP_FACTOR : this.rowsPerTick;
    let fell = false;
    while (this.fall >= 1) {
      if (!this.board.fits(this.type, this.rotation, this.x, this.y + 1)) {
        this.fall = 0;
        break;
      }
      this.fall -= 1;
      this.y++;
      fell = true;
      this.events |= EV_FELL;
      if (c.softDrop) this.score += SOFT_DROP_POINTS;
      if (this.y > this.lowestY) {
        this.lowestY = this.y;
        this.resets = 0;
        this.lockTimer = 0;
        this.touched = false;
      }
    }
    if (this.board.fits(this.type, this.rotation, this.x, this.y + 1)) return;
    // On the ground: with resets used up (and no new lowest row since), landing again or moving
    // locks at once.
    if (exhausted && this.touched && (manipulated || fell)) {
      this.lock();
      return;
    }
    this.touched = true;
    if (++this.lockTimer >= this.options.lockTicks) this.lock();
  }

  /** Whether (type, rotation, x, y) is free, for tests and the drawing of the ghost. */
  fits(type: number, rotation: number, x: number, y: number): boolean {
    return this.board.fits(type, rotation, x, y);
  }

  /** Places a piece directly (tests): sets the falling piece and its ghost. */
  setPiece(type: number, rotation: number, x: number, y: number): void {
    this.type = type;
    this.rotation = rotation;
    this.x = x;
    this.y = y;
    this.lowestY = y;
    this.lockTimer = 0;
    this.resets = 0;
    this.touched = false;
    this.updateGhost();
  }

  /**
   * SRS rotation: tries the five kick tests in order and keeps the first that fits. dir 0 is
   * clockwise, 1 counter-clockwise. Returns the test used (0..4) or -1 when nothing fits.
   */
  rotateWithKick(dir: number): number {
    const to = (this.rotation + (dir === 0 ? 1 : 3)) & 3;
    const n = kickCount(this.type);
    for (let k = 0; k < n; k++) {
      const nx = this.x + kickX(this.type, this.rotation, dir, k);
      const ny = this.y + kickY(this.type, this.rotation, dir, k);
      if (this.board.fits(this.type, to, nx, ny)) {
        this.rotation = to;
        this.x = nx;
        this.y = ny;
        this.updateGhost();
        return k;
      }
    }
    return -1;
  }

  private rotate(dir: number): boolean {
    if (this.rotateWithKick(dir) < 0) return false;
    this.events |= EV_ROTATE;
    this.afterManipulation();
    return true;
  }

  private shift(dx: number): boolean {
    if (!this.board.fits(this.type, this.rotation, this.x + dx, this.y)) return false;
    this.x += dx;
    this.events |= EV_MOVE;
    this.updateGhost();
    this.afterManipulation();
    return true;
  }

  private afterManipulation(): void {
    if (this.touched && this.resets < MAX_LOCK_RESETS) {
      this.resets++;
      this.lockTimer = 0;
    }
  }

  private updateGhost(): void {
    let gy = this.y;
    while (this.board.fits(this.type, this.rotation, this.x, gy + 1)) gy++;
    this.ghostY = gy;
  }

  private swapHold(): void {
    this.holdUsed = true;
    const previous = this.hold;
    this.hold = this.type;
    this.spawn(previous < 0 ? this.bag.next() : previous);
  }

  /** New piece at the top in spawn state; it drops one row at once when it can (Guideline). */
  private spawn(type: number): void {
    this.type = type;
    this.rotation = 0;
    this.x = SPAWN_X;
    this.y = HIDDEN_ROWS - 2;
    this.fall = 0;
    this.lockTimer = 0;
    this.resets = 0;
    this.touched = false;
    if (!this.board.fits(type, 0, this.x, this.y)) {
      this.gameOver('block out');
      return;
    }
    if (this.board.fits(type, 0, this.x, this.y + 1)) this.y++;
    this.lowestY = this.y;
    this.updateGhost();
  }

  private lock(): void {
    const lockOut = this.board.place(this.type, this.rotation, this.x, this.y);
    this.holdUsed = false;
    this.events |= EV_LOCK;
    if (lockOut) {
      this.gameOver('lock out');
      return;
    }
    const cleared = this.board.markFullRows();
    this.lastClear = cleared;
    const incoming = this.options.garbage;
    if (incoming !== undefined) {
      if (cleared > 0) this.sent += incoming.cancel(garbageFor(cleared));
      else if (incoming.rows > 0 && this.receiveGarbage(incoming)) return;
    }
    if (cleared > 0) {
      this.events |= EV_CLEAR;
      this.score += linePoints(cleared, this.level);
      this.lines += cleared;
      const level = levelFor(this.options.startLevel, this.lines);
      if (level !== this.level) {
        this.level = level;
        this.events |= EV_LEVEL;
        this.rowsPerTick = rowsPerTick(level, this.options.rate);
      }
      this.phase = CLEARING;
      this.phaseTicks = 0;
      return;
    }
    this.spawn(this.bag.next());
  }

  /** Lands every waiting batch, oldest first. Returns true when it topped the player out. */
  private receiveGarbage(incoming: GarbageQueue): boolean {
    while (incoming.batches > 0) {
      const overflow = this.board.insertGarbage(incoming.peekRows(), incoming.peekHole());
      incoming.drop();
      if (overflow) {
        incoming.clear();
        this.gameOver('top out');
        return true;
      }
    }
    return false;
  }

  private gameOver(reason: string): void {
    this.events |= EV_OVER;
    this.phase = OVER;
    this.phaseTicks = 0;
    this.topOut = reason;
  }
}
