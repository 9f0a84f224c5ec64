import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { defineGame } from '../../src/engine/game.ts';
import type { ButtonEvent, InputSource, PadSink } from '../../src/input/buttons.ts';
import { describeSeatChange, PlayerSeats } from '../../src/input/player-seats.ts';
import { Harness } from '../../src/testing/harness.ts';

function seated(keyboardPlayers: readonly number[] = []) {
  const log: string[] = [];
  const seats = new PlayerSeats(
    {
      push: (e: ButtonEvent) => log.push(`P${e.player + 1} ${e.button} ${e.down ? 'down' : 'up'}`),
      setConnected: (p, c) => log.push(`P${p + 1} ${c ? 'on' : 'off'}`),
    },
    (change) => log.push(describeSeatChange(change).notice),
    keyboardPlayers,
  );
  return { seats, take: () => log.splice(0) };
}

test('first press of a, b, start or back seats a pad and does nothing else; directions never seat', () => {
  const { seats, take } = seated();
  seats.padConnected({ id: 'x', name: 'Xbox' });
  assert.equal(take(), [], 'connected is not seated');
  seats.padButton('x', 'left', true);
  seats.padButton('x', 'left', false);
  assert.equal(take(), []);
  seats.padButton('x', 'start', true);
  assert.equal(take(), ['P1 on', 'P1 JOINED']);
  seats.padButton('x', 'a', true);
  seats.padButton('x', 'start', false); // the joining press's release is swallowed
  seats.padButton('x', 'a', false);
  assert.equal(take(), ['P1 a down', 'P1 a up']);
});

test('a lost pad lets go of what it held; it returns to its seat without a press', () => {
  const { seats, take } = seated();
  seats.padConnected({ id: 'x', name: 'Xbox' });
  seats.padConnected({ id: 's', name: 'SNES' });
  seats.padButton('s', 'a', true);
  seats.padButton('x', 'b', true);
  seats.padButton('x', 'up', true);
  take();
  seats.padDisconnected('x');
  assert.equal(take(), ['P2 up up', 'P2 off', 'P2 LOST']);
  seats.padButton('x', 'a', true); // a late report of a pad that is gone: nothing
  assert.equal(take(), []);
  seats.padConnected({ id: 'x', name: 'Xbox' });
  assert.equal(take(), ['P2 on', 'P2 BACK']);
  assert.is(seats.playerOf('x'), 1);
});

test('a pad leaving a seat the keyboard also plays releases its buttons but never disconnects that player', () => {
  const { seats, take } = seated([0]);
  seats.padConnected({ id: 'phone', name: 'Phone', join: 'connect' });
  seats.padConnected({ id: 'pad', name: 'Xbox', join: 'connect' });
  seats.padButton('phone', 'left', true);
  assert.equal(take(), ['P1 on', 'P1 JOINED', 'P2 on', 'P2 JOINED', 'P1 left down']);
  seats.padDisconnected('phone');
  assert.equal(take(), ['P1 left up', 'P1 LOST'], 'the keyboard still plays P1: no "P1 off", so no pause');
  seats.padDisconnected('pad');
  assert.equal(take(), ['P2 off', 'P2 LOST'], 'P2 has no keyboard: its game pauses');
});

test('a lost seat goes to the next pad before a never-used one; reserved seats wait for their pad', () => {
  const { seats, take } = seated();
  seats.padConnected({ id: 'fixed', name: 'Arcade', player: 2 });
  seats.padConnected({ id: 'a', name: 'A' });
  seats.padButton('a', 'a', true);
  seats.padDisconnected('a');
  seats.padConnected({ id: 'b', name: 'B' });
  seats.padButton('b', 'b', true);
  seats.padConnected({ id: 'c', name: 'C' });
  seats.padButton('c', 'back', true);
  assert.equal(
    ['fixed', 'a', 'b', 'c'].map((id) => seats.playerOf(id)),
    [2, undefined, 0, 1],
  );
  assert.equal(
    take().filter((l) => l.endsWith('JOINED') || l.endsWith('LOST')),
    ['P3 JOINED', 'P1 JOINED', 'P1 LOST', 'P1 JOINED', 'P2 JOINED'],
  );
});

/** What a phone page as an input source looks like: connect takes a seat, closing loses it. */
class PhoneSource implements InputSource {
  private pads: PadSink | undefined;
  start(_emit: (event: ButtonEvent) => void, pads: PadSink): void {
    this.pads = pads;
  }
  stop(): void {
    this.pads = undefined;
  }
  open(page: string): void {
    this.pads?.padConnected({ id: `web:${page}`, name: `phone ${page}`, join: 'connect' });
  }
  tap(page: string, button: 'a' | 'left', down: boolean): void {
    this.pads?.padButton(`web:${page}`, button, down);
  }
  close(page: string): void {
    this.pads?.padDisconnected(`web:${page}`);
  }
  /** What the page would show: "you are P2". */
  player(page: string): number | undefined {
    return this.pads?.playerOf(`web:${page}`);
  }
}

test('a phone page is a source: connect gets the next free seat, disconnect pauses that player', async () => {
  let presses = 0;
  const duel = defineGame({
    id: 'duel',
    title: 'Duel',
    players: { min: 2, max: 2 },
    create: () => ({
      update(input) {
        if (input.player(1).pressed('a')) presses++;
      },
      draw(g) {
        g.clear();
      },
    }),
  });
  const h = await Harness.start(duel, { players: 2 });
  const phone = new PhoneSource();
  const seats = new PlayerSeats(h.engine.input);
  phone.start(() => {}, seats);
  phone.open('alice');
  phone.open('bob');
  assert.equal([phone.player('alice'), phone.player('bob')], [0, 1]);
  phone.tap('bob', 'a', true);
  await h.step(1);
  phone.tap('bob', 'a', false);
  await h.step(1);
  assert.is(presses, 1, 'the connect seated bob; his first tap plays');
  phone.close('bob');
  await h.step(1);
  assert.is(h.engine.input.player(1).connected, false);
  phone.open('bob');
  await h.step(2);
  assert.is(h.engine.input.player(1).connected, true);
  phone.tap('bob', 'a', true);
  await h.step(1);
  assert.is(presses, 2, 'back in the same seat, no joining press needed');
});

test.run();
