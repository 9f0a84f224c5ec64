import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { EV_KEY, EV_SYN, KEY_CODES } from '../../../hardware/evdev/codes.ts';
import {
  EvdevDecoder,
  encodeRecords,
  nativeRecordSize,
  type RecordSize,
} from '../../../hardware/evdev/decoder.ts';

const decodeAll = (bytes: Uint8Array, size: RecordSize, chunks: number[]) => {
  const out: string[] = [];
  const decoder = new EvdevDecoder(size, (r) =>
    out.push(`${r.type}:${r.code}:${r.value}@${r.time.toFixed(6)}`),
  );
  let at = 0;
  for (const length of chunks) {
    decoder.feed(bytes.subarray(at, at + length));
    at += length;
  }
  decoder.feed(bytes.subarray(at));
  return out;
};

// Hand-written bytes of real records, as a 64-bit kernel writes them: KEY_Z down at 1700000000.25 s, then SYN_REPORT.
const REAL_24 = Uint8Array.from([
  0x00, 0xf1, 0x53, 0x65, 0, 0, 0, 0, 0x90, 0xd0, 0x03, 0, 0, 0, 0, 0, 0x01, 0x00, 0x2c, 0x00, 0x01, 0, 0, 0,
  0x00, 0xf1, 0x53, 0x65, 0, 0, 0, 0, 0x90, 0xd0, 0x03, 0, 0, 0, 0, 0, 0x00, 0x00, 0x00, 0x00, 0x00, 0, 0, 0,
]);
// The same two records from a 32-bit ARM process (16 bytes each).
const REAL_16 = Uint8Array.from([
  0x00, 0xf1, 0x53, 0x65, 0x90, 0xd0, 0x03, 0, 0x01, 0x00, 0x2c, 0x00, 0x01, 0, 0, 0, 0x00, 0xf1, 0x53, 0x65,
  0x90, 0xd0, 0x03, 0, 0x00, 0x00, 0x00, 0x00, 0x00, 0, 0, 0,
]);

test('decodes real 24-byte records (64-bit)', () => {
  assert.equal(decodeAll(REAL_24, 24, []), ['1:44:1@1700000000.250000', '0:0:0@1700000000.250000']);
});

test('decodes real 16-byte records (32-bit ARM)', () => {
  assert.equal(decodeAll(REAL_16, 16, []), ['1:44:1@1700000000.250000', '0:0:0@1700000000.250000']);
});

test('negative axis values and large timestamps survive encoding', () => {
  for (const size of [16, 24] as const) {
    const bytes = encodeRecords([{ type: 3, code: 0, value: -32768, time: 12.5 }], size);
    assert.equal(decodeAll(bytes, size, []), ['3:0:-32768@12.500000']);
  }
});

test('records split anywhere across reads decode the same (property)', () => {
  fc.assert(
    fc.property(
      fc.constantFrom<RecordSize>(16, 24),
      fc.array(
        fc.record({
          code: fc.integer({ min: 0, max: 0x2ff }),
          value: fc.integer({ min: -40000, max: 40000 }),
        }),
        {
          minLength: 1,
          maxLength: 20,
        },
      ),
      fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 40 }),
      (size, events, chunks) => {
        const bytes = encodeRecords(
          events.map((e, i) => ({ type: EV_KEY, ...e, time: i })),
          size,
        );
        assert.equal(decodeAll(bytes, size, chunks), decodeAll(bytes, size, []));
        assert.is(decodeAll(bytes, size, []).length, events.length);
      },
    ),
  );
});

test('one byte at a time, with the partial record reported as pending', () => {
  const bytes = encodeRecords([{ type: EV_KEY, code: KEY_CODES.KEY_UP!, value: 1 }], 24);
  const seen: number[] = [];
  const decoder = new EvdevDecoder(24, (r) => seen.push(r.code));
  for (let i = 0; i < 23; i++) decoder.feed(bytes.subarray(i, i + 1));
  assert.is(decoder.pending, 23);
  assert.equal(seen, []);
  decoder.feed(bytes.subarray(23));
  assert.equal(seen, [KEY_CODES.KEY_UP]);
  assert.is(decoder.pending, 0);
});

test('a file of records read in odd-sized chunks', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ledtable-evdev-'));
  const file = join(dir, 'records.bin');
  const records = Array.from({ length: 50 }, (_, i) => ({
    type: i % 2 ? EV_SYN : EV_KEY,
    code: i,
    value: i % 3,
  }));
  writeFileSync(file, encodeRecords(records, 16));
  const bytes = readFileSync(file);
  const got = decodeAll(bytes, 16, [7, 100, 3, 16, 1]);
  assert.is(got.length, 50);
  assert.is(got[49], `0:49:1@0.000000`);
});

test('record size follows the process ABI', () => {
  assert.is(nativeRecordSize('arm'), 16);
  assert.is(nativeRecordSize('arm64'), 24);
  assert.is(nativeRecordSize('x64'), 24);
});

test.run();
