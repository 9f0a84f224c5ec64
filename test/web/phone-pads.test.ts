import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { ButtonEvent } from '../../src/input/buttons.ts';
import { describeSeatChange, PlayerSeats } from '../../src/input/player-seats.ts';
import { PhonePads } from '../../src/web/phone-pads.ts';

/** Phones seated by the table's PlayerSeats, as in `ledtable --web`. */
function phones() {
  const events: ButtonEvent[] = [];
  const connections: string[] = [];
  const notices: string[] = [];
  const seats = new PlayerSeats(
    {
      push: (event) => events.push(event),
      setConnected: (player, connected) => connections.push(`${player}:${connected}`),
    },
    (change) => notices.push(describeSeatChange(change).notice),
  );
  const source = new PhonePads();
  source.start(() => {}, seats);
  return { source, events, connections, notices };
}

test('phones take the free seats in order as their pages connect; a fifth finds none', () => {
  const { source, notices } = phones();
  assert.equal(
    ['a', 'b', 'c', 'd', 'e'].map((id) => source.join(`phone-${id}`)),
    [0, 1, 2, 3, undefined],
  );
  assert.equal(notices, ['P1 JOINED', 'P2 JOINED', 'P3 JOINED', 'P4 JOINED']);
  assert.equal(source.seated, [0, 1, 2, 3]);
});

test('a phone that leaves disconnects its player and releases its held buttons', () => {
  const { source, events, connections } = phones();
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
  assert.is(events.length, 4, 'a closed page plays nothing');
  assert.is(source.delivered, 2);
});

test('a new phone takes the seat a phone left; a reloaded page (same id) takes its own back', () => {
  const { source, notices } = phones();
  source.join('one');
  source.join('two');
  source.leave('one');
  assert.is(source.join('three'), 0, 'replaces the lost P1');
  source.leave('two');
  assert.is(source.join('two'), 1, 'the same page again');
  assert.equal(notices, ['P1 JOINED', 'P2 JOINED', 'P1 LOST', 'P1 JOINED', 'P2 LOST', 'P2 BACK']);
  assert.equal(source.seated, [0, 1]);
});

test('unknown buttons are ignored; stop lets every phone go', () => {
  const { source, events, connections } = phones();
  source.join('one');
  source.button('one', 'jump' as never, true);
  assert.equal(events, []);
  source.stop();
  assert.equal(connections, ['0:true', '0:false']);
  assert.is(source.join('two'), undefined, 'stopped: no seats');
});

test.run();
