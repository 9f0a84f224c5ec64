/**
 * The seven tetrominoes in SRS (Super Rotation System), the Tetris Guideline standard.
 * Coordinates here are y DOWN (row 0 at the top), as on the table; the published kick tables are
 * y UP and are kept below in that form so they can be checked against the source by eye.
 */

/** Piece types 0..6 in the Guideline's usual order. Board cells store type + 1 (0 = empty). */
export const I = 0;
export const O = 1;
export const T = 2;
export const S = 3;
export const Z = 4;
export const J = 5;
export const L = 6;
export const PIECE_COUNT = 7;
export const PIECE_NAMES = 'IOTSZJL';

/** Rotation states 0 (spawn), 1 (R, after one clockwise turn), 2, 3 (L). */
export type Rotation = 0 | 1 | 2 | 3;

/**
 * Spawn-state cells (x, y) inside each piece's bounding box (4×4 for I, 3×3 for the others; O
 * sits in columns 1–2 of its box). Spawn boxes go at column 3, so I and O are centred and the
 * 3-wide pieces are rounded to the left, as the Guideline asks.
 */
const SPAWN: readonly (readonly number[])[] = [
  [0, 1, 1, 1, 2, 1, 3, 1], // I: ....  ####
  [1, 0, 2, 0, 1, 1, 2, 1], // O: .##  .##
  [1, 0, 0, 1, 1, 1, 2, 1], // T: .#.  ###
  [1, 0, 2, 0, 0, 1, 1, 1], // S: .##  ##.
  [0, 0, 1, 0, 1, 1, 2, 1], // Z: ##.  .##
  [0, 0, 0, 1, 1, 1, 2, 1], // J: #..  ###
  [2, 0, 0, 1, 1, 1, 2, 1], // L: ..#  ###
];

/** Bounding box size per piece: SRS rotates I in 4×4 and the others in 3×3 (O never moves). */
export const BOX_SIZE: readonly number[] = [4, 3, 3, 3, 3, 3, 3];

/**
 * All cells: CELLS[((type * 4 + rotation) * 4 + i) * 2] is x, the next entry y, for cell i 0..3.
 * Each clockwise state is the previous one turned about the box centre, (x, y) → (n − 1 − y, x),
 * which is exactly SRS's "true rotation"; O keeps its spawn cells in every state.
 */
export const CELLS: Int8Array = (() => {
  const cells = new Int8Array(PIECE_COUNT * 4 * 4 * 2);
  for (let type = 0; type < PIECE_COUNT; type++) {
    const n = BOX_SIZE[type]!;
    const spawn = SPAWN[type]!;
    for (let i = 0; i < 4; i++) {
      let x = spawn[i * 2]!;
      let y = spawn[i * 2 + 1]!;
      for (let r = 0; r < 4; r++) {
        const at = ((type * 4 + r) * 4 + i) * 2;
        cells[at] = x;
        cells[at + 1] = y;
        if (type !== O) {
          const nx = n - 1 - y;
          y = x;
          x = nx;
        }
      }
    }
  }
  return cells;
})();

export function cellX(type: number, rotation: number, i: number): number {
  return CELLS[((type * 4 + rotation) * 4 + i) * 2]!;
}
export function cellY(type: number, rotation: number, i: number): number {
  return CELLS[((type * 4 + rotation) * 4 + i) * 2 + 1]!;
}

/**
 * The published SRS wall-kick tests (tetris.wiki "Super Rotation System", "Wall Kicks"), in the
 * published form: key "from>to" with states 0, R, 2, L written 0, 1, 2, 3; five (x, y) tests
 * each, x right and y UP, tried in order; the first that fits wins. O never kicks.
 */
// biome-ignore format: one line per transition, as published
export const PUBLISHED_JLSTZ_KICKS: Readonly<Record<string, readonly (readonly [number, number])[]>> = {
  '0>1': [[0, 0], [-1, 0], [-1, 1], [0, -2], [-1, -2]],
  '1>0': [[0, 0], [1, 0], [1, -1], [0, 2], [1, 2]],
  '1>2': [[0, 0], [1, 0], [1, -1], [0, 2], [1, 2]],
  '2>1': [[0, 0], [-1, 0], [-1, 1], [0, -2], [-1, -2]],
  '2>3': [[0, 0], [1, 0], [1, 1], [0, -2], [1, -2]],
  '3>2': [[0, 0], [-1, 0], [-1, -1], [0, 2], [-1, 2]],
  '3>0': [[0, 0], [-1, 0], [-1, -1], [0, 2], [-1, 2]],
  '0>3': [[0, 0], [1, 0], [1, 1], [0, -2], [1, -2]],
};
// biome-ignore format: one line per transition, as published
export const PUBLISHED_I_KICKS: Readonly<Record<string, readonly (readonly [number, number])[]>> = {
  '0>1': [[0, 0], [-2, 0], [1, 0], [-2, -1], [1, 2]],
  '1>0': [[0, 0], [2, 0], [-1, 0], [2, 1], [-1, -2]],
  '1>2': [[0, 0], [-1, 0], [2, 0], [-1, 2], [2, -1]],
  '2>1': [[0, 0], [1, 0], [-2, 0], [1, -2], [-2, 1]],
  '2>3': [[0, 0], [2, 0], [-1, 0], [2, 1], [-1, -2]],
  '3>2': [[0, 0], [-2, 0], [1, 0], [-2, -1], [1, 2]],
  '3>0': [[0, 0], [1, 0], [-2, 0], [1, -2], [-2, 1]],
  '0>3': [[0, 0], [-1, 0], [2, 0], [-1, 2], [2, -1]],
};

export const KICK_TESTS = 5;

/**
 * The same tables flattened for the game, y DOWN: KICKS[(((table * 4 + from) * 2 + dir) * 5 + k) * 2]
 * is dx, the next entry dy, where table is 0 for J L S T Z and 1 for I, dir 0 = clockwise and
 * 1 = counter-clockwise, and k the test 0..4. Built once at load, read without allocating.
 */
const KICKS: Int8Array = (() => {
  const out = new Int8Array(2 * 4 * 2 * KICK_TESTS * 2);
  const tables = [PUBLISHED_JLSTZ_KICKS, PUBLISHED_I_KICKS];
  for (let t = 0; t < 2; t++) {
    for (let from = 0; from < 4; from++) {
      for (let dir = 0; dir < 2; dir++) {
        const to = (from + (dir === 0 ? 1 : 3)) % 4;
        const tests = tables[t]![`${from}>${to}`]!;
        for (let k = 0; k < KICK_TESTS; k++) {
          const at = (((t * 4 + from) * 2 + dir) * KICK_TESTS + k) * 2;
          out[at] = tests[k]![0];
          out[at + 1] = -tests[k]![1]; // published y is up, ours is down
        }
      }
    }
  }
  return out;
})();

/** Kick test k (0..4) for turning `type` from `from` clockwise (dir 0) or counter-clockwise (1), y down. */
export function kickX(type: number, from: number, dir: number, k: number): number {
  return type === O ? 0 : KICKS[((((type === I ? 1 : 0) * 4 + from) * 2 + dir) * KICK_TESTS + k) * 2]!;
}
export function kickY(type: number, from: number, dir: number, k: number): number {
  return type === O ? 0 : KICKS[((((type === I ? 1 : 0) * 4 + from) * 2 + dir) * KICK_TESTS + k) * 2 + 1]!;
}

/** How many kick tests a piece has: 5, but 1 for O (it only turns in place). */
export function kickCount(type: number): number {
  return type === O ? 1 : KICK_TESTS;
}
