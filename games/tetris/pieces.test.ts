import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  BOX_SIZE,
  cellX,
  cellY,
  I,
  J,
  KICK_TESTS,
  kickX,
  kickY,
  L,
  O,
  PIECE_NAMES,
  PUBLISHED_I_KICKS,
  PUBLISHED_JLSTZ_KICKS,
  S,
  T,
  Z,
} from './pieces.ts';
import { controls, fillBottom, newTetris, wellText } from './test-helpers.ts';

function stateArt(type: number, rotation: number): string {
  const n = BOX_SIZE[type]!;
  const rows = Array.from({ length: n }, () => Array<string>(n).fill('.'));
  for (let i = 0; i < 4; i++) rows[cellY(type, rotation, i)]![cellX(type, rotation, i)] = '#';
  return rows.map((r) => r.join('')).join('\n');
}

test('rotation states match the SRS pictures (T and I, all four states)', () => {
  assert.equal(
    [0, 1, 2, 3].map((r) => stateArt(T, r)),
    ['.#.\n###\n...', '.#.\n.##\n.#.', '...\n###\n.#.', '.#.\n##.\n.#.'],
  );
  assert.equal(
    [0, 1, 2, 3].map((r) => stateArt(I, r)),
    ['....\n####\n....\n....', '..#.\n..#.\n..#.\n..#.', '....\n....\n####\n....', '.#..\n.#..\n.#..\n.#..'],
  );
  assert.is(stateArt(S, 0), '.##\n##.\n...');
  assert.is(stateArt(Z, 0), '##.\n.##\n...');
  assert.is(stateArt(J, 0), '#..\n###\n...');
  assert.is(stateArt(L, 0), '..#\n###\n...');
  assert.is(stateArt(L, 1), '.#.\n.#.\n.##');
  for (let r = 0; r < 4; r++) assert.is(stateArt(O, r), '.##\n.##\n...');
});

// The SRS offset tables (tetris.wiki, "How Guideline SRS Really Works"): each kick is
// offset(from) − offset(to). Deriving the kicks this way is an independent check of the typed
// tables, which come from the "Wall Kicks" section of the same page. y up.
const JLSTZ_OFFSETS = [
  [
    [0, 0],
    [0, 0],
    [0, 0],
    [0, 0],
    [0, 0],
  ],
  [
    [0, 0],
    [1, 0],
    [1, -1],
    [0, 2],
    [1, 2],
  ],
  [
    [0, 0],
    [0, 0],
    [0, 0],
    [0, 0],
    [0, 0],
  ],
  [
    [0, 0],
    [-1, 0],
    [-1, -1],
    [0, 2],
    [-1, 2],
  ],
];
const I_OFFSETS = [
  [
    [0, 0],
    [-1, 0],
    [2, 0],
    [-1, 0],
    [2, 0],
  ],
  [
    [-1, 0],
    [0, 0],
    [0, 0],
    [0, 1],
    [0, -2],
  ],
  [
    [-1, 1],
    [1, 1],
    [-2, 1],
    [1, 0],
    [-2, 0],
  ],
  [
    [0, 1],
    [0, 1],
    [0, 1],
    [0, -1],
    [0, 2],
  ],
];
// For I the offsets also move its centre of rotation; true rotation in the 4×4 box already does
// that, so the I kicks equal the offset differences minus that centre shift (the first test).
function derived(offsets: number[][][], from: number, to: number): [number, number][] {
  const base = [offsets[from]![0]![0]! - offsets[to]![0]![0]!, offsets[from]![0]![1]! - offsets[to]![0]![1]!];
  return offsets[from]!.map((o, k) => [
    o[0]! - offsets[to]![k]![0]! - base[0]!,
    o[1]! - offsets[to]![k]![1]! - base[1]!,
  ]);
}

test('the typed kick tables equal the ones derived from the SRS offset tables', () => {
  for (let from = 0; from < 4; from++) {
    for (const to of [(from + 1) % 4, (from + 3) % 4]) {
      assert.equal(
        PUBLISHED_JLSTZ_KICKS[`${from}>${to}`],
        derived(JLSTZ_OFFSETS, from, to),
        `JLSTZ ${from}>${to}`,
      );
      assert.equal(PUBLISHED_I_KICKS[`${from}>${to}`], derived(I_OFFSETS, from, to), `I ${from}>${to}`);
    }
  }
});

