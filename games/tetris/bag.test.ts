import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Random } from '../../src/index.ts';
import { SevenBag } from './bag.ts';

test('7-bag: every consecutive group of seven is a permutation of the seven pieces (many seeds)', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 1, max: 30 }), (seed, groups) => {
      const bag = new SevenBag(new Random(seed));
      for (let g = 0; g < groups; g++) {
        const group = Array.from({ length: 7 }, () => bag.next());
        assert.equal([...group].sort(), [0, 1, 2, 3, 4, 5, 6]);
      }
    }),
    { numRuns: 300 },
  );
});

test('7-bag: peek shows exactly the pieces next() will return, up to seven ahead', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 20 }), (seed, skip) => {
      const bag = new SevenBag(new Random(seed));
      for (let i = 0; i < skip; i++) bag.next();
      const peeked = Array.from({ length: 7 }, (_, i) => bag.peek(i));
      assert.equal(
        Array.from({ length: 7 }, () => bag.next()),
        peeked,
      );
    }),
  );
});

test('7-bag: the same seed gives the same sequence; different seeds differ', () => {
  const seq = (seed: number) => {
    const bag = new SevenBag(new Random(seed));
    return Array.from({ length: 28 }, () => bag.next()).join('');
  };
  assert.is(seq(5), seq(5));
  assert.is.not(seq(5), seq(6));
});

test.run();
