import * as fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { InputState } from '../../src/input/input-state.ts';

test('pressed and released last one tick; held counts ticks', () => {
  const input = new InputState();
  input.push({ player: 0, button: 'a', down: true });
  input.sample();
  assert.ok(input.player(0).pressed('a'));
  assert.is(input.player(0).heldTicks('a'), 1);
  input.sample();
  assert.not.ok(input.player(0).pressed('a'));
  assert.ok(input.player(0).held('a'));
  assert.is(input.player(0).heldTicks('a'), 2);
  input.push({ player: 0, button: 'a', down: false });
  input.sample();
  assert.ok(input.player(0).released('a'));
  assert.not.ok(input.player(0).held('a'));
  input.sample();
  assert.not.ok(input.player(0).released('a'));
});

test('a press and release within one tick is pressed on that tick and released on the next', () => {
  const input = new InputState();
  input.push({ player: 1, button: 'left', down: true });
  input.push({ player: 1, button: 'left', down: false });
  input.sample();
  assert.ok(input.player(1).pressed('left'));
  input.sample();
  assert.ok(input.player(1).released('left'));
  assert.not.ok(input.player(1).held('left'));
});

test('releasing and pressing a held button between two ticks is a new press', () => {
  const input = new InputState();
  input.push({ player: 0, button: 'left', down: true });
  input.sample();
  input.sample();
  assert.is(input.player(0).heldTicks('left'), 2);
  input.push({ player: 0, button: 'left', down: false });
  input.push({ player: 0, button: 'left', down: true });
  input.sample();
  assert.ok(input.player(0).pressed('left'));
  assert.is(input.player(0).heldTicks('left'), 1);
});

test('repeat(delay, every) fires on press, after delay, then every n ticks', () => {
  const input = new InputState();
  input.push({ player: 0, button: 'right', down: true });
  const fired: number[] = [];
  for (let tick = 1; tick <= 20; tick++) {
    input.sample();
    if (input.player(0).repeat('right', 5, 3)) fired.push(tick);
  }
  assert.equal(fired, [1, 6, 9, 12, 15, 18]);
});

test('players are independent; any() unites them; unknown players read as idle', () => {
  const input = new InputState();
  input.push({ player: 2, button: 'b', down: true });
  input.sample();
  assert.ok(input.player(2).pressed('b'));
  assert.not.ok(input.player(0).held('b'));
  assert.ok(input.any.pressed('b'));
  assert.not.ok(input.player(9).held('b'));
  assert.not.ok(input.player(9).connected);
});

test('an unplugged player reads all buttons up until it is back', () => {
  const input = new InputState();
  input.push({ player: 0, button: 'up', down: true });
  input.sample();
  input.setConnected(0, false);
  input.sample();
  assert.not.ok(input.player(0).held('up'));
  assert.not.ok(input.player(0).connected);
  input.setConnected(0, true);
  assert.ok(input.player(0).connected);
});

test('suppressHeld: a key held across a scene change acts only after it is pressed again', () => {
  const input = new InputState();
  input.push({ player: 0, button: 'a', down: true });
  input.sample();
  input.suppressHeld();
  input.sample();
  assert.not.ok(input.player(0).held('a'));
  assert.not.ok(input.player(0).pressed('a'));
  input.push({ player: 0, button: 'a', down: false });
  input.sample();
  input.push({ player: 0, button: 'a', down: true });
  input.sample();
  assert.ok(input.player(0).pressed('a'));
});

test('property: any event sequence keeps pressed ⇒ held, and held ticks count up from 1 at each press', () => {
  const event = fc.record({
    player: fc.integer({ min: 0, max: 3 }),
    button: fc.constantFrom('up', 'down', 'a', 'start' as const),
    down: fc.boolean(),
  });
  fc.assert(
    fc.property(fc.array(fc.array(event, { maxLength: 4 }), { maxLength: 40 }), (ticks) => {
      const input = new InputState();
      const last = new Map<string, number>();
      for (const events of ticks) {
        for (const e of events) input.push(e);
        input.sample();
        for (let p = 0; p < 4; p++) {
          for (const b of ['up', 'down', 'a', 'start'] as const) {
            const buttons = input.player(p);
            if (buttons.pressed(b) && !buttons.held(b)) return false;
            if (buttons.pressed(b) && buttons.released(b)) return false;
            const held = buttons.heldTicks(b);
            const before = last.get(`${p}${b}`) ?? 0;
            if (held !== 0 && held !== before + 1 && !(buttons.pressed(b) && held === 1)) return false;
            last.set(`${p}${b}`, held);
          }
        }
      }
      return true;
    }),
  );
});

test('repeat(b) without numbers repeats after 0.3 s, then every 0.1 s, at any loop rate', () => {
  for (const rate of [30, 60, 120]) {
    const input = new InputState(rate);
    input.push({ player: 0, button: 'left', down: true });
    const fired: number[] = [];
    for (let tick = 1; tick <= rate; tick++) {
      input.sample();
      if (input.player(0).repeat('left')) fired.push(tick);
    }
    const seconds = fired.map((tick) => Math.round(((tick - 1) / rate) * 10) / 10);
    assert.equal(seconds, [0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9], `at ${rate} Hz`);
  }
});

test('confirm() is A or start going down; anyPressed() any of the eight, for one player and for all', () => {
  const input = new InputState();
  input.sample();
  assert.not.ok(input.any.confirm());
  assert.not.ok(input.any.anyPressed());
  input.push({ player: 1, button: 'start', down: true });
  input.sample();
  assert.ok(input.any.confirm());
  assert.ok(input.player(1).confirm());
  assert.not.ok(input.player(0).confirm());
  input.sample();
  assert.not.ok(input.any.confirm(), 'only on the tick it went down');
  input.push({ player: 2, button: 'down', down: true });
  input.sample();
  assert.ok(input.any.anyPressed());
  assert.not.ok(input.any.confirm());
});

test.run();
