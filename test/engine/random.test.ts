import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Random } from '../../src/engine/random.ts';

test('the same seed gives the same sequence', () => {
  const a = new Random(42);
  const b = new Random(42);
  const seqA = Array.from({ length: 50 }, () => a.uint32());
  const seqB = Array.from({ length: 50 }, () => b.uint32());
  assert.equal(seqA, seqB);
});

test('different seeds give different sequences', () => {
  const a = new Random(1);
  const b = new Random(2);
  assert.not.equal(
    Array.from({ length: 8 }, () => a.uint32()),
    Array.from({ length: 8 }, () => b.uint32()),
  );
});

test('int(n) stays in range and covers it', () => {
  const r = new Random(7);
  const seen = new Set<number>();
  for (let i = 0; i < 2000; i++) {
    const v = r.int(6);
    assert.ok(v >= 0 && v < 6 && Number.isInteger(v));
    seen.add(v);
  }
  assert.is(seen.size, 6);
});

test('shuffle keeps every element', () => {
  const r = new Random(3);
  const items = [1, 2, 3, 4, 5, 6, 7];
  assert.equal([...r.shuffle([...items])].sort(), items);
});

test.run();
