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

/** The span running now (guardedSpan), and the guarded call inside it that runs now. */
let span: { readonly limitMs: number; inside: string | undefined } | undefined;

/**
 * Runs `fn` synchronously with a time limit, on this thread: when it runs longer than `limitMs`,
 * V8 stops it wherever it is (a `for (;;) {}` included; its own try/catch/finally cannot hold
 * it) and CallTimeout is thrown here. This is Node's `vm` timeout: a watchdog thread per call,
 * which costs about 0.1 ms (measured by `ledtable bench isolation`). Async work the function
 * starts (promises, timers) runs later, unguarded. Nests. Inside a guardedSpan whose limit is no
 * longer, it runs `fn` directly (no thread): the span's limit covers it, and a timeout names it.
 */
export function guardedCall<T>(fn: () => T, limitMs: number, what: string): T {
  if (span && span.limitMs <= limitMs) {
    const outer = span.inside;
    span.inside = what;
    try {
      return fn();
    } finally {
      span.inside = outer; // skipped when the span times out: then `inside` names this call
    }
  }
  return runLimited(fn, limitMs, what);
}

/**
 * Runs `fn` under one time limit that covers every guardedCall inside it, with one watchdog
 * thread instead of one per call: the real table runs each tick of a guarded game as one span
 * (its updates and its draw). On a timeout the CallTimeout names the guarded call that was
 * running (else `what`). Frames inside the span are stopped where they were, their `finally`
 * blocks included: the caller restores whatever they would have (see restoreProcessGlobals).
 */
export function guardedSpan<T>(fn: () => T, limitMs: number, what: string): T {
  if (span) return fn(); // already inside one
  const current = { limitMs, inside: undefined as string | undefined };
  span = current;
  try {
    return runLimited(fn, limitMs, what);
  } catch (error) {
    if (error instanceof CallTimeout) throw new CallTimeout(current.inside ?? what, limitMs);
    throw error;
  } finally {
    span = undefined;
  }
}

function runLimited<T>(fn: () => T, limitMs: number, what: string): T {
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
