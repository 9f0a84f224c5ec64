import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { AxisFilter, knownAxisRange } from '../../../hardware/evdev/axis.ts';
import { bitmapCodes, parseProcDevices } from '../../../hardware/evdev/devices.ts';
import { keyButtonsWith, parsePadMapRule, parsePadPlayerRule } from '../../../hardware/evdev/maps.ts';
import { PROC } from './fake-input.ts';

test('axis: dead zone and hysteresis on a known range', () => {
  const axis = new AxisFilter({ range: { min: 0, max: 255 } });
  const seq = [128, 160, 200, 180, 150, 100, 20, 60, 90, 127].map((v) => axis.update(v));
  assert.equal(seq, [0, 0, 1, 1, 0, 0, -1, -1, 0, 0]);
});

test('axis: inferred ranges: signed once a negative value shows, else the smallest unsigned', () => {
  const unsigned = new AxisFilter();
  unsigned.update(127);
  assert.equal(unsigned.currentRange, { min: 0, max: 255 });
  unsigned.update(1000);
  assert.equal(unsigned.currentRange, { min: 0, max: 1023 });
  const signed = new AxisFilter();
  signed.update(-5);
  assert.equal(signed.currentRange, { min: -128, max: 127 });
  assert.is(signed.update(-32768), -1);
  assert.equal(signed.currentRange, { min: -32768, max: 32767 });
  assert.equal(knownAxisRange({ vendor: '045e', name: 'x' }), { min: -32768, max: 32767 });
  assert.equal(knownAxisRange({ vendor: '054c', name: 'Wireless Controller' }), { min: 0, max: 255 });
});

test('bitmaps: 64- and 32-bit words', () => {
  assert.ok(bitmapCodes('7cdb000000000000 0 0 0 0', 64).has(0x130));
  assert.ok(bitmapCodes('7cdb0000 0 0 0 0 0 0 0 0 0', 32).has(0x130));
  assert.equal([...bitmapCodes('', 64)], []);
});

test('proc parsing: names, ids, kinds', () => {
  const [pad, keyboard] = parseProcDevices(`${PROC.xbox('event5')}\n${PROC.keyboard('event3')}`, 64);
  assert.is(pad?.name, 'Microsoft X-Box 360 pad');
  assert.is(pad?.vendor, '045e');
  assert.is(pad?.kind, 'gamepad');
  assert.is(pad?.phys, 'usb-0000:01:00.0-1.3/input0');
  assert.is(keyboard?.kind, 'keyboard');
});

test('config rules parse, and bad ones say how they should look', () => {
  const rule = parsePadMapRule('8BitDo SN30=BTN_SOUTH:a, 0x131:b');
  assert.is(rule.match, '8BitDo SN30');
  assert.equal(
    [...rule.buttons],
    [
      [0x130, 'a'],
      [0x131, 'b'],
    ],
  );
  assert.equal(parsePadPlayerRule('Xbox=2'), { match: 'Xbox', player: 1 });
  assert.equal(keyButtonsWith(['KEY_J=2:left']).get(36), { player: 1, button: 'left' });
  assert.throws(() => parsePadMapRule('8BitDo=BTN_NOPE:a'), /unknown code "BTN_NOPE"/);
  assert.throws(() => parsePadMapRule('8BitDo=BTN_SOUTH:jump'), /"jump" is not a button/);
  assert.throws(() => parsePadPlayerRule('Xbox=5'), /N from 1 to 4/);
  assert.throws(() => keyButtonsWith(['KEY_J=left']), /KEY_Z=1:a/);
});

test.run();
