import { getHeapStatistics } from 'node:v8';
import type { AnyGame, GameContext, GameInstance, SettingSpecs } from '../engine/game.ts';
import { guardedCall } from './guarded-call.ts';

export interface GuardLimits {
  /** Longest one create, update, draw or dispose call may run (ms) before it is stopped. */
  readonly callMs: number;
  /**
   * Heap in use (MB, the whole process) above which the running game is ended: checked every
   * HEAP_CHECK_TICKS updates, so a game that allocates without bound is stopped long before V8
   * runs out of memory. Default: half of V8's heap limit.
   */
  readonly heapMb: number;
}

/** Updates between two heap checks (getHeapStatistics costs a few µs). */
export const HEAP_CHECK_TICKS = 8;

/** 1 s per call (a Pi 4 runs the slowest built-in update, Connect Four's minimax, in ~30 ms). */
export function defaultLimits(): GuardLimits {
  return { callMs: 1000, heapMb: Math.round(getHeapStatistics().heap_size_limit / 2 / 1048576) };
}

/** Thrown (and shown as the crash) when a game holds more memory than GuardLimits.heapMb. */
export class MemoryLimit extends Error {
  constructor(usedMb: number, limitMb: number) {
    super(`used too much memory (${usedMb} MB in use, the limit is ${limitMb} MB)`);
    this.name = 'MemoryLimit';
  }
}

/**
 * The same game, with its code guarded: create, update, draw and dispose each run under a time
 * limit (guardedCall), and the heap is checked every few updates. A stopped call or a heap over
 * the limit throws, so the GameRunner ends the game as a crash and the table returns to the menu
 * within about `callMs`. What a guard cannot stop (a loop in a timer or promise callback, the
 * event loop blocked outside game calls) is left to the watchdog (watchdog.ts).
 */
export function guardGame(game: AnyGame, limits: GuardLimits = defaultLimits()): AnyGame {
  const { callMs } = limits;
  const guarded: AnyGame = {
    ...game,
    create(ctx: GameContext<SettingSpecs>) {
      const created = guardedCall(() => game.create(ctx), callMs, `${game.id}: create`);
      return created instanceof Promise
        ? created.then((instance) => guardInstance(game.id, instance, limits))
        : guardInstance(game.id, created, limits);
    },
  };
  return guarded;
}

function guardInstance(id: string, instance: GameInstance, limits: GuardLimits): GameInstance {
  const { callMs, heapMb } = limits;
  const limitBytes = heapMb * 1048576;
  let updates = 0;
  const wrapped: GameInstance = {
    update(input) {
      guardedCall(() => instance.update(input), callMs, `${id}: update`);
      if (++updates % HEAP_CHECK_TICKS === 0) {
        const used = getHeapStatistics().used_heap_size;
        if (used > limitBytes) throw new MemoryLimit(Math.round(used / 1048576), heapMb);
      }
    },
    draw(g) {
      guardedCall(() => instance.draw(g), callMs, `${id}: draw`);
    },
  };
  const dispose = instance.dispose;
  if (typeof dispose === 'function')
    wrapped.dispose = () => guardedCall(() => dispose.call(instance), callMs, `${id}: dispose`);
  return wrapped;
}
