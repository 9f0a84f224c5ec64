import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ABS_CODES, EV_ABS, EV_KEY, EV_SYN, KEY_CODES } from '../../../hardware/evdev/codes.ts';
import { EvdevSource, type EvdevSourceOptions } from '../../../hardware/evdev/evdev-source.ts';
import { parsePadMapRule, parsePadPlayerRule } from '../../../hardware/evdev/maps.ts';
import type { ButtonEvent } from '../../../src/input/buttons.ts';
import { describeSeatChange, PlayerSeats } from '../../../src/input/player-seats.ts';
import { FakeStreams, FakeTree, PROC } from './fake-input.ts';

const key = (name: string, value: number) => ({ type: EV_KEY, code: KEY_CODES[name]!, value });
const abs = (name: string, value: number) => ({ type: EV_ABS, code: ABS_CODES[name]!, value });
const syn = { type: EV_SYN, code: 0, value: 0 };

function setup(blocks: Record<string, string>, options: EvdevSourceOptions = {}) {
  const tree = new FakeTree(blocks);
  const fake = new FakeStreams();
  const events: string[] = [];
  const connections: string[] = [];
  const logs: string[] = [];
  const notices: string[] = [];
  const source = new EvdevSource({
    devRoot: tree.devRoot,
    procRoot: tree.procRoot,
    recordSize: 24,
    wordBits: 64,
    watch: false,
    open: fake.open,
    log: (m) => logs.push(m),
    ...options,
  });
  const push = (e: ButtonEvent) => events.push(`P${e.player + 1} ${e.button} ${e.down ? 'down' : 'up'}`);
  // The table's seating, as physical-input.ts wires it: the source reports pads, the seats decide.
  const seats = new PlayerSeats(
    {
      push,
      setConnected: (player, connected) => connections.push(`P${player + 1} ${connected ? 'on' : 'off'}`),
    },
    (change) => notices.push(describeSeatChange(change).notice),
  );
  source.start(push, seats);
  const take = () => events.splice(0);
  return { tree, fake, source, seats, events, take, connections, logs, notices };
}

test('discovery opens keyboards, pads and GPIO buttons, not mice', () => {
  const { source, tree } = setup({
    event0: PROC.gpio('event0', 17),
    event2: PROC.mouse('event2'),
    event3: PROC.keyboard('event3'),
    event5: PROC.xbox('event5'),
  });
  assert.equal(
    source.devices.map((d) => `${d.event} ${d.kind}`),
    ['event0 gpio', 'event3 keyboard', 'event5 gamepad'],
  );
  source.stop();
  tree.remove();
});

test('keyboard: down, auto-repeat ignored, up; both players from one keyboard', () => {
  const { fake, take, source, tree } = setup({ event3: PROC.keyboard('event3') });
  fake.write('event3', [
    key('KEY_LEFT', 1),
    syn,
    key('KEY_LEFT', 2),
    key('KEY_LEFT', 2),
    syn,
    key('KEY_LEFT', 0),
    syn,
  ]);
  fake.write('event3', [key('KEY_W', 1), key('KEY_F', 1), key('KEY_W', 0)]);
  assert.equal(take(), ['P1 left down', 'P1 left up', 'P2 up down', 'P2 a down', 'P2 up up']);
  source.stop();
  assert.equal(take(), ['P2 a up'], 'stop releases what is held');
  tree.remove();
});

test('two keys on one button: released only when both are up', () => {
  const { fake, take, tree } = setup({ event3: PROC.keyboard('event3') });
  fake.write('event3', [key('KEY_Z', 1), key('KEY_SPACE', 1), key('KEY_Z', 0)]);
  assert.equal(take(), ['P1 a down']);
  fake.write('event3', [key('KEY_SPACE', 0)]);
  assert.equal(take(), ['P1 a up']);
  tree.remove();
});

test('GPIO buttons (gpio-key overlay) use the keyboard codes, records split across reads', () => {
  const { fake, take, tree } = setup({ event0: PROC.gpio('event0', 17), event1: PROC.gpio('event1', 27) });
  fake.write('event0', [key('KEY_UP', 1), syn], 5);
  fake.write('event1', [key('KEY_ENTER', 1), syn, key('KEY_ENTER', 0), syn], 7);
  assert.equal(take(), ['P1 up down', 'P1 start down', 'P1 start up']);
  tree.remove();
});

test('16-byte records (32-bit ARM)', () => {
  const { fake, take, tree } = setup({ event3: PROC.keyboard('event3') }, { recordSize: 16 });
  fake.recordSize = 16;
  fake.write('event3', [key('KEY_X', 1), syn, key('KEY_X', 0), syn], 3);
  assert.equal(take(), ['P1 b down', 'P1 b up']);
  tree.remove();
});

