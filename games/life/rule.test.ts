import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseRule } from './rule.ts';

test('B/S notation in its usual spellings gives the same masks', () => {
  const conway = { birth: 0b1000, survive: 0b1100, text: 'B3/S23' };
  for (const text of ['B3/S23', 'b3/s23', 'B3S23', 'S23/B3', '23/3', ' B3 / S32 ']) {
    assert.equal(parseRule(text), conway, text);
  }
});

test('other rules: HighLife, Seeds (empty S), Day & Night, B0', () => {
  assert.equal(parseRule('B36/S23'), { birth: (1 << 3) | (1 << 6), survive: 0b1100, text: 'B36/S23' });
  assert.equal(parseRule('B2/S'), { birth: 1 << 2, survive: 0, text: 'B2/S' });
  assert.is(parseRule('b8763/s87643').text, 'B3678/S34678');
  assert.is(parseRule('B0/S8').birth, 1);
  assert.is(parseRule('B0/S8').survive, 1 << 8);
});

test('malformed rules throw an error that shows the expected form', () => {
  for (const bad of ['', 'B9/S23', 'conway', 'B3/S2/3', 'X3/S23']) {
    assert.throws(() => parseRule(bad), /B\/S notation.*B3\/S23/, bad);
  }
});

test.run();
