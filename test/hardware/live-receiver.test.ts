import { createSocket } from 'node:dgram';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ArtNetEncoder } from '../../hardware/artnet.ts';
import { DdpEncoder } from '../../hardware/ddp.ts';
import { E131Encoder, stableCid } from '../../hardware/e131.ts';
import { LiveReceiver, parseLiveListen } from '../../hardware/live-receiver.ts';
import { TPM2NET_START } from '../../hardware/receivers/tpm2net-in.ts';
import { startLiveInput } from '../../src/cli/live-input.ts';
import { resolveOptions } from '../../src/cli/options.ts';
import { MemoryLogger } from '../../src/engine/log.ts';
import { defineGame } from '../../src/index.ts';
import { compileLayout, DEFAULT_LAYOUT } from '../../src/output/layout.ts';

const LEDS = 300;

/** A frame where LED i is (i & 255, i >> 8, 7). */
function pattern(): Uint8Array {
  const frame = new Uint8Array(LEDS * 3);
  for (let i = 0; i < LEDS; i++) frame.set([i & 255, i >> 8, 7], i * 3);
  return frame;
}

/** A receiver on 127.0.0.1 (free ports) for every protocol, and a way to await its next frame. */
async function receiver() {
  let resolve: () => void = () => {};
  const rx = new LiveReceiver({
    ledCount: LEDS,
    host: '127.0.0.1',
    listen: parseLiveListen(['ddp:0', 'e131:0', 'artnet:0', 'tpm2net:0']),
    onFrame: () => resolve(),
  });
  await rx.start();
  const nextFrame = () =>
    new Promise<void>((done, fail) => {
      const timer = setTimeout(() => fail(new Error('no frame within 2 s')), 2000);
      resolve = () => {
        clearTimeout(timer);
        done();
      };
    });
  return { rx, nextFrame };
}

/** Sends datagrams from a real UDP socket on 127.0.0.1, in order. */
async function send(port: number, packets: readonly Uint8Array[]): Promise<void> {
  const socket = createSocket('udp4');
  for (const p of packets) await new Promise<void>((done) => socket.send(p, port, '127.0.0.1', () => done()));
  socket.close();
}

test('one socket per protocol on 127.0.0.1; listening names them with their ports', async () => {
  const { rx } = await receiver();
  assert.equal(Object.keys(rx.ports).sort(), ['artnet', 'ddp', 'e131', 'tpm2net']);
  assert.match(rx.listening, /^DDP \d+, E1\.31 \d+, Art-Net \d+, TPM2\.NET \d+$/);
  await rx.close();
  assert.throws(() => parseLiveListen(['sacn']), /unknown protocol "sacn"; use ddp, e131, artnet, tpm2net/);
  assert.throws(() => parseLiveListen(['ddp:70000']), /port must be 0\.\.65535/);
});

test('DDP from a real sender: the frame completes only with the push flag; the sender is named', async () => {
  const { rx, nextFrame } = await receiver();
  const encoder = new DdpEncoder(600); // two packets: 1440 bytes, then 360 with push
  const data = new Uint8Array(1800);
  data.set(pattern());
  encoder.encode(data, 1);
  assert.is(encoder.packets.length, 2);
  await send(rx.ports.ddp!, [encoder.packets[0]!]);
  // A TPM2.NET frame afterwards: once it is shown, the DDP packet before it was handled too.
  const tpm2 = new Uint8Array(7 + 3);
  tpm2.set([TPM2NET_START, 0xda, 0, 3, 1, 1, 1, 2, 3, 0x36]);
  let got = nextFrame();
  await send(rx.ports.tpm2net!, [tpm2]);
  await got;
  assert.is(rx.frames, 1, 'the DDP packet without push completed nothing');
  got = nextFrame();
  await send(rx.ports.ddp!, [encoder.packets[1]!]);
  await got;
  assert.is(rx.frames, 2);
  assert.equal(Array.from(rx.frame!), Array.from(pattern()), 'bytes past the strip are dropped');
  assert.is(rx.sender, 'DDP 127.0.0.1');
  await rx.close();
});

test('DDP RGBW: W is added onto R, G and B', async () => {
  const { rx, nextFrame } = await receiver();
  const encoder = new DdpEncoder(LEDS, 'rgbw');
  const frame = new Uint8Array(LEDS * 3);
  frame.set([10, 20, 30], 0);
  encoder.encode(frame, 1);
  encoder.packets[0]![13] = 5; // W of LED 0
  const got = nextFrame();
  await send(rx.ports.ddp!, encoder.packets);
  await got;
  assert.equal(Array.from(rx.frame!.subarray(0, 3)), [15, 25, 35]);
  await rx.close();
});

