import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { defineGame } from '../../src/index.ts';
import { Harness } from '../../src/testing/index.ts';

/** A dot that moves with the d-pad, ends on B with its x as the score, and throws on start. */
const dot = defineGame({
  id: 'dot',
  title: 'Dot',
  create(ctx) {
    let x = 0;
    let y = 0;
    return {
      update(input) {
        const p = input.player(0);
        if (p.repeat('right', 10, 2)) x++;
        if (p.pressed('down')) y++;
        if (p.pressed('b')) ctx.end({ score: x });
        if (p.pressed('start')) throw new Error('boom');
      },
      draw(g) {
        g.clear();
        g.set(x, y, 0xffffff);
      },
    };
  },
});

test('a tap moves once; holding repeats after the delay', async () => {
  const t = await Harness.start(dot, { width: 6, height: 2 });
  t.tap('right');
  await t.step(3);
  assert.is(t.frame(), '.#....\n......');
  t.press('right');
  await t.step(11); // press tick, then the first repeat at held = 11
  assert.is(t.frame(), '...#..\n......');
  await t.step(2);
  assert.is(t.frame(), '....#.\n......');
});

test('ending records the high score and shows the result screen', async () => {
  const t = await Harness.start(dot, { width: 20, height: 15 });
  t.tap('right');
  await t.step(2);
  t.tap('b');
  await t.step(2);
  assert.equal(t.result, { score: 1 });
  assert.is(t.table.scores.best('dot'), 1);
  assert.is(t.playing, false);
  assert.is(t.engine.top.title, 'Dot result');
});

test('an exception returns to the menu via an error screen; the engine keeps ticking', async () => {
  const t = await Harness.start(dot, { width: 20, height: 15 });
  t.tap('start');
  await t.step(2);
  assert.ok(t.crash?.includes('boom'));
  assert.is(t.engine.top.title, 'Message');
  await t.step(60 * 9);
  assert.is(t.engine.top.title, 'Menu');
});

test('back pauses a game; start resumes; back twice quits to the menu', async () => {
  const t = await Harness.start(dot, { width: 20, height: 15 });
  t.tap('back');
  await t.step(2);
  assert.is(t.playing, false);
  t.tap('start');
  await t.step(2);
  assert.is(t.playing, true);
  t.tap('back');
  await t.step(2);
  t.tap('back');
  await t.step(2);
  assert.is(t.engine.top.title, 'Menu');
});

test('an unplugged pad pauses the game until it returns', async () => {
  const t = await Harness.start(dot, { width: 20, height: 15 });
  t.connect(0, false);
  await t.step(1);
  assert.is(t.playing, false);
  await t.step(5);
  assert.is(t.playing, false);
  t.connect(0, true);
  await t.step(2);
  assert.is(t.playing, true);
});

test('async create and tasks land on a deterministic tick', async () => {
  const slow = defineGame({
    id: 'slow',
    title: 'Slow',
    async create(ctx) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      let loaded = false;
      ctx.task(new Promise((resolve) => setTimeout(resolve, 5)).then(() => (loaded = true)));
      return {
        update() {},
        draw(g) {
          g.clear(loaded ? 0x00ff00 : 0xff0000);
        },
      };
    },
  });
  const t = await Harness.start(slow, { width: 2, height: 1 });
  await t.step(1);
  assert.is(t.pixel(0, 0), 0x00ff00);
});

test.run();
