import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  E131_STREAM_TERMINATED,
  E131Driver,
  E131Encoder,
  e131MulticastAddress,
} from '../../hardware/e131.ts';
import { PixelFormat } from '../../src/output/pixel-format.ts';
import { WhiteExtractor } from '../../src/output/white.ts';
import { UdpReceiver } from './udp-receiver.ts';

test('multicast groups: 239.255.{universe high}.{low}', () => {
  assert.is(e131MulticastAddress(1), '239.255.0.1');
  assert.is(e131MulticastAddress(256), '239.255.1.0');
  assert.is(e131MulticastAddress(63999), '239.255.249.255');
  assert.throws(() => e131MulticastAddress(0), /1\.\.63999/);
});

test('RGBW on E1.31: 128 LEDs (512 slots) per universe', () => {
  const encoder = new E131Encoder({
    ledCount: 300,
    format: new PixelFormat('rgbw', new WhiteExtractor('min')),
  });
  assert.equal(
    encoder.packets.map((p) => p.length - 126),
    [512, 512, 176],
  );
  const frame = new Uint8Array(900);
  frame.set([10, 20, 30], 0);
  encoder.encode(frame, 1);
  assert.equal(Array.from(encoder.packets[0]!.subarray(126, 130)), [0, 10, 20, 10]);
});

test('e131:multicast sends each universe to its group (routed to 127.0.0.1 here); close: black, then 3 packets per universe with Stream_Terminated', async () => {
  const rx = await UdpReceiver.start();
  const routed: string[] = [];
  const driver = new E131Driver({
    host: 'multicast',
    port: rx.port,
    ledCount: 300,
    universe: 300,
    route: (group) => {
      routed.push(group);
      return '127.0.0.1';
    },
  });
  assert.equal(driver.groups, ['239.255.1.44', '239.255.1.45']);
  assert.equal(routed, driver.groups);
  await driver.open();
  driver.show(new Uint8Array(900).fill(40));
  await driver.close();
  await rx.until(10);
  const options = rx.packets.map((p) => [p.readUInt16BE(113), p[111], p[112]]);
  assert.equal(options, [
    [300, 1, 0],
    [301, 1, 0],
    [300, 2, 0],
    [301, 2, 0],
    [300, 3, E131_STREAM_TERMINATED],
    [301, 3, E131_STREAM_TERMINATED],
    [300, 4, E131_STREAM_TERMINATED],
    [301, 4, E131_STREAM_TERMINATED],
    [300, 5, E131_STREAM_TERMINATED],
    [301, 5, E131_STREAM_TERMINATED],
  ]);
  assert.ok(rx.packets.slice(2).every((p) => p.subarray(126).every((v) => v === 0)));
  await rx.close();
});

test.run();
