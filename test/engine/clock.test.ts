import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ManualClock, RealClock } from '../../src/engine/clock.ts';
import { simulatedTime } from '../helpers/simulated-time.ts';

test('manual clock: step(n) runs exactly n ticks, none after stop', () => {
  const clock = new ManualClock();
  let ticks = 0;
  clock.start(60, (due) => {
    assert.is(due, 1, 'a manual clock runs one tick per call, so every tick has its frame');
    ticks++;
  });
  clock.step(5);
  assert.is(ticks, 5);
  clock.stop();
  clock.step(3);
  assert.is(ticks, 5);
});

test('real clock: 60 Hz for 60 s is 3600 ticks even when every timer fires late', () => {
  const time = simulatedTime((i) => 0.3 + (i % 7) * 0.25); // 0.3–1.8 ms late, like setTimeout
  const clock = new RealClock({ now: time.now, timers: time.timers });
  let ticks = 0;
  clock.start(60, (due) => {
    ticks += due;
  });
  time.runUntil(60_000 + 2); // the 3600th deadline is at 60 s; allow its timer to be late
  assert.is(ticks, 3600);
  assert.is(clock.dropped, 0);
});

test('real clock: after a 1 s stall it catches up at most 4 ticks and drops the rest', () => {
  const time = simulatedTime(() => 0.5);
  const clock = new RealClock({ now: time.now, timers: time.timers, maxCatchUp: 4 });
  const calls: { at: number; due: number }[] = [];
  clock.start(60, (due) => calls.push({ at: time.now(), due }));
  time.runUntil(10_000 + 2, { at: 5000, ms: 1000 }); // the last timer: armed 1 ms late, fires 0.5 ms late
  const burst = calls.find((call) => call.at >= 6000)!;
  assert.is(burst.due, 4, 'the wake after the stall reports 4 due ticks in one call');
  assert.ok(clock.dropped >= 55, `dropped ${clock.dropped}`);
  // The schedule stays on the original grid: total = 10 s worth minus the dropped ticks.
  const ticks = calls.reduce((sum, call) => sum + call.due, 0);
  assert.is(ticks + clock.dropped, 600);
});

test('real clock: with timers 1 ms early to 1 ms late, every tick runs within 1 ms of its deadline (lead 1), one wake each', () => {
  const offset = (i: number) => ((i * 8) % 21) / 10 - 1; // -1.0 to +1.0 ms, spread evenly
  const time = simulatedTime(offset);
  const clock = new RealClock({ now: time.now, timers: time.timers, lead: 1 });
  const period = 1000 / 60;
  const errors: number[] = [];
  let tick = 0;
  clock.start(60, (due) => {
    tick += due;
    errors.push(time.now() - tick * period);
  });
  time.runUntil(10_000 + 2);
  assert.is(tick, 600);
  assert.ok(
    errors.every((e) => Math.abs(e) <= 1.0001),
    `worst ${Math.max(...errors.map(Math.abs)).toFixed(2)} ms`,
  );
  assert.ok(time.armed() <= 601, `${time.armed()} timers for 600 ticks: an early timer woke for nothing`);
  // Without a lead (the default) the same timers put ticks up to 2 ms after their deadlines.
  const late = simulatedTime(offset);
  const strict = new RealClock({ now: late.now, timers: late.timers });
  let worst = 0;
  let n = 0;
  strict.start(60, (due) => {
    n += due;
    assert.ok(late.now() >= n * period, 'never before its deadline');
    worst = Math.max(worst, late.now() - n * period);
  });
  late.runUntil(10_000);
  assert.ok(worst > 1.5, `worst without lead ${worst.toFixed(2)} ms`);
});

test('real clock: stop() inside a tick prevents any further tick', () => {
  const time = simulatedTime(() => 0);
  const clock = new RealClock({ now: time.now, timers: time.timers });
  let ticks = 0;
  clock.start(10, (due) => {
    ticks += due;
    if (ticks === 3) clock.stop();
  });
  time.runUntil(5000);
  assert.is(ticks, 3);
});

test.run();
