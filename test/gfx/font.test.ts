import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  defineFont,
  FONT_3X5,
  FONT_5X7,
  type Font,
  glyphPixel,
  missingGlyph,
  REQUIRED_CHARS,
} from '../../src/gfx/font.ts';

const fonts: [string, Font][] = [
  ['FONT_3X5', FONT_3X5],
  ['FONT_5X7', FONT_5X7],
];

test('every required character and the arrows exist in both fonts and fit the height', () => {
  for (const [name, font] of fonts) {
    for (const ch of REQUIRED_CHARS + '←→↑↓') {
      const g = font.glyph(ch);
      assert.ok(g, `${name} lacks "${ch}"`);
      assert.is(g.rows.length, font.height, `${name} "${ch}" rows`);
      assert.ok(g.width >= 1 && g.width <= 5, `${name} "${ch}" width ${g.width}`);
      for (const bits of g.rows)
        assert.ok(bits >= 0 && bits < 1 << g.width, `${name} "${ch}" ink outside its width`);
      // every glyph but the space has ink
      if (ch !== ' ')
        assert.ok(
          g.rows.some((b) => b !== 0),
          `${name} "${ch}" is blank`,
        );
    }
  }
});

test('glyphs are distinct (no copy-paste slips), except where intended', () => {
  for (const [name, font] of fonts) {
    const seen = new Map<string, string>();
    for (const ch of REQUIRED_CHARS) {
      const g = font.glyph(ch)!;
      const key = `${g.width}:${g.rows.join(',')}`;
      assert.not.ok(seen.has(key), `${name}: "${ch}" looks like "${seen.get(key)}"`);
      seen.set(key, ch);
    }
  }
});

test('lowercase maps to uppercase, unknown characters are undefined', () => {
  for (const [, font] of fonts) {
    assert.is(font.glyph('q'), font.glyph('Q'));
    assert.is(font.glyph('€'), undefined);
  }
});

test('3x5 digits are 3 wide, M and W wider', () => {
  for (const d of '0123456789') assert.is(FONT_3X5.glyph(d)?.width, 3);
  assert.is(FONT_3X5.glyph('M')?.width, 5);
  assert.is(FONT_3X5.glyph('W')?.width, 5);
  assert.ok(glyphPixel(FONT_3X5.glyph('7')!, 0, 0));
  assert.not.ok(glyphPixel(FONT_3X5.glyph('7')!, 0, 1));
});

test('missing glyph is a small box that fits the font', () => {
  assert.equal(missingGlyph(FONT_3X5), { width: 3, rows: [0, 7, 5, 7, 0] });
  const big = missingGlyph(FONT_5X7);
  assert.is(big.rows.length, 7);
  assert.is(missingGlyph(FONT_5X7), big); // cached
});

test('defineFont rejects glyphs of the wrong height or ragged rows', () => {
  assert.throws(() => defineFont(2, 1, { A: '#' }), /"A".*2 rows/);
  assert.throws(() => defineFont(2, 1, { A: '##/#' }), /equal width/);
  assert.throws(() => defineFont(1, 1, { A: 'x' }), /only '#' and '.'/);
});

test.run();
