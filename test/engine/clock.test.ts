import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ManualClock, RealClock } from '../../src/engine/clock.ts';

/** Simulated time: timers fire in deadline order, each a little late, as real ones do. */
function simulatedTime(lateness: (i: number) => number) {
  let now = 0;
  let pending: { at: number; fn: () => void } | undefined;
  let fired = 0;
  return {
    now: () => now,
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

test('manual clock: step(n) runs exactly n ticks, none after stop', () => {
  const clock = new ManualClock();
  let ticks = 0;
  clock.start(60, () => ticks++);
  clock.step(5);
  assert.is(ticks, 5);
  clock.stop();
  clock.step(3);
  assert.is(ticks, 5);
});

test('real clock: 60 Hz for 60 s is 3600 ticks even when every timer fires late', () => {
  const time = simulatedTime((i) => 0.3 + (i % 7) * 0.25); // 0.3–1.8 ms late, like setTimeout
  const clock = new RealClock({ now: time.now, timers: time.timers, defer: (fn) => fn() });
  let ticks = 0;
  clock.start(60, () => ticks++);
  time.runUntil(60_000 + 2); // the 3600th deadline is at 60 s; allow its timer to be late
  assert.is(ticks, 3600);
  assert.is(clock.dropped, 0);
});

test('real clock: after a 1 s stall it catches up at most 4 ticks and drops the rest', () => {
  const time = simulatedTime(() => 0.5);
  const clock = new RealClock({ now: time.now, timers: time.timers, maxCatchUp: 4, defer: (fn) => fn() });
  const stamps: number[] = [];
  clock.start(60, () => stamps.push(time.now()));
  time.runUntil(10_000 + 1, { at: 5000, ms: 1000 });
  const burst = stamps.filter((t) => t === stamps.find((s) => s >= 6000)).length;
  assert.ok(burst <= 4, `ran ${burst} ticks back to back`);
  assert.ok(clock.dropped >= 55, `dropped ${clock.dropped}`);
  // The schedule stays on the original grid: total = 10 s worth minus the dropped ticks.
  assert.is(stamps.length + clock.dropped, 600);
});

test('real clock: stop() inside a tick prevents any further tick', () => {
  const time = simulatedTime(() => 0);
  const clock = new RealClock({ now: time.now, timers: time.timers, defer: (fn) => fn() });
  let ticks = 0;
  clock.start(10, () => {
    ticks++;
    if (ticks === 3) clock.stop();
  });
  time.runUntil(5000);
  assert.is(ticks, 3);
});

test.run();