test('pads join in order of first press; the joining press does nothing else', () => {
  const { fake, take, connections, notices, source, seats, tree } = setup({
    event5: PROC.xbox('event5'),
    event6: PROC.snes('event6'),
  });
  fake.write('event5', [abs('ABS_X', -32768)]); // not joined, and a direction never joins: ignored
  fake.write('event6', [key('BTN_BASE4', 1), syn, key('BTN_BASE4', 0), syn]);
  assert.equal(take(), []);
  assert.equal(notices, ['P1 JOINED']);
  fake.write('event5', [key('BTN_START', 1), syn, key('BTN_START', 0), syn]);
  assert.equal(notices, ['P1 JOINED', 'P2 JOINED']);
  assert.equal(connections, ['P1 on', 'P2 on']);
  fake.write('event6', [key('BTN_THUMB', 1), key('BTN_BASE4', 1)]);
  fake.write('event5', [key('BTN_SOUTH', 1), key('BTN_EAST', 1), key('BTN_SELECT', 1)]);
  assert.equal(take(), ['P1 a down', 'P1 start down', 'P2 a down', 'P2 b down', 'P2 back down']);
  assert.equal(
    source.devices.map((d) => seats.playerOf(d.pad!)),
    [1, 0],
  );
  tree.remove();
});

test('8BitDo pads use the Nintendo layout (A east, B south)', () => {
  const { fake, take, tree } = setup({ event7: PROC.eightBitDo('event7') });
  fake.write('event7', [key('BTN_START', 1), key('BTN_START', 0)]);
  fake.write('event7', [key('BTN_EAST', 1), key('BTN_SOUTH', 1)]);
  assert.equal(take(), ['P1 a down', 'P1 b down']);
  tree.remove();
});

test('hat and stick directions, with dead zone and hysteresis', () => {
  const { fake, take, tree } = setup({ event5: PROC.xbox('event5') });
  fake.write('event5', [key('BTN_START', 1), key('BTN_START', 0)]);
  fake.write('event5', [abs('ABS_HAT0X', -1), abs('ABS_HAT0X', 0), abs('ABS_HAT0Y', 1), abs('ABS_HAT0Y', 0)]);
  assert.equal(take(), ['P1 left down', 'P1 left up', 'P1 down down', 'P1 down up']);
  fake.write('event5', [abs('ABS_X', 300), abs('ABS_X', -4000)]); // resting noise: nothing
  assert.equal(take(), []);
  fake.write('event5', [abs('ABS_X', 20000)]); // past half: right
  fake.write('event5', [abs('ABS_X', 12000)]); // inside press but outside release: still right
  assert.equal(take(), ['P1 right down']);
  fake.write('event5', [abs('ABS_X', 5000)]);
  assert.equal(take(), ['P1 right up']);
  fake.write('event5', [abs('ABS_Y', -32768), abs('ABS_Y', 32767)]); // straight through
  assert.equal(take(), ['P1 up down', 'P1 up up', 'P1 down down']);
  tree.remove();
});

test('stick and hat on the same button: held while either holds it', () => {
  const { fake, take, tree } = setup({ event5: PROC.xbox('event5') });
  fake.write('event5', [key('BTN_START', 1), key('BTN_START', 0)]);
  fake.write('event5', [abs('ABS_HAT0X', 1), abs('ABS_X', 32000), abs('ABS_HAT0X', 0)]);
  assert.equal(take(), ['P1 right down']);
  fake.write('event5', [abs('ABS_X', 0)]);
  assert.equal(take(), ['P1 right up']);
  tree.remove();
});

test('SNES-style pad: D-pad on ABS_X/ABS_Y 0..255 resting at 127', () => {
  const { fake, take, tree } = setup({ event6: PROC.snes('event6') });
  fake.write('event6', [abs('ABS_X', 127), abs('ABS_Y', 127)]);
  fake.write('event6', [key('BTN_BASE4', 1), key('BTN_BASE4', 0)]);
  fake.write('event6', [abs('ABS_X', 0), abs('ABS_X', 127), abs('ABS_Y', 255), abs('ABS_Y', 127)]);
  assert.equal(take(), ['P1 left down', 'P1 left up', 'P1 down down', 'P1 down up']);
  tree.remove();
});

test('config maps and fixed players', () => {
  const { fake, take, connections, tree } = setup(
    { event5: PROC.xbox('event5'), event6: PROC.snes('event6') },
    {
      padMaps: [parsePadMapRule('045e:028e=BTN_SOUTH:b,BTN_EAST:a')],
      padPlayers: [parsePadPlayerRule('X-Box=2')],
    },
  );
  assert.equal(connections, ['P2 on'], 'the fixed pad is seated at once');
  fake.write('event5', [key('BTN_SOUTH', 1), key('BTN_EAST', 1)]);
  assert.equal(take(), ['P2 b down', 'P2 a down']);
  fake.write('event6', [key('BTN_THUMB', 1), key('BTN_THUMB', 0), key('BTN_THUMB', 1)]);
  assert.equal(take(), ['P1 a down'], 'the other pad joins as P1');
  tree.remove();
});

