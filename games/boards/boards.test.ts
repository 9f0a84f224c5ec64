import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { dim, mix } from '../../src/index.ts';
import { Harness } from '../../src/testing/index.ts';
import boards from './index.ts';
import { CHESS_DARK, DIE_FACES, FRAME, LIGHT_SQUARE, LUDO_COLORS, TRACK } from './layouts.ts';

const TOP = 0.4; // light level 5

function legend(level: number) {
  const [r, g, y, b] = LUDO_COLORS.map((c) => dim(c, level));
  return {
    L: dim(LIGHT_SQUARE, level),
    d: dim(CHESS_DARK, level),
    '+': dim(FRAME, level),
    t: dim(TRACK, level),
    w: dim(0xffffff, level),
    r: r!,
    g: g!,
    y: y!,
    b: b!,
    R: dim(mix(LUDO_COLORS[0]!, 0xffffff, 0.5), level),
    G: dim(mix(LUDO_COLORS[1]!, 0xffffff, 0.5), level),
    Y: dim(mix(LUDO_COLORS[2]!, 0xffffff, 0.5), level),
    B: dim(mix(LUDO_COLORS[3]!, 0xffffff, 0.5), level),
  };
}

test('chess: an 8 × 8 board, light square top-left, framed; White to move shows below', async () => {
  const t = await Harness.start(boards, { settings: { board: 'chess', light: 5 } });
  await t.step(1);
  assert.is(
    t.frame(legend(TOP)),
    [
      '....................',
      '....................',
      '.....++++++++++.....',
      '.....+LdLdLdLd+.....',
      '.....+dLdLdLdL+.....',
      '.....+LdLdLdLd+.....',
      '.....+dLdLdLdL+.....',
      '.....+LdLdLdLd+.....',
      '.....+dLdLdLdL+.....',
      '.....+LdLdLdLd+.....',
      '.....+dLdLdLdL+.....',
      '.....++++++++++.....',
      '....................',
      '........wwww........',
      '....................',
    ].join('\n'),
  );
  t.tap('a'); // Black to move: the bar moves above the board
  await t.step(1);
  const rows = t.frame(legend(TOP)).split('\n');
  assert.is(rows[13], '....................');
  assert.is(rows[0], '........????........');
});

test('ludo: the 15 × 15 board with yards, track, home columns, safe squares and the die', async () => {
  const t = await Harness.start(boards, { settings: { board: 'ludo', light: 5 }, seed: 1 });
  await t.step(1);
  const rows = t.frame(legend(TOP)).split('\n');
  assert.is(
    rows.map((row) => row.slice(0, 15)).join('\n'),
    [
      'rrrrrrtttgggggg',
      'rR..RrtgggG..Gg',
      'r....rwgtg....g',
      'r....rtgtg....g',
      'rR..RrtgtgG..Gg',
      'rrrrrrtgtgggggg',
      'trtttt.g.tttwtt',
      'trrrrrrwyyyyyyt',
      'ttwttt.b.ttttyt',
      'bbbbbbtbtyyyyyy',
      'bB..BbtbtyY..Yy',
      'b....btbty....y',
      'b....btbwy....y',
      'bB..BbbbtyY..Yy',
      'bbbbbbtttyyyyyy',
    ].join('\n'),
  );
  // Red's turn: the marker column and the die are red
  for (const y of [0, 1, 2, 3, 11, 12, 13, 14]) assert.is(rows[y]![17], 'r', `turn marker at row ${y}`);
});

test('ludo die: B tumbles for 36 ticks, then shows a face in the colour of the player to move', async () => {
  const t = await Harness.start(boards, { settings: { board: 'ludo', light: 5 }, seed: 4 });
  const faces = new Set<number>();
  for (let roll = 0; roll < 40; roll++) {
    t.tap('a'); // next player
    t.tap('b');
    await t.step(37);
    const color = LUDO_COLORS[(roll + 1) % 4]!;
    const lit = (x: number, y: number) => (t.pixel(16 + x, 6 + y) === dim(color, TOP) ? '#' : '.');
    let pips = '';
    for (let i = 0; i < 9; i++) pips += lit(i % 3, Math.floor(i / 3));
    const face = DIE_FACES.indexOf(pips) + 1;
    assert.ok(face >= 1, `roll ${roll}: ${pips} is a die face in the player's colour`);
    faces.add(face);
  }
  assert.is(faces.size, 6, 'forty rolls show every face');
});

test('brightness: up and down between 6 % and 40 %; pieces never stand on full light', async () => {
  const t = await Harness.start(boards, { settings: { board: 'chess', light: 1 } });
  const brightest = () =>
    Math.max(...[...t.canvas.pixels].map((p) => Math.max(p >> 16, (p >> 8) & 255, p & 255)));
  await t.step(1);
  assert.is(brightest(), Math.round(255 * 0.06));
  for (let i = 0; i < 6; i++) {
    t.tap('up');
    await t.step(2);
  }
  assert.is(brightest(), Math.round(255 * 0.4));
});

test('left/right step through chess, checkers, draughts (10 × 10) and ludo', async () => {
  const t = await Harness.start(boards, { settings: { board: 'chess', light: 5 } });
  const seen: string[] = [];
  for (let i = 0; i < 4; i++) {
    await t.step(1);
    seen.push([...t.canvas.pixels].join());
    t.tap('right');
    await t.step(1);
  }
  assert.is(new Set(seen).size, 4);
  await t.step(1);
  assert.is([...t.canvas.pixels].join(), seen[0], 'and round to chess again');
  for (let i = 0; i < 2; i++) {
    t.tap('left');
    await t.step(2);
  }
  assert.is(
    t.frame(legend(TOP)).split('\n')[1],
    '....++++++++++++....',
    'draughts: 10 squares and the frame',
  );
});

test.run();
