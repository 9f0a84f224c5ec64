import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { ButtonEvent } from '../../src/input/buttons.ts';
import { PhonePads } from '../../src/web/phone-pads.ts';

function pads() {
  const events: ButtonEvent[] = [];
  const connections: string[] = [];
  const log: string[] = [];
  const source = new PhonePads({
    joined: (p, returned) => log.push(`P${p + 1} ${returned ? 'back' : 'joined'}`),
    left: (p) => log.push(`P${p + 1} left`),
  });
  source.onConnection((player, connected) => connections.push(`${player}:${connected}`));
  source.start((event) => events.push(event));
  return { source, events, connections, log };
}

test('phones take the free seats in order; a fifth finds none', () => {
  const { source, log } = pads();
  assert.equal(
    ['a', 'b', 'c', 'd', 'e'].map((id) => source.join(`phone-${id}`)),
    [0, 1, 2, 3, undefined],
  );
  assert.equal(log, ['P1 joined', 'P2 joined', 'P3 joined', 'P4 joined']);
});

test('a phone that leaves disconnects its seat and releases its held buttons', () => {
  const { source, events, connections } = pads();
  source.join('one');
  source.join('two');
  source.button('two', 'left', true);
  source.button('two', 'left', true); // repeated: nothing new
  source.button('two', 'a', true);
  source.leave('two');
  assert.equal(events, [
    { player: 1, button: 'left', down: true },
    { player: 1, button: 'a', down: true },
    { player: 1, button: 'left', down: false },
    { player: 1, button: 'a', down: false },
  ]);
  assert.equal(connections, ['0:true', '1:true', '1:false']);
  source.button('two', 'b', true);
  assert.is(events.length, 4, 'a phone without a seat plays nothing');
});

test('a new phone takes the seat a phone left (over a never used one); a reload takes its own back', () => {
  const { source, log } = pads();
  source.join('one');
  source.join('two');
  source.leave('one');
  assert.is(source.join('three'), 0, 'replaces the lost P1');
  source.leave('two');
  assert.is(source.join('two'), 1, 'the same page again');
  assert.equal(log, ['P1 joined', 'P2 joined', 'P1 left', 'P1 joined', 'P2 left', 'P2 back']);
  assert.equal(source.seated, [0, 1]);
});

test('unknown buttons are ignored', () => {
  const { source, events } = pads();
  source.join('one');
  source.button('one', 'jump' as never, true);
  assert.equal(events, []);
});

test.run();
