import { getHeapStatistics } from 'node:v8';
import type { AnyGame, GameContext, GameInstance, SettingSpecs } from '../engine/game.ts';
import { guardedCall } from './guarded-call.ts';

export interface GuardLimits {
  /**
   * Longest one create, update, draw, dispose or timer call may run (ms) before it is stopped;
   * undefined: no time limit (the built-in games by default, where the watchdog process is the
   * backstop: a time limit costs a watchdog thread per tick).
   */
  readonly callMs: number | undefined;
  /**
   * Heap in use (MB, the whole process) above which the running game is ended: checked every
   * HEAP_CHECK_TICKS updates, so a game that allocates without bound is stopped long before V8
   * runs out of memory. Default: half of V8's heap limit.
   */
  readonly heapMb: number;
}

/** Updates between two heap checks (getHeapStatistics costs a few µs). */
export const HEAP_CHECK_TICKS = 8;

/**
 * 1 s per call (a Pi 4 runs the slowest built-in update, Connect Four's minimax, far faster);
 * `timed: false` for no time limit, the other guards kept.
 */
export function defaultLimits(timed = true): GuardLimits {
  return {
    callMs: timed ? 1000 : undefined,
    heapMb: Math.round(getHeapStatistics().heap_size_limit / 2 / 1048576),
  };
}

/** Thrown (and shown as the crash) when a game holds more memory than GuardLimits.heapMb. */
export class MemoryLimit extends Error {
  constructor(usedMb: number, limitMb: number) {
    super(`used too much memory (${usedMb} MB in use, the limit is ${limitMb} MB)`);
    this.name = 'MemoryLimit';
  }
}

/**
 * The same game, with its code guarded. create, update, draw and dispose each run under a time
 * limit (guardedCall; none when `limits.callMs` is undefined), with process.exit/abort refused,
 * and the heap is checked every few updates: a stopped call or a heap over the limit throws, so
 * the GameRunner ends the game as a crash and the table is back at the menu within about `callMs`.
 *
 * Timers the game starts while its code runs (setTimeout, setInterval, setImmediate) belong to
 * this run: their callbacks are guarded the same way, and when one throws, or the game ends for
 * any reason, every timer of the run is cleared. A timer's error then reaches the process as an
 * uncaught exception, which ends the game on show (stray-errors.ts). What a guard cannot reach
 * (a loop in a promise callback) is left to the watchdog (watchdog.ts).
 */
export function guardGame(game: AnyGame, limits: GuardLimits = defaultLimits()): AnyGame {
  const guarded: AnyGame = {
    ...game,
    create(ctx: GameContext<SettingSpecs>) {
      const run = new GuardedRun(game.id, limits);
      let created: GameInstance | Promise<GameInstance>;
      try {
        created = run.call(() => game.create(ctx), 'create');
      } catch (error) {
        run.end();
        throw error;
      }
      if (!(created instanceof Promise)) return run.instance(created);
      return created.then(
        (instance) => run.instance(instance),
        (error: unknown) => {
          run.end();
          throw error;
        },
      );
    },
  };
  guardedGames.set(guarded, limits);
  return guarded;
}

/** Every definition guardGame made, with its limits. */
const guardedGames = new WeakMap<AnyGame, GuardLimits>();

/** The limits `game` runs under, when guardGame made it. */
export function guardLimitsOf(game: AnyGame): GuardLimits | undefined {
  return guardedGames.get(game);
}

/**
 * Puts back the process's own timers and exit functions. Guarded calls swap in the game's own
 * and restore them as they return; a guardedSpan that times out skips those restores.
 */
export function restoreProcessGlobals(): void {
  Object.assign(globalThis, {
    setTimeout: real.setTimeout,
    setInterval: real.setInterval,
    setImmediate: real.setImmediate,
  });
  process.exit = real.exit;
  process.abort = real.abort;
}

