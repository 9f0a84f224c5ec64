import type { Clock } from '../engine/clock.ts';
import type { Engine } from '../engine/engine.ts';
import { guardLimitsOf, restoreProcessGlobals } from './game-guard.ts';
import { CallTimeout, guardedSpan } from './guarded-call.ts';

/**
 * A clock that runs each tick of a guarded game (guardGame) as one guardedSpan: the tick's
 * updates and its draw share the game's call limit and one watchdog thread, instead of a thread
 * for every call (that cost a real-time table most of its CPU at rest). When the span times out,
 * the process globals the game's calls had swapped are put back and the game ends as a crash
 * naming the call that hung; the table goes back to the menu at the next tick. Ticks of the
 * menu and the screens, and of games guarded without a time limit, run directly. `engine` gives
 * the engine the clock drives.
 */
export function guardedTicks(inner: Clock, engine: () => Engine | undefined): Clock {
  return {
    start: (rate, onTicks) =>
      inner.start(rate, (due) => {
        const runner = engine()?.game;
        const limitMs = runner && guardLimitsOf(runner.definition)?.callMs;
        if (!runner || limitMs === undefined) {
          onTicks(due);
          return;
        }
        try {
          guardedSpan(() => onTicks(due), limitMs, `${runner.definition.id}: tick`);
        } catch (error) {
          if (!(error instanceof CallTimeout)) throw error;
          restoreProcessGlobals();
          runner.fail(error);
        }
      }),
    stop: () => inner.stop(),
  };
}