test('unplugged pad (ENODEV): its buttons let go, player lost; it returns to the same player', () => {
  const { fake, take, connections, notices, tree, source } = setup({
    event5: PROC.xbox('event5'),
    event6: PROC.snes('event6'),
  });
  fake.write('event6', [key('BTN_BASE4', 1), key('BTN_BASE4', 0)]);
  fake.write('event5', [key('BTN_START', 1), key('BTN_START', 0)]);
  fake.write('event5', [key('BTN_SOUTH', 1)]);
  take();
  fake.unplug('event5');
  tree.set({ event6: PROC.snes('event6') });
  source.rescan();
  assert.equal(take(), ['P2 a up']);
  assert.equal(connections.slice(-1), ['P2 off']);
  assert.equal(notices.slice(-1), ['P2 LOST']);
  // back on the same port, as a new event node: rejoins without a press
  tree.set({ event6: PROC.snes('event6'), event9: PROC.xbox('event9') });
  source.rescan();
  assert.equal(connections.slice(-1), ['P2 on']);
  assert.equal(notices.slice(-1), ['P2 BACK']);
  fake.write('event9', [key('BTN_EAST', 1)]);
  assert.equal(take(), ['P2 b down']);
  tree.remove();
});

test('a device vanishing from the list without a read error is lost too; a different pad takes the lost seat', () => {
  const { fake, connections, take, tree, source } = setup({ event5: PROC.xbox('event5') });
  fake.write('event5', [key('BTN_START', 1), key('BTN_START', 0)]);
  tree.set({});
  source.rescan();
  assert.equal(connections, ['P1 on', 'P1 off']);
  tree.set({ event6: PROC.snes('event6') });
  source.rescan();
  fake.write('event6', [key('BTN_THUMB', 1), key('BTN_THUMB', 0), key('BTN_THUMB2', 1)]);
  assert.equal(connections, ['P1 on', 'P1 off', 'P1 on']);
  assert.equal(take(), ['P1 b down']);
  tree.remove();
});

test('a pad plugged in later joins (hot-plug)', () => {
  const { fake, connections, tree, source } = setup({});
  assert.equal(source.devices, []);
  tree.set({ event5: PROC.xbox('event5') });
  source.rescan();
  fake.write('event5', [key('BTN_SOUTH', 1)]);
  assert.equal(connections, ['P1 on']);
  tree.remove();
});

test('permission denied names the input group, once, and is retried on rescan', () => {
  const tree = new FakeTree({ event3: PROC.keyboard('event3') });
  const fake = new FakeStreams();
  fake.denied.add('event3');
  const logs: string[] = [];
  const source = new EvdevSource({
    devRoot: tree.devRoot,
    procRoot: tree.procRoot,
    wordBits: 64,
    watch: false,
    open: fake.open,
    log: (m) => logs.push(m),
  });
  source.start(() => {}, new PlayerSeats({ push() {}, setConnected() {} }));
  source.rescan();
  assert.is(logs.length, 1);
  assert.match(logs[0]!, /no permission to read .*event3 \(Logitech USB Keyboard\)/);
  assert.match(logs[0]!, /sudo usermod -aG input \$USER/);
  fake.denied.clear();
  source.rescan();
  assert.equal(
    source.devices.map((d) => d.event),
    ['event3'],
  );
  source.stop();
  tree.remove();
});

test('no /proc device list: logged, nothing opened, no throw', () => {
  const logs: string[] = [];
  const source = new EvdevSource({
    devRoot: '/nonexistent',
    procRoot: '/nonexistent',
    watch: false,
    log: (m) => logs.push(m),
  });
  source.start(() => {}, new PlayerSeats({ push() {}, setConnected() {} }));
  assert.equal(source.devices, []);
  assert.match(logs[0]!, /cannot read \/nonexistent\/bus\/input\/devices/);
  source.stop();
});

test('SYN_DROPPED releases everything the device held', () => {
  const { fake, take, tree } = setup({ event3: PROC.keyboard('event3') });
  fake.write('event3', [key('KEY_UP', 1), key('KEY_Z', 1), { type: EV_SYN, code: 3, value: 0 }]);
  assert.equal(take(), ['P1 up down', 'P1 a down', 'P1 up up', 'P1 a up']);
  tree.remove();
});

test.run();
