import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { E131_HEADER, E131Driver, E131Encoder, stableCid } from '../../hardware/e131.ts';
import { ledOf, plainStage, positionCanvas } from './fixtures.ts';
import { UdpReceiver } from './udp-receiver.ts';

/** Decodes one E1.31 data packet, checking every fixed field and length on the way. */
function decode(p: Buffer) {
  assert.is(p.readUInt16BE(0), 0x0010, 'preamble');
  assert.is(p.readUInt16BE(2), 0, 'postamble');
  assert.is(p.subarray(4, 16).toString('latin1'), 'ASC-E1.17\0\0\0');
  assert.is(p.readUInt16BE(16), 0x7000 | (p.length - 16), 'root flags & length');
  assert.is(p.readUInt32BE(18), 4, 'root vector');
  assert.is(p.readUInt16BE(38), 0x7000 | (p.length - 38), 'framing flags & length');
  assert.is(p.readUInt32BE(40), 2, 'framing vector');
  assert.is(p.readUInt16BE(115), 0x7000 | (p.length - 115), 'DMP flags & length');
  assert.is(p[117], 2, 'DMP vector');
  assert.is(p[118], 0xa1);
  assert.is(p.readUInt16BE(119), 0);
  assert.is(p.readUInt16BE(121), 1);
  const slots = p.readUInt16BE(123) - 1;
  assert.is(p.length, E131_HEADER + slots);
  assert.is(p[125], 0, 'start code');
  return {
    cid: Array.from(p.subarray(22, 38)),
    source: p.subarray(44, 108).toString('utf8').replace(/\0+$/, ''),
    priority: p[108]!,
    sequence: p[111]!,
    options: p[112]!,
    universe: p.readUInt16BE(113),
    data: p.subarray(126),
  };
}

test('300 LEDs span two universes: 170 + 130 LEDs, fixed fields, priority, name, stable CID', () => {
  const encoder = new E131Encoder({ ledCount: 300, universe: 7, priority: 150, sourceName: 'table' });
  assert.is(encoder.packets.length, 2);
  assert.is(encoder.frameBytes, 126 + 510 + 126 + 390);
  encoder.encode(new Uint8Array(900).fill(9), 42);
  const a = decode(Buffer.from(encoder.packets[0]!));
  const b = decode(Buffer.from(encoder.packets[1]!));
  assert.equal([a.universe, a.data.length, a.priority, a.sequence, a.source], [7, 510, 150, 42, 'table']);
  assert.equal([b.universe, b.data.length, b.sequence], [8, 390, 42]);
  assert.equal(a.cid, Array.from(stableCid()));
  assert.equal(Array.from(stableCid('x')), Array.from(stableCid('x')), 'same name, same CID');
  assert.not.equal(Array.from(stableCid('x')), Array.from(stableCid('y')));
  assert.is(stableCid('x')[6]! >> 4, 5, 'UUID version 5 layout');
});

test('bad universe or priority is refused with the range', () => {
  assert.throws(() => new E131Encoder({ ledCount: 300, universe: 63999 }), /1\.\.63999/);
  assert.throws(() => new E131Encoder({ ledCount: 300, priority: 201 }), /0\.\.200/);
});

test('e131:127.0.0.1 via the output stage: LED order matches the layout; sequence numbers; black on close', async () => {
  const rx = await UdpReceiver.start();
  const driver = new E131Driver({ host: '127.0.0.1', port: rx.port, ledCount: 300, universe: 1 });
  const stage = plainStage(driver);
  await stage.open();
  stage.show(positionCanvas(20, 15));
  await rx.until(2);
  const frame = new Uint8Array(900);
  for (const packet of rx.packets.slice(0, 2)) {
    const { universe, data, sequence, priority, source } = decode(packet);
    assert.equal([sequence, priority, source], [1, 100, 'ledtable']);
    frame.set(data, (universe - 1) * 510);
  }
  for (let y = 0; y < 15; y++) {
    for (let x = 0; x < 20; x++) {
      const at = ledOf(x, y) * 3;
      assert.equal([frame[at], frame[at + 1], frame[at + 2]], [x, y, 1], `pixel ${x},${y}`);
    }
  }
  await stage.close();
  await rx.until(4);
  for (const packet of rx.packets.slice(2, 4)) {
    const { data, sequence } = decode(packet);
    assert.is(sequence, 2);
    assert.ok(
      data.every((v) => v === 0),
      'black',
    );
  }
  await rx.close();
});

test.run();
