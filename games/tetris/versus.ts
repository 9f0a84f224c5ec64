import { Random } from '../../src/index.ts';
import { GarbageQueue } from './garbage.ts';
import { type Controls, OVER, Tetris, type TetrisOptions, WELL_WIDTH } from './tetris.ts';

/** `Versus.winner` while both players are still in. */
export const UNDECIDED = -2;
/** `Versus.winner` when both topped out on the same tick. */
export const DRAW = -1;

/**
 * Two-player versus: two independent rules engines and the garbage between them. Both players
 * get the same piece sequence (two bags seeded alike from `random`); garbage holes come from
 * `random` itself, one column per batch. Allocates only in the constructor.
 */
export class Versus {
  readonly games: readonly [Tetris, Tetris];
  /** incoming[i]: the garbage waiting to land in player i's well. */
  readonly incoming: readonly [GarbageQueue, GarbageQueue];
  /** UNDECIDED, DRAW, or the index (0, 1) of the player still standing. */
  winner = UNDECIDED;

  private readonly random: Random;

  constructor(options: Omit<TetrisOptions, 'garbage'>) {
    this.random = options.random;
    const pieceSeed = this.random.uint32();
    this.incoming = [new GarbageQueue(), new GarbageQueue()];
    this.games = [
      new Tetris({ ...options, random: new Random(pieceSeed), garbage: this.incoming[0] }),
      new Tetris({ ...options, random: new Random(pieceSeed), garbage: this.incoming[1] }),
    ];
  }

  /**
   * Advances one tick: both players step with their own controls, then the garbage their clears
   * sent moves across (so the order of the two steps never matters). Once someone has topped out
   * only the topped-out wells keep ticking (their game-over animation); the winner's freezes.
   */
  step(c0: Controls, c1: Controls): void {
    const a = this.games[0];
    const b = this.games[1];
    if (this.winner !== UNDECIDED) {
      if (a.phase === OVER) a.step(c0);
      if (b.phase === OVER) b.step(c1);
      return;
    }
    a.step(c0);
    b.step(c1);
    this.send(a, 1);
    this.send(b, 0);
    const aOut = a.phase === OVER;
    const bOut = b.phase === OVER;
    if (aOut && bOut) this.winner = DRAW;
    else if (aOut) this.winner = 1;
    else if (bOut) this.winner = 0;
  }

  /** Ticks since the (first) loser topped out, or -1 while undecided. */
  get overTicks(): number {
    if (this.winner === UNDECIDED) return -1;
    const a = this.games[0];
    const b = this.games[1];
    return Math.max(a.phase === OVER ? a.phaseTicks : 0, b.phase === OVER ? b.phaseTicks : 0);
  }

  private send(from: Tetris, to: number): void {
    if (from.sent === 0) return;
    this.incoming[to]!.push(from.sent, this.random.int(WELL_WIDTH));
    from.sent = 0;
  }
}
