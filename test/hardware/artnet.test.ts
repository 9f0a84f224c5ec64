import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  ARTDMX_HEADER,
  ARTNET_OP_DMX,
  ARTNET_OP_SYNC,
  ArtNetDriver,
  ArtNetEncoder,
  splitPortAddress,
} from '../../hardware/artnet.ts';
import { PixelFormat } from '../../src/output/pixel-format.ts';
import { WhiteExtractor } from '../../src/output/white.ts';
import { ledOf, plainStage, positionCanvas } from './fixtures.ts';
import { UdpReceiver } from './udp-receiver.ts';

function decode(p: Buffer) {
  return {
    id: p.subarray(0, 8).toString('latin1'),
    op: p.readUInt16LE(8),
    version: p.readUInt16BE(10),
    sequence: p[12]!,
    subUni: p[14]!,
    net: p[15]!,
    length: p.length >= 18 ? p.readUInt16BE(16) : 0,
    data: p.subarray(ARTDMX_HEADER),
  };
}

test('ArtDmx: header, Port-Address split into net / sub-net / universe, even lengths, then ArtSync', () => {
  assert.equal(splitPortAddress(0x1234), { net: 0x12, subnet: 3, universe: 4 });
  const encoder = new ArtNetEncoder({ ledCount: 341, portAddress: 0x12f });
  assert.is(encoder.packets.length, 4, '170 + 170 + 1 LEDs, then the sync');
  encoder.encode(new Uint8Array(341 * 3).fill(5), 200);
  const [a, b, c, sync] = encoder.packets.map((p) => decode(Buffer.from(p)));
  assert.equal([a!.id, a!.op, a!.version, a!.sequence], ['Art-Net\0', ARTNET_OP_DMX, 14, 200]);
  assert.equal([a!.net, a!.subUni, a!.length], [0x01, 0x2f, 510]);
  assert.equal(
    [b!.net, b!.subUni, b!.length],
    [0x01, 0x30, 510],
    'the next Port-Address carries over into the sub-net',
  );
  assert.equal([c!.length, Array.from(c!.data)], [4, [5, 5, 5, 0]], 'odd slot count padded to even');
  assert.equal([sync!.op, encoder.packets[3]!.length], [ARTNET_OP_SYNC, 14]);
  assert.throws(() => new ArtNetEncoder({ ledCount: 300, portAddress: 0x7fff }), /0\.\.32767/);
});

test('RGBW on Art-Net: 4 channels per LED, 128 LEDs per universe, W from the extractor', () => {
  const format = new PixelFormat('grbw', new WhiteExtractor('min'));
  const encoder = new ArtNetEncoder({ ledCount: 130, format, sync: false });
  assert.equal(
    encoder.packets.map((p) => p.length - ARTDMX_HEADER),
    [512, 8],
  );
  const frame = new Uint8Array(390);
  frame.set([200, 100, 50], 129 * 3);
  encoder.encode(frame, 1);
  assert.equal(Array.from(encoder.packets[1]!.subarray(ARTDMX_HEADER + 4)), [50, 150, 0, 50]);
});

test('artnet:127.0.0.1 via the output stage: layout order, sequence, ArtSync last, black on close (tshark: dissectors.test.ts)', async () => {
  const rx = await UdpReceiver.start();
  const driver = new ArtNetDriver({ host: '127.0.0.1', port: rx.port, ledCount: 300, portAddress: 0x0010 });
  const stage = plainStage(driver);
  await stage.open();
  stage.show(positionCanvas(20, 15));
  await rx.until(3);
  const frame = new Uint8Array(900);
  const first = rx.packets.slice(0, 3).map(decode);
  assert.equal(
    first.map((p) => [p.op, p.sequence]),
    [
      [ARTNET_OP_DMX, 1],
      [ARTNET_OP_DMX, 1],
      [ARTNET_OP_SYNC, 0], // Aux1 = 0 where ArtDmx has its sequence
    ],
  );
  for (const p of first.slice(0, 2)) frame.set(p.data, (p.subUni - 0x10) * 510);
  for (let y = 0; y < 15; y++) {
    for (let x = 0; x < 20; x++) {
      const at = ledOf(x, y) * 3;
      assert.equal([frame[at], frame[at + 1], frame[at + 2]], [x, y, 1], `pixel ${x},${y}`);
    }
  }
  await stage.close();
  await rx.until(6);
  const last = rx.packets.slice(3, 5).map(decode);
  assert.ok(
    last.every((p) => p.sequence === 2 && p.data.every((v) => v === 0)),
    'black frame on close',
  );
  await rx.close();
});

test.run();
