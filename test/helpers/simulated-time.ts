/**
 * Simulated time: timers fire in deadline order, each `lateness(i)` ms after the delay asked
 * for (negative: early, as Node's timers are by up to about 1 ms).
 */
export function simulatedTime(lateness: (i: number) => number) {
  let now = 0;
  let pending: { at: number; fn: () => void } | undefined;
  let fired = 0;
  return {
    now: () => now,
    /** Timers armed so far. */
    armed: () => fired,
    timers: {
      setTimeout(fn: () => void, ms: number) {
        pending = { at: now + ms + lateness(fired++), fn };
        return pending;
      },
      clearTimeout() {
        pending = undefined;
      },
    },
    /** Runs timers until simulated time reaches `until` ms. */
    runUntil(until: number, stall?: { at: number; ms: number }) {
      while (pending && pending.at <= until) {
        const { at, fn } = pending;
        pending = undefined;
        now = Math.max(now, at);
        if (stall && now >= stall.at && stall.ms > 0) {
          now += stall.ms;
          stall.ms = 0;
        }
        fn();
      }
      now = until;
    },
  };
}
