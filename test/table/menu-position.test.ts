import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Canvas, Graphics } from '../../src/index.ts';
import { drawPositionDots } from '../../src/table/menu.ts';

/** The bottom row as text: '#' the selected marker, '-' the dim track or dots, '.' nothing. */
function row(selected: number, count: number): string {
  const canvas = new Canvas(20, 15);
  drawPositionDots(new Graphics(canvas), selected, count);
  let text = '';
  for (let x = 0; x < 20; x++) {
    const c = canvas.get(x, 14);
    text += c === 0xffffff ? '#' : c === 0 ? '.' : '-';
  }
  return text;
}

test('up to ten entries: one dot each with gaps', () => {
  assert.is(row(0, 3), '.......#.-.-........');
  assert.is(row(9, 10), '-.-.-.-.-.-.-.-.-.#.');
});

test('eleven entries and more never merge into a bar: a marker slides along a track, ends plain', () => {
  // (The old dots lost their gaps at 11 entries: eleven bright-or-dim pixels side by side.)
  assert.is(row(0, 11), '##------------------');
  assert.is(row(10, 11), '------------------##');
  assert.is(row(5, 11), '---------##---------');
  for (const count of [11, 17, 40, 200]) {
    let last = -1;
    for (let selected = 0; selected < count; selected++) {
      const text = row(selected, count);
      const at = text.indexOf('#');
      assert.ok(text.split('').filter((c) => c === '#').length >= 2, `${count}: marker at least 2 wide`);
      assert.ok(at >= last, `${count}: the marker moves right as the selection does`);
      if (count <= 20) assert.ok(at > last, `${count}: every step moves it`);
      last = at;
    }
    assert.ok(row(0, count).startsWith('#') && row(count - 1, count).endsWith('#'), `${count}: ends`);
  }
});

test.run();