test('E1.31 from a real sender: universes 1 and 2; the last completes; the source name is shown; terminated packets ignored', async () => {
  const { rx, nextFrame } = await receiver();
  const encoder = new E131Encoder({ ledCount: LEDS, sourceName: 'xLights', cid: stableCid('test') });
  encoder.encode(pattern(), 9);
  const got = nextFrame();
  await send(rx.ports.e131!, encoder.packets);
  await got;
  assert.equal(Array.from(rx.frame!), Array.from(pattern()));
  assert.is(rx.sender, 'E1.31 xLights (127.0.0.1)');
  encoder.encode(new Uint8Array(LEDS * 3), 10, true);
  await send(rx.ports.e131!, encoder.packets);
  const other = new E131Encoder({ ledCount: 10, universe: 40 });
  other.encode(new Uint8Array(30), 1);
  await send(rx.ports.e131!, other.packets);
  // A DDP frame afterwards proves the E1.31 packets above were handled first (same loop, in order).
  const ddp = new DdpEncoder(LEDS);
  ddp.encode(pattern(), 1);
  const after = nextFrame();
  await send(rx.ports.ddp!, ddp.packets);
  await after;
  assert.is(rx.frames, 2);
  assert.ok(rx.ignored >= 3, 'terminated and foreign-universe packets were ignored');
  await rx.close();
});

test('Art-Net from a real sender: with ArtSync the sync completes the frame', async () => {
  const { rx, nextFrame } = await receiver();
  const encoder = new ArtNetEncoder({ ledCount: LEDS });
  encoder.encode(pattern(), 3);
  const got = nextFrame();
  await send(rx.ports.artnet!, encoder.packets);
  await got;
  assert.equal(Array.from(rx.frame!), Array.from(pattern()));
  assert.is(rx.sender, 'Art-Net 127.0.0.1');
  assert.is(rx.frames, 1, 'the last universe did not complete a second frame before the sync');
  await rx.close();
});

test('TPM2.NET from a real sender: a frame in two packets (1 of 2, 2 of 2)', async () => {
  const { rx, nextFrame } = await receiver();
  const data = pattern();
  const part = (n: number, bytes: Uint8Array) => {
    const p = new Uint8Array(7 + bytes.length);
    p.set([TPM2NET_START, 0xda, bytes.length >> 8, bytes.length & 255, n, 2]);
    p.set(bytes, 6);
    p[6 + bytes.length] = 0x36;
    return p;
  };
  const got = nextFrame();
  await send(rx.ports.tpm2net!, [part(1, data.subarray(0, 450)), part(2, data.subarray(450))]);
  await got;
  assert.equal(Array.from(rx.frame!), Array.from(data));
  assert.is(rx.sender, 'TPM2.NET 127.0.0.1');
  await rx.close();
});

test('an address that cannot be bound is refused naming the protocol, the port and the fix', async () => {
  const { rx } = await receiver();
  // reuseAddr lets two sockets share a UDP port on Linux; an address that is not ours cannot be bound.
  const foreign = new LiveReceiver({
    ledCount: LEDS,
    host: '192.0.2.1',
    listen: [{ protocol: 'ddp', port: 0 }],
  });
  try {
    await foreign.start();
    assert.unreachable();
  } catch (error) {
    assert.match(
      (error as Error).message,
      /live: cannot listen for DDP on 192\.0\.2\.1:0 .*give --live ddp:PORT/,
    );
  }
  await rx.close();
});

test('--live through the CLI: receivers bound as asked, E1.31 from --e131-universe, takeover names the live app', async () => {
  const { options, problems } = resolveOptions(
    ['--live', 'e131:0', '--live-host', '127.0.0.1', '--e131-universe', '7', '--live-timeout', '3'],
    {},
    () => {
      throw new Error('no files');
    },
  );
  assert.equal(problems, []);
  const app = defineGame({
    id: 'live',
    title: 'Live',
    kind: 'app',
    create: () => ({ update() {}, draw() {} }),
  });
  const live = await startLiveInput(
    options,
    compileLayout(20, 15, DEFAULT_LAYOUT),
    [app],
    new MemoryLogger(),
  );
  assert.ok(live);
  const feed = live!.table.feed;
  assert.is(live!.table.takeover, app);
  assert.is(feed.timeoutSeconds, 3);
  const port = Number(/^E1\.31 (\d+)$/.exec(feed.listening)?.[1]);
  const encoder = new E131Encoder({ ledCount: LEDS, universe: 7 });
  encoder.encode(pattern(), 1);
  await send(port, encoder.packets);
  for (let i = 0; i < 100 && feed.frames === 0; i++) await new Promise((r) => setTimeout(r, 5));
  assert.is(feed.frames, 1);
  assert.equal(Array.from(feed.frame!), Array.from(pattern()));
  await live!.close();
  assert.is(
    await startLiveInput(
      { ...options, live: [] },
      compileLayout(20, 15, DEFAULT_LAYOUT),
      [],
      new MemoryLogger(),
    ),
    undefined,
  );
});

test.run();
