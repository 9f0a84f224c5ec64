import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ManualClock, RealClock } from '../../src/engine/clock.ts';
import { Engine } from '../../src/engine/engine.ts';
import type { Scene } from '../../src/engine/scene.ts';
import { Canvas } from '../../src/gfx/canvas.ts';
import { simulatedTime } from '../helpers/simulated-time.ts';

/** A scene that counts its updates and draws the count into pixel (0,0). */
function counter(): Scene & { updates: number; draws: number } {
  return {
    title: 'Counter',
    updates: 0,
    draws: 0,
    update() {
      this.updates++;
    },
    draw(g) {
      this.draws++;
      g.clear();
      g.set(0, 0, this.updates);
    },
  };
}

test('one tick samples input, updates, draws and presents one frame', () => {
  const clock = new ManualClock();
  const presented: number[] = [];
  const engine = new Engine({ clock, sink: { show: (frame) => presented.push(frame.get(0, 0)) } });
  const scene = counter();
  engine.reset(scene);
  engine.start();
  clock.step(3);
  assert.equal(presented, [1, 2, 3]);
  assert.is(engine.tick, 3);
  assert.is(engine.frames, 3);
});

test('catch-up renders once: a 50 ms stall at 60 Hz gives 3 updates and 1 present', () => {
  // timers 1 ms early, as Node's can be: the clock arms them 1 ms late, so each fires on its deadline
  const time = simulatedTime(() => -1);
  const clock = new RealClock({ now: time.now, timers: time.timers });
  let presents = 0;
  const engine = new Engine({ clock, rate: 60, sink: { show: () => presents++ } });
  const scene = counter();
  engine.reset(scene);
  engine.start();
  time.runUntil(1000 / 60 + 0.001); // the first tick, on time
  assert.is(scene.updates, 1);
  assert.is(presents, 1);
  // The process is blocked from its first tick (16.7 ms) for over 50 ms, until 73.3 ms: the
  // deadlines at 33.3, 50 and 66.7 ms have passed when it wakes, so three ticks are due.
  const second = (2 * 1000) / 60;
  time.runUntil(second + 40 + 0.001, { at: second, ms: 40 });
  assert.is(scene.updates - 1, 3, 'every due tick updates (game time stays exact)');
  assert.is(presents - 1, 1, 'but the frame is drawn and pushed to the outputs once');
  assert.is(scene.draws, 2);
});

test('a scene that throws goes to the shell; without a shell the error surfaces', () => {
  const engine = new Engine({ clock: new ManualClock() });
  const broken: Scene = {
    title: 'Broken',
    update() {
      throw new Error('boom');
    },
    draw() {},
  };
  engine.reset(broken);
  assert.throws(() => engine.step(), /boom/);
  const failures: string[] = [];
  engine.shell = {
    beforeUpdate() {},
    overlay() {},
    failed: (scene, error) => {
      failures.push(`${scene.title}: ${(error as Error).message}`);
      engine.reset(counter());
    },
  };
  engine.reset(broken);
  engine.step();
  assert.equal(failures, ['Broken: boom']);
  assert.is(engine.top.title, 'Counter');
});

test('the stack: push and pop never remove the root; popToRoot leaves only it', () => {
  const engine = new Engine({ clock: new ManualClock() });
  const root = counter();
  engine.reset(root);
  engine.pop();
  assert.is(engine.top, root);
  engine.push(counter());
  engine.push(counter());
  assert.is(engine.depth, 3);
  engine.popToRoot();
  assert.is(engine.depth, 1);
  assert.is(engine.top, root);
  assert.ok(engine.frame instanceof Canvas);
});

test.run();
