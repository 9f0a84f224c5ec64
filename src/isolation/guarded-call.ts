import { createContext, Script } from 'node:vm';

/** Thrown when a guarded call ran past its time limit; the call was stopped where it was. */
export class CallTimeout extends Error {
  constructor(
    readonly what: string,
    readonly limitMs: number,
  ) {
    super(`${what} ran for more than ${limitMs} ms and was stopped (an endless loop?)`);
    this.name = 'CallTimeout';
  }
}

// One context for every guarded call: its only global is the function to run.
const slot = createContext({ call: undefined as (() => unknown) | undefined });
const invoke = new Script('call()', { filename: 'ledtable-guarded-call' });

/**
 * Runs `fn` synchronously with a time limit, on this thread: when it runs longer than `limitMs`,
 * V8 stops it wherever it is (a `for (;;) {}` included; its own try/catch/finally cannot hold
 * it) and CallTimeout is thrown here. This is Node's `vm` timeout: a watchdog thread per call,
 * which costs tens of µs (measured by `ledtable bench isolation`). Async work the function
 * starts (promises, timers) runs later, unguarded. Nests.
 */
export function guardedCall<T>(fn: () => T, limitMs: number, what: string): T {
  const outer = slot.call;
  slot.call = fn;
  try {
    return invoke.runInContext(slot, { timeout: limitMs, displayErrors: false }) as T;
  } catch (error) {
    if ((error as NodeJS.ErrnoException | null)?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT')
      throw new CallTimeout(what, limitMs);
    throw error;
  } finally {
    slot.call = outer;
  }
}
