import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { MemoryDriver } from '../../src/output/memory-driver.ts';
import { NullDriver } from '../../src/output/null-driver.ts';

test('keeps a copy of the last frame and counts shows', async () => {
  const d = new MemoryDriver();
  assert.is(d.isOpen, false);
  await d.open();
  assert.is(d.isOpen, true);
  const frame = new Uint8Array([1, 2, 3, 4, 5, 6]);
  d.show(frame);
  frame[0] = 99; // the caller reuses its buffer
  assert.equal(Array.from(d.lastFrame!), [1, 2, 3, 4, 5, 6]);
  d.show(frame);
  assert.is(d.showCount, 2);
  assert.is(d.lastFrame![0], 99);
});

test('keeps the last N frames, oldest first', async () => {
  const d = new MemoryDriver({ keep: 3 });
  await d.open();
  for (let i = 1; i <= 5; i++) d.show(new Uint8Array([i, i, i]));
  assert.equal(
    d.frames.map((f) => f[0]),
    [3, 4, 5],
  );
  assert.is(d.lastFrame![0], 5);
  assert.is(d.showCount, 5);
});

test('close sends an all-black frame, once, and is safe to call twice', async () => {
  const d = new MemoryDriver({ keep: 2 });
  await d.open();
  d.show(new Uint8Array([9, 9, 9, 9, 9, 9]));
  await d.close();
  assert.is(d.isOpen, false);
  assert.is(d.closedBlank, true);
  assert.equal(Array.from(d.lastFrame!), [0, 0, 0, 0, 0, 0]);
  assert.is(d.showCount, 1);
  await d.close();
  assert.is(d.frames.length, 2);
  assert.is(d.frames[0]![0], 9);
});

test('a driver that never showed blanks ledCount LEDs on close', async () => {
  const d = new MemoryDriver({ ledCount: 4 });
  await d.open();
  await d.close();
  assert.is(d.closedBlank, true);
  assert.equal(d.lastFrame!.length, 12);
});

test('misuse is reported', async () => {
  const d = new MemoryDriver({ ledCount: 2 });
  assert.throws(() => d.show(new Uint8Array(6)), /not open: call open\(\) first/);
  await d.open();
  assert.throws(() => d.show(new Uint8Array(3)), /expected 6 bytes \(2 LEDs\), got 3/);
  assert.throws(() => new MemoryDriver({ keep: 0 }), /keep must be an integer ≥ 1/);
  await d.close();
  assert.throws(() => d.show(new Uint8Array(6)), /not open/);
});

test('NullDriver accepts everything and does nothing', async () => {
  const d = new NullDriver();
  await d.open();
  d.show(new Uint8Array(900));
  await d.close();
  await d.close();
  assert.is(d.name, 'null');
});

test.run();