test('a few published entries, read straight off the tables (y up → the game’s y down)', () => {
  // JLSTZ 0→R test 5 is (−1, −2): one left, two down.
  assert.equal([kickX(T, 0, 0, 4), kickY(T, 0, 0, 4)], [-1, 2]);
  // I 0→R test 5 is (+1, +2): one right, two up.
  assert.equal([kickX(I, 0, 0, 4), kickY(I, 0, 0, 4)], [1, -2]);
  // I R→2 test 3 is (+2, 0).
  assert.equal([kickX(I, 1, 0, 2), kickY(I, 1, 0, 2)], [2, 0]);
  // O never kicks.
  assert.equal([kickX(O, 0, 0, 0), kickY(O, 0, 0, 0)], [0, 0]);
});

// Every kick case behaves as published: for each piece, each turn and each test k, block one
// cell of every earlier test's target (and none of test k's) and check the piece lands at test k.
test('every kick case of every piece: the first free test wins, in published order', () => {
  let cases = 0;
  const unreachable: string[] = [];
  for (const type of [I, J, L, S, T, Z]) {
    const published = type === I ? PUBLISHED_I_KICKS : PUBLISHED_JLSTZ_KICKS;
    for (let from = 0; from < 4; from++) {
      for (const dir of [0, 1]) {
        const to = (from + (dir === 0 ? 1 : 3)) % 4;
        const kicks = published[`${from}>${to}`]!;
        for (let k = 0; k < KICK_TESTS; k++) {
          const game = newTetris();
          game.board.clear();
          const px = 3;
          const py = 10;
          const key = (x: number, y: number) => `${x},${y}`;
          const cellsAt = (rot: number, dx: number, dy: number) =>
            [0, 1, 2, 3].map((i) => key(px + dx + cellX(type, rot, i), py + dy + cellY(type, rot, i)));
          const current = new Set(cellsAt(from, 0, 0));
          const target = new Set(cellsAt(to, kicks[k]![0], -kicks[k]![1]));
          let reachable = true;
          for (let j = 0; j < k && reachable; j++) {
            const blocker = cellsAt(to, kicks[j]![0], -kicks[j]![1]).find(
              (c) => !current.has(c) && !target.has(c),
            );
            if (!blocker) {
              unreachable.push(`${PIECE_NAMES[type]} ${from}>${to} test ${k + 1}`);
              reachable = false;
              break;
            }
            const [bx, by] = blocker.split(',').map(Number) as [number, number];
            game.board.set(bx, by, 8);
          }
          if (!reachable) continue;
          game.setPiece(type, from, px, py);
          const used = game.rotateWithKick(dir);
          assert.is(used, k, `${PIECE_NAMES[type]} ${from}>${to} expected test ${k + 1}`);
          assert.equal([game.x - px, py - game.y, game.rotation], [kicks[k]![0], kicks[k]![1], to]);
          cases++;
        }
      }
    }
  }
  // Four T cases can never happen: every cell of an earlier test's target is either part of the
  // T itself or of test k's target, so when test k fits the earlier test fits too.
  assert.equal(unreachable, ['T 0>1 test 4', 'T 0>3 test 4', 'T 2>3 test 3', 'T 2>1 test 3']);
  assert.is(cases, 6 * 8 * 5 - 4);
});

test('T-spin triple set-up: 0→R uses the fifth test (−1, −2) and clears three lines', () => {
  const game = newTetris();
  game.board.clear();
  fillBottom(game, [
    '###.......', // the overhang the T tucks under
    '##...#####',
    '##.#######',
    '##..######',
    '##.#######',
  ]);
  game.setPiece(T, 0, 2, 15);
  assert.is(game.rotateWithKick(0), 4);
  assert.equal([game.rotation, game.x, game.y], [1, 1, 17]);
  game.step(controls({ hardDrop: true }));
  assert.is(game.lastClear, 3);
  assert.is(game.score, 500);
});

test('I-piece wall kick: R→2 against the left wall takes test 3 (+2, 0)', () => {
  const game = newTetris();
  game.board.clear();
  game.setPiece(I, 1, -2, 10); // vertical in column 0
  assert.is(game.rotateWithKick(0), 2);
  assert.equal([game.rotation, game.x, game.y], [2, 0, 10]);
  game.step(controls({ hardDrop: true }));
  assert.is(wellText(game).split('\n').at(-1), 'IIII......');
});

test('I-piece against the right wall: L→0 takes test 3 (−2, 0) after two tests cross the wall', () => {
  const game = newTetris();
  game.board.clear();
  game.setPiece(I, 3, 8, 10); // state L: cells in box column 1 → column 9
  assert.is(game.rotateWithKick(0), 2);
  assert.equal([game.rotation, game.x, game.y], [0, 6, 10]);
});

test.run();
