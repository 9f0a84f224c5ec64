import type { Clock } from '../engine/clock.ts';
import type { Engine } from '../engine/engine.ts';
import type { Logger } from '../engine/log.ts';

/**
 * Decides what an uncaught exception or unhandled rejection means for a running table. Games
 * reach the process outside their guarded calls through timers and stray promises; such an
 * error ends the game on show (`crashGame` returns true when one was running) and the table goes
 * on. Without a game to blame, a few are logged and tolerated; more than `limit` within
 * `windowMs` means something in the table itself keeps failing: fatal (exit 1, the service
 * restarts).
 */
export class StrayErrors {
  private readonly times: number[] = [];

  constructor(
    private readonly crashGame: (error: unknown) => boolean,
    private readonly now: () => number = () => performance.now(),
    private readonly limit = 5,
    private readonly windowMs = 10_000,
  ) {}

  /** True when the table may go on. */
  handle(error: unknown): boolean {
    if (this.crashGame(error)) return true;
    const now = this.now();
    this.times.push(now);
    while (this.times.length > 0 && now - this.times[0]! > this.windowMs) this.times.shift();
    return this.times.length <= this.limit;
  }
}

/** A clock that calls `beat` on every tick of `inner`, before the engine's own work (watchdog). */
export function beatingClock(inner: Clock, beat: () => void): Clock {
  return {
    start: (rate, onTicks) =>
      inner.start(rate, (due) => {
        beat();
        onTicks(due);
      }),
    stop: () => inner.stop(),
  };
}

/** StrayErrors' `crashGame` for a table: ends the game on top of `engine`, when there is one. */
export function crashRunningGame(engine: Engine, log: Logger): (error: unknown) => boolean {
  return (error) => {
    const game = engine.game;
    if (!game) return false;
    log.warn(`${game.definition.id}: an error outside its update/draw ends it`);
    game.fail(error);
    return true;
  };
}
