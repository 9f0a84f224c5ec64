import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { hidId } from '../../../hardware/hid/hid-api.ts';
import type { HidMaps } from '../../../hardware/hid/hid-map.ts';
import { HidSource } from '../../../hardware/hid/hid-source.ts';
import { learnGamepad } from '../../../hardware/hid/learn.ts';
import { PlayerSeats } from '../../../src/input/player-seats.ts';
import { FakeHid, PAD } from './fake-hid.ts';

// Report layout of the fake pad: [0] stick X (0x80 rest), [1] stick Y, [2] face buttons, [3] hat in
// the low nibble (8 = rest) and start/select in bits 4/5.
const REST = [0x80, 0x7f, 0x00, 0x08];
const with_ = (changes: Record<number, number>) => REST.map((v, i) => changes[i] ?? v);

/** Lets promise chains waiting on reports run. */
const flush = () => new Promise((resolve) => setImmediate(resolve));

test('gamepad learn: one prompt per button, bits and hat and stick found, mapping by vendor:product', async () => {
  const hid = new FakeHid([PAD, { ...PAD, path: '/dev/hidraw4', usagePage: 1, usage: 6 }]);
  const said: string[] = [];
  const learning = learnGamepad(hid, (t) => said.push(t));
  const path = PAD.path!;
  hid.send(path, REST); // resting report
  const press = async (report: number[]) => {
    hid.send(path, with_({ 0: 0x81 })); // stick noise: ignored
    hid.send(path, report);
    await flush();
    hid.send(path, REST);
    await flush();
  };
  await flush();
  await press(with_({ 3: 0x00 })); // up: hat 0
  await press(with_({ 3: 0x04 })); // down: hat 4
  await press(with_({ 0: 0x00 })); // left: stick X low
  await press(with_({ 3: 0x04 })); // down again: refused, still asking for right
  await press(with_({ 3: 0x02 })); // right: hat 2
  await press(with_({ 2: 0x02 })); // a
  await press(with_({ 2: 0x04 })); // b
  await press(with_({ 3: 0x18 })); // start: bit 4
  await press(with_({ 3: 0x28 })); // back: bit 5
  const { id, map } = await learning;
  assert.is(id, '0810:e501');
  assert.is(map.name, 'Generic USB Gamepad');
  assert.ok(said.some((t) => t.includes('that is already DOWN')));
  assert.is(said.filter((t) => t.startsWith('Press')).length, 8);
  assert.equal(map.buttons.left, [{ byte: 0, axis: 'low' }]);
  assert.equal(map.buttons.a, [{ byte: 2, mask: 0x02, value: 0x02 }]);
  assert.equal(
    map.buttons.up,
    [{ byte: 3, mask: 0x0e, value: 0x00 }],
    'hat bits widened to the shared nibble',
  );
  assert.equal(map.buttons.right, [{ byte: 3, mask: 0x0e, value: 0x02 }]);
  assert.equal(map.buttons.start, [{ byte: 3, mask: 0x10, value: 0x10 }]);
  assert.ok(hid.handles.get(path)?.closed);
});

test('gamepad learn without a pad says what to do', async () => {
  try {
    await learnGamepad(new FakeHid([]), () => {});
    assert.unreachable();
  } catch (error) {
    assert.match((error as Error).message, /no HID gamepad found/);
  }
});

const MAPS: HidMaps = {
  [hidId(PAD)]: {
    name: 'USB Gamepad',
    buttons: {
      up: [{ byte: 3, mask: 0x0e, value: 0x00 }],
      right: [{ byte: 3, mask: 0x0e, value: 0x02 }],
      left: [{ byte: 0, axis: 'low' }],
      a: [{ byte: 2, mask: 0x02, value: 0x02 }],
      start: [{ byte: 3, mask: 0x10, value: 0x10 }],
    },
  },
};

test('HID source: press start to join, decoded buttons, unplug and return', () => {
  const hid = new FakeHid([PAD, { ...PAD, path: '/dev/hidraw9', productId: 1 }]);
  const events: string[] = [];
  const connections: string[] = [];
  const source = new HidSource({ api: hid, maps: MAPS, pollMs: 0 });
  const seats = new PlayerSeats({
    push: (e) => events.push(`P${e.player + 1} ${e.button} ${e.down ? 'down' : 'up'}`),
    setConnected: (p, c) => connections.push(`P${p + 1} ${c ? 'on' : 'off'}`),
  });
  source.start(() => {}, seats);
  assert.equal(source.pads, ['Generic USB Gamepad'], 'pads without a learned map are left alone');
  const path = PAD.path!;
  hid.send(path, REST);
  hid.send(path, with_({ 3: 0x18 })); // start: joins, swallowed
  hid.send(path, REST);
  assert.equal(connections, ['P1 on']);
  assert.equal(events, []);
  hid.send(path, with_({ 3: 0x00, 2: 0x02 })); // up + a
  hid.send(path, with_({ 3: 0x01, 0: 0x10 })); // hat up-right still up; a released; stick left
  hid.send(path, REST);
  assert.equal(events.splice(0), [
    'P1 up down',
    'P1 a down',
    'P1 left down',
    'P1 a up',
    'P1 up up',
    'P1 left up',
  ]);
  hid.send(path, with_({ 2: 0x02 }));
  hid.unplug(path);
  assert.equal(events.splice(0), ['P1 a down', 'P1 a up']);
  assert.equal(connections, ['P1 on', 'P1 off']);
  hid.list = [PAD];
  source.rescan();
  hid.send(path, REST);
  hid.send(path, with_({ 2: 0x02 })); // a press retakes the lost seat
  assert.equal(connections, ['P1 on', 'P1 off', 'P1 on']);
  source.stop();
});

test.run();
