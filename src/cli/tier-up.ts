import { setFlagsFromString } from 'node:v8';

/**
 * V8 optimises a function once it has run a budget of bytecode (`--interrupt-budget`, 67,584 by
 * default). At 25 or 60 ticks a second the small functions of one tick take a minute or more to
 * spend it, and run meanwhile as baseline code calling out to generic builtins: most of a table's
 * CPU at rest in its first minute (`ledtable bench "cost at rest"`). An eighth of the budget has
 * them optimised within seconds; a process that runs flat out (a headless run, a test) reaches
 * either budget at once, so it changes nothing there. V8 reads the flag whenever it resets a
 * function's budget, so it applies to all code from the call on. Call once, before the loop starts.
 */
export function tierUpEarly(): void {
  setFlagsFromString('--interrupt-budget=8448');
}
