import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Random } from '../../src/index.ts';
import { Harness } from '../../src/testing/index.ts';
import { fractal } from './fractal.ts';
import effects from './index.ts';
import { EFFECTS } from './library.ts';
import { PALETTES, paletteIndex, paletteTable } from './palettes.ts';

const W = 20;
const H = 15;

function run(id: string, seed = 1) {
  const effect = EFFECTS.find((e) => e.id === id)!;
  return effect.create({ width: W, height: H, random: new Random(seed) });
}

test('palette lookup: clamps, wraps cyclic values, draws NaN, infinities and negatives black', () => {
  assert.is(paletteIndex(0, false), 0);
  assert.is(paletteIndex(1, false), 255);
  assert.is(paletteIndex(7, false), 255);
  assert.is(paletteIndex(1.25, true), 64);
  assert.is(paletteIndex(-0.5, false), -1);
  assert.is(paletteIndex(Number.NaN, true), -1);
  assert.is(paletteIndex(Number.POSITIVE_INFINITY, false), -1);
  const table = paletteTable('fire', 0.5);
  assert.is(table[255], 0x7f7f50, 'the fire palette ends pale yellow, at half intensity');
  assert.is(table[0], 0);
  for (const name of PALETTES) assert.is(paletteTable(name, 1).length, 256);
});

test('every effect: 40 s at the fastest speed, every value finite, the picture never stalls', () => {
  const dt = 2.5 / 60;
  for (const effect of EFFECTS) {
    const render = run(effect.id);
    const field = new Float32Array(W * H);
    const previous = new Float32Array(W * H);
    let still = 0;
    let longestStill = 0;
    for (let frame = 0; frame < 2400; frame++) {
      render(field, frame * dt, frame === 0 ? 0 : dt);
      for (let i = 0; i < field.length; i++) {
        if (!Number.isFinite(field[i]!))
          assert.unreachable(`${effect.id}: value ${field[i]} at frame ${frame}`);
      }
      let changed = false;
      for (let i = 0; i < field.length && !changed; i++) changed = field[i] !== previous[i];
      still = changed ? 0 : still + 1;
      longestStill = Math.max(longestStill, still);
      previous.set(field);
    }
    assert.ok(longestStill < 30, `${effect.id} stood still for ${longestStill} frames`);
  }
});

test('pure effects are functions of time: two runs give the same field for the same t', () => {
  for (const id of ['plasma', 'water', 'hues', 'aurora', 'zoom']) {
    const a = new Float32Array(W * H);
    const b = new Float32Array(W * H);
    run(id, 1)(a, 12.5, 0);
    const other = run(id, 99);
    other(b, 3, 0);
    other(b, 12.5, 0);
    assert.equal([...a], [...b], id);
  }
});

test('fractal zoom: dives 1e10 deep and back, detail at every depth, no NaN, no stall', () => {
  const render = fractal.create({ width: W, height: H, random: new Random(1) });
  const field = new Float32Array(W * H);
  // one full dive and return at speed 1 is 2·23/0.6 ≈ 77 s; sample every half second
  for (let t = 0; t < 80; t += 0.5) {
    render(field, t, 0.5);
    const shades = new Set<number>();
    let inside = 0;
    for (const v of field) {
      assert.ok(Number.isFinite(v), `t=${t}: ${v}`);
      if (v < 0) inside++;
      else shades.add(Math.floor(v * 32));
    }
    assert.ok(shades.size >= 6, `t=${t}: only ${shades.size} shades outside the set`);
    assert.ok(inside < field.length * 0.8, `t=${t}: ${inside} of 300 pixels inside the set`);
  }
});

test('the app: left/right switch effects and name them, B dims, A recolours', async () => {
  const t = await Harness.start(effects, { settings: { effect: 'plasma', light: 'high' } });
  await t.step(120); // the name banner has gone
  const brightest = () => {
    let max = 0;
    for (const p of t.canvas.pixels) max = Math.max(max, (p >> 16) & 255, (p >> 8) & 255, p & 255);
    return max;
  };
  assert.is(brightest(), 255);
  t.tap('b'); // high → low
  await t.step(120);
  assert.ok(brightest() <= 77, `low light: brightest channel ${brightest()}`);
  t.tap('right');
  await t.step(2);
  const rows = t.frame().split('\n');
  assert.is(rows[8], '....................', 'a dark band behind the name');
  assert.is(
    rows.slice(9, 14).join('\n'),
    [
      '..###.###.##..###...',
      '..#....#..#.#.#.....',
      '..##...#..##..##....',
      '..#....#..#.#.#.....',
      '..#...###.#.#.###...',
    ].join('\n'),
    'FIRE',
  );
  const before = t.frame();
  t.tap('a');
  await t.step(2);
  assert.is.not(t.frame(), before);
});

test.run();
