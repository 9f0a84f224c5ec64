import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { DDP_MAX_DATA, DdpDriver, DdpEncoder } from '../../hardware/ddp.ts';
import { parseHostPort } from '../../hardware/udp-output.ts';
import { ledOf, plainStage, positionCanvas } from './fixtures.ts';
import { UdpReceiver } from './udp-receiver.ts';

test('DDP header: version 1, push on the last packet, RGB 8-bit, offsets, lengths, split at 1440 bytes', () => {
  const encoder = new DdpEncoder(600);
  assert.is(encoder.packets.length, 2);
  const frame = new Uint8Array(1800).map((_, i) => i & 0xff);
  encoder.encode(frame, 17);
  const [a, b] = encoder.packets as [Uint8Array, Uint8Array];
  assert.equal(Array.from(a.subarray(0, 10)), [0x40, 2, 0x0b, 1, 0, 0, 0, 0, 0x05, 0xa0]);
  assert.equal(Array.from(b.subarray(0, 10)), [0x41, 2, 0x0b, 1, 0, 0, 0x05, 0xa0, 0x01, 0x68]);
  assert.is(a.length, 10 + DDP_MAX_DATA);
  assert.is(b.length, 10 + 360);
  assert.equal(Array.from(b.subarray(10, 13)), [1440 & 0xff, 1441 & 0xff, 1442 & 0xff]);
  assert.is(new DdpEncoder(300).frameBytes, 910);
});

test('DDP colour order option reorders bytes on the wire', () => {
  const encoder = new DdpEncoder(2, 'grb');
  encoder.encode(Uint8Array.from([1, 2, 3, 4, 5, 6]), 1);
  assert.equal(Array.from(encoder.packets[0]!.subarray(10)), [2, 1, 3, 5, 4, 6]);
});

test('ddp:127.0.0.1 via the output stage: LED order matches the layout table; close sends black', async () => {
  const rx = await UdpReceiver.start();
  const driver = new DdpDriver({ host: '127.0.0.1', port: rx.port, ledCount: 300 });
  const stage = plainStage(driver);
  await stage.open();
  stage.show(positionCanvas(20, 15));
  await rx.until(1);
  const packet = rx.packets[0]!;
  assert.is(packet.length, 910);
  assert.is(packet[0], 0x41);
  for (let y = 0; y < 15; y++) {
    for (let x = 0; x < 20; x++) {
      const at = 10 + ledOf(x, y) * 3;
      assert.equal([packet[at], packet[at + 1], packet[at + 2]], [x, y, 1], `pixel ${x},${y}`);
    }
  }
  stage.show(positionCanvas(20, 15)); // unchanged: not sent again (the next keep-alive is a second away)
  const changed = positionCanvas(20, 15);
  changed.set(0, 0, 0xffffff);
  stage.show(changed);
  await stage.close();
  await rx.until(3);
  const last = rx.packets[2]!;
  assert.is(last.length, 910);
  assert.ok(
    last.subarray(10).every((v) => v === 0),
    'all black',
  );
  assert.is(last[1], 3, 'sequence counts frames');
  await stage.close(); // twice is fine
  await rx.close();
});

test('a host that does not resolve fails at open with one line naming the fix', async () => {
  const driver = new DdpDriver({
    host: 'no-such-table.invalid',
    ledCount: 300,
    lookup: async () => {
      throw Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' });
    },
  });
  try {
    await driver.open();
    assert.unreachable('open should throw');
  } catch (error) {
    const message = (error as Error).message;
    assert.match(message, /ddp: cannot resolve host "no-such-table.invalid" \(ENOTFOUND\)/);
    assert.match(message, /--output ddp:192\.168\.1\.50/);
    assert.not.match(message, /\n/);
  }
});

test('a receiver that is not listening is reported from show(), and sending goes on', async () => {
  const rx = await UdpReceiver.start();
  const port = rx.port;
  await rx.close(); // nothing listens on `port` now: the kernel answers ECONNREFUSED
  const driver = new DdpDriver({ host: '127.0.0.1', port, ledCount: 10 });
  await driver.open();
  const frame = new Uint8Array(30);
  let reported: Error | undefined;
  for (let i = 0; i < 20 && !reported; i++) {
    try {
      driver.show(frame);
    } catch (error) {
      reported = error as Error;
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
  assert.ok(reported, 'an error was reported');
  assert.match(reported!.message, /still sending/);
  await driver.close();
});

test('parseHostPort: host, host:port, [v6]:port and clear errors', () => {
  assert.equal(parseHostPort('ddp', '10.0.0.5', 4048), { host: '10.0.0.5', port: 4048 });
  assert.equal(parseHostPort('ddp', 'wled.local:4049', 4048), { host: 'wled.local', port: 4049 });
  assert.equal(parseHostPort('e131', '[::1]:5568', 1), { host: '::1', port: 5568 });
  assert.equal(parseHostPort('e131', '[::1]', 5568), { host: '::1', port: 5568 });
  assert.throws(() => parseHostPort('ddp', 'host:99999', 4048), /port must be 1\.\.65535/);
  assert.throws(() => parseHostPort('ddp', '::1', 4048), /brackets/);
  assert.throws(() => parseHostPort('ddp', 'a b', 4048), /not a host name/);
});

test.run();
