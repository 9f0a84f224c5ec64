import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { EV_KEY } from '../../../hardware/evdev/codes.ts';
import { EvdevDecoder, encodeRecords } from '../../../hardware/evdev/decoder.ts';
import { openEventStream } from '../../../hardware/evdev/event-stream.ts';

const dir = mkdtempSync(join(tmpdir(), 'ledtable-stream-'));

function hasMkfifo(): boolean {
  try {
    execFileSync('mkfifo', [join(dir, 'probe')]);
    return true;
  } catch {
    return false;
  }
}

test('a FIFO is read as records arrive (event-driven), split writes included, then its end', async () => {
  if (!hasMkfifo()) {
    console.log('  skipped: mkfifo is not available');
    return;
  }
  const fifo = join(dir, 'events');
  execFileSync('mkfifo', [fifo]);
  const codes: number[] = [];
  const decoder = new EvdevDecoder(24, (r) => codes.push(r.code));
  let ended!: () => void;
  const end = new Promise<void>((resolve) => {
    ended = resolve;
  });
  const stream = openEventStream(fifo, { data: (c) => decoder.feed(c), end: () => ended() });
  assert.is(stream.mode, 'socket');
  const writer = openSync(fifo, 'w');
  const bytes = encodeRecords(
    [1, 2, 3].map((code) => ({ type: EV_KEY, code, value: 1 })),
    24,
  );
  writeSync(writer, bytes.subarray(0, 30));
  writeSync(writer, bytes.subarray(30));
  closeSync(writer);
  await end;
  assert.equal(codes, [1, 2, 3]);
  stream.close();
});

test('a regular file of records is read by polling', async () => {
  const file = join(dir, 'records.bin');
  writeFileSync(file, encodeRecords([{ type: EV_KEY, code: 44, value: 1 }], 16));
  const codes: number[] = [];
  const decoder = new EvdevDecoder(16, (r) => codes.push(r.code));
  let got!: () => void;
  const arrived = new Promise<void>((resolve) => {
    got = resolve;
  });
  const stream = openEventStream(file, {
    data: (c) => {
      decoder.feed(c);
      got();
    },
    end: () => {},
  });
  assert.is(stream.mode, 'interval');
  await arrived;
  stream.close();
  stream.close();
  assert.equal(codes, [44]);
});

test('open errors are thrown as is (the source explains them)', () => {
  try {
    openEventStream(join(dir, 'missing'), { data() {}, end() {} });
    assert.unreachable();
  } catch (error) {
    assert.is((error as NodeJS.ErrnoException).code, 'ENOENT');
  }
});

test.run();