type AnyTimer = NodeJS.Timeout | NodeJS.Immediate;
const real = {
  setTimeout: globalThis.setTimeout,
  setInterval: globalThis.setInterval,
  setImmediate: globalThis.setImmediate,
  exit: process.exit,
  abort: process.abort,
};

const refuseExit = (): never => {
  throw new Error('a game may not end the process (process.exit/abort): call ctx.end() instead');
};

/** One run of a guarded game: its limits, its timers, and the calls into its code. */
class GuardedRun {
  private readonly timers = new Set<AnyTimer>();
  private ended = false;
  private updates = 0;
  private readonly timerApi: Pick<typeof globalThis, 'setTimeout' | 'setInterval' | 'setImmediate'>;

  constructor(
    private readonly id: string,
    private readonly limits: GuardLimits,
  ) {
    const own = (timer: AnyTimer) => {
      if (this.ended) clearAny(timer);
      else this.timers.add(timer);
      return timer;
    };
    type Callback = (...args: unknown[]) => void;
    this.timerApi = {
      setTimeout: ((callback: Callback, ms?: number, ...args: unknown[]) => {
        const timer: NodeJS.Timeout = real.setTimeout(() => {
          this.timers.delete(timer);
          this.fromTimer(() => callback(...args));
        }, ms);
        return own(timer);
      }) as typeof setTimeout,
      setInterval: ((callback: Callback, ms?: number, ...args: unknown[]) =>
        own(real.setInterval(() => this.fromTimer(() => callback(...args)), ms))) as typeof setInterval,
      setImmediate: ((callback: Callback, ...args: unknown[]) => {
        const timer: NodeJS.Immediate = real.setImmediate(() => {
          this.timers.delete(timer);
          this.fromTimer(() => callback(...args));
        });
        return own(timer);
      }) as typeof setImmediate,
    };
  }

  /** Runs game code: time-limited (when the limits say), exit refused, its timers owned by this run. */
  call<T>(fn: () => T, what: string): T {
    const limitMs = this.limits.callMs;
    const globals = globalThis as unknown as Record<string, unknown>;
    const saved = { setTimeout, setInterval, setImmediate };
    Object.assign(globals, this.timerApi);
    process.exit = refuseExit;
    process.abort = refuseExit;
    try {
      return limitMs === undefined ? fn() : guardedCall(fn, limitMs, `${this.id}: ${what}`);
    } finally {
      Object.assign(globals, saved);
      process.exit = real.exit;
      process.abort = real.abort;
    }
  }

  /** The game instance, wrapped so every call is guarded and the end clears the timers. */
  instance(instance: GameInstance): GameInstance {
    const limitBytes = this.limits.heapMb * 1048576;
    return {
      update: (input) => {
        this.call(() => instance.update(input), 'update');
        if (++this.updates % HEAP_CHECK_TICKS === 0) {
          const used = getHeapStatistics().used_heap_size;
          if (used > limitBytes) throw new MemoryLimit(Math.round(used / 1048576), this.limits.heapMb);
        }
      },
      draw: (g) => {
        this.call(() => instance.draw(g), 'draw');
      },
      dispose: () => {
        try {
          if (typeof instance.dispose === 'function') this.call(() => instance.dispose?.(), 'dispose');
        } finally {
          this.end();
        }
      },
    };
  }

  /** The run is over: clear every timer it started, now and from now on. */
  end(): void {
    this.ended = true;
    for (const timer of this.timers) clearAny(timer);
    this.timers.clear();
  }

  private fromTimer(fn: () => void): void {
    if (this.ended) return;
    try {
      this.call(fn, 'timer');
    } catch (error) {
      this.end();
      throw error;
    }
  }
}

/** clearTimeout also clears intervals; immediates have their own. */
function clearAny(timer: AnyTimer): void {
  if ('_onImmediate' in timer) clearImmediate(timer as NodeJS.Immediate);
  else clearTimeout(timer as NodeJS.Timeout);
}
