/**
 * Start patterns that fit a 20×15 torus ('#' = alive). The Gosper glider gun (36×9) does not
 * fit and is left out, and so is the pulsar (see galaxy). Periods are for an open plane; on the torus the methuselahs
 * (r-pentomino, acorn) turn into a soup that wraps around.
 */
export const PATTERNS = {
  glider: ['.#.', '..#', '###'],
  lwss: ['.#..#', '#....', '#...#', '####.'],
  /** Kok's galaxy: period 8, 9×9. (The pulsar, 13×13, reaches 15 rows in one phase and dies on a 15-row torus.) */
  galaxy: [
    '######.##',
    '######.##',
    '.......##',
    '##.....##',
    '##.....##',
    '##.....##',
    '##.......',
    '##.######',
    '##.######',
  ],
  /** Period 15, 10×3 in this phase. */
  penta: ['..#....#..', '##.####.##', '..#....#..'],
  'r-pento': ['.##', '##.', '.#.'],
  acorn: ['.#.....', '...#...', '##..###'],
  /** Vanishes after 130 generations on an open plane. */
  diehard: ['......#.', '##......', '.#...###'],
  /** HighLife (B36/S23) replicator: copies itself every 12 generations. */
  replicator: ['..###', '.#..#', '#...#', '#..#.', '###..'],
} as const satisfies Record<string, readonly string[]>;

export type PatternName = keyof typeof PATTERNS;

/**
 * The advertised period (generations) of the patterns that have one under Conway's rule: an
 * oscillator returns to itself, a spaceship to itself moved. Only orientations in which every
 * generation of one period fits the table with a two-cell gap are placed (see fit.ts), so the
 * period holds on the torus too. Patterns without an entry grow or die by design.
 */
export const PERIODS: Partial<Record<PatternName, number>> = {
  glider: 4,
  lwss: 4,
  galaxy: 8,
  penta: 15,
};

/**
 * One of the 8 rotations/reflections of `rows` (0 = as drawn): bit 0 mirrors left-right, bit 1
 * mirrors top-bottom, bit 2 swaps rows and columns. Called on reseed, not per frame.
 */
export function transform(rows: readonly string[], variant: number): string[] {
  let grid = rows.map((row) => Array.from(row));
  if (variant & 4) {
    const width = grid[0]?.length ?? 0;
    grid = Array.from({ length: width }, (_, x) => grid.map((row) => row[x] ?? '.'));
  }
  if (variant & 1) grid = grid.map((row) => row.slice().reverse());
  if (variant & 2) grid = grid.slice().reverse();
  return grid.map((row) => row.join(''));
}
