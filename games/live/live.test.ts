import { createSocket } from 'node:dgram';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { DdpEncoder } from '../../hardware/ddp.ts';
import { LiveReceiver } from '../../hardware/live-receiver.ts';
import { ManualClock } from '../../src/engine/clock.ts';
import { MemoryLogger } from '../../src/engine/log.ts';
import { defineGame } from '../../src/index.ts';
import { Table } from '../../src/table/table.ts';
import live from './index.ts';

const other = defineGame({
  id: 'other',
  title: 'Other',
  kind: 'app',
  create: () => ({ update() {}, draw: (g) => g.clear(0x0000ff) }),
});

/** A table at 10 ticks/s listening for DDP on 127.0.0.1, with the live app taking over. */
async function liveTable(takeover = true) {
  let arrived: () => void = () => {};
  const feed = new LiveReceiver({
    ledCount: 300,
    host: '127.0.0.1',
    listen: [{ protocol: 'ddp', port: 0 }],
    timeoutSeconds: 2,
    onFrame: () => arrived(),
  });
  await feed.start();
  const clock = new ManualClock();
  const table = new Table({
    catalog: [other, live],
    clock,
    log: new MemoryLogger(),
    rate: 10,
    seed: 1,
    idleSeconds: 0,
    live: { feed, takeover: takeover ? live : undefined },
  });
  table.engine.start();
  const socket = createSocket('udp4');
  const encoder = new DdpEncoder(300);
  /** Sends one frame of `color` from a real UDP sender and waits until the feed has it. */
  const send = async (color: [number, number, number]) => {
    const frame = new Uint8Array(900);
    for (let i = 0; i < 300; i++) frame.set(color, i * 3);
    encoder.encode(frame, 1);
    const got = new Promise<void>((resolve) => {
      arrived = resolve;
    });
    for (const p of encoder.packets) socket.send(p, feed.ports.ddp!, '127.0.0.1');
    await got;
  };
  const close = async () => {
    socket.close();
    await feed.close();
  };
  return { table, engine: table.engine, clock, feed, send, close };
}

test('a DDP stream takes over whatever runs, shows its frames through the layout, then returns to the menu after the timeout', async () => {
  const { table, engine, clock, send, close } = await liveTable();
  table.play(other);
  clock.step(1);
  assert.is(engine.frame.get(3, 3), 0x0000ff);
  await send([255, 0, 0]);
  clock.step(1);
  assert.is(engine.top.title, 'Live input', 'the stream took over');
  clock.step(1);
  assert.is(engine.frame.get(0, 0), 0x000000, 'waits for a frame that arrives while it runs');
  await send([0, 255, 0]);
  clock.step(1);
  assert.is(engine.frame.get(7, 3), 0x00ff00);
  assert.is(engine.frame.get(19, 0), 0x00ff00);
  assert.not.equal(engine.frame.get(0, 10), 0x00ff00, 'the sender banner covers the bottom rows at first');
  clock.step(19);
  assert.is(engine.frame.get(0, 10), 0x00ff00, 'and leaves after 2 s');
  assert.is(engine.top.title, 'Live input', '19 ticks (1.9 s) without a frame: still live…');
  clock.step(1);
  assert.not.equal(engine.top.title, 'Live input', '…the 20th (2 s, the timeout) ends it');
  await close();
});

test('STRIP order maps LED i through the wiring: LED 29 is pixel (1, 0) on the column zigzag', async () => {
  const { table, engine, clock, feed, send, close } = await liveTable(false);
  table.play(live);
  clock.step(1);
  assert.is(engine.top.title, 'Live input');
  await send([0, 0, 0]);
  const frame = feed.frame as Uint8Array;
  frame.set([255, 255, 255], 29 * 3); // edit the feed's buffer as if that frame had carried it
  clock.step(1);
  assert.is(engine.frame.get(1, 0), 0xffffff);
  assert.is(engine.frame.get(0, 0), 0x000000);
  assert.is(engine.frame.get(1, 1), 0x000000);
  await close();
});

test('frames never take over when takeover is off', async () => {
  const { table, engine, clock, send, close } = await liveTable(false);
  table.play(other);
  await send([255, 0, 0]);
  clock.step(2);
  assert.is(engine.top.title, 'Other');
  await close();
});

test('without --live (no feed) the app shows LIVE and scrolls how to start it', () => {
  const clock = new ManualClock();
  const table = new Table({ catalog: [live], clock, log: new MemoryLogger(), seed: 1, idleSeconds: 0 });
  table.engine.start();
  table.play(live);
  clock.step(1);
  const lit = (y0: number, y1: number) => {
    let n = 0;
    for (let y = y0; y < y1; y++) for (let x = 0; x < 20; x++) if (table.engine.frame.get(x, y) !== 0) n++;
    return n;
  };
  assert.ok(lit(1, 6) > 10, 'LIVE at the top');
  assert.ok(lit(9, 15) > 5, 'the banner at the bottom');
});

test.run();
