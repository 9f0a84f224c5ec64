import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Harness } from '../../src/testing/index.ts';
import minesweeper, { minesFor } from './index.ts';
import {
  BAR_EMPTY,
  CLOSED_COLOR,
  CURSOR_COLOR,
  FLAG_COLOR,
  MINE_COLOR,
  NUMBER_COLORS,
  WIN_FLAG_COLOR,
} from './palette.ts';

const LEGEND = {
  '#': CLOSED_COLOR,
  '=': FLAG_COLOR,
  '-': BAR_EMPTY,
  C: CURSOR_COLOR,
  '*': MINE_COLOR,
  ...Object.fromEntries(NUMBER_COLORS.slice(1).map((c, i) => [String(i + 1), c])),
};

/** Drives the cursor with taps and remembers where it is (it starts in the middle). */
class Player {
  constructor(
    readonly t: Harness,
    public x: number,
    public y: number,
  ) {}

  async tap(button: 'left' | 'right' | 'up' | 'down' | 'a' | 'b'): Promise<void> {
    this.t.tap(button);
    await this.t.step(2);
  }

  async goto(x: number, y: number): Promise<void> {
    while (this.x < x) await this.tap('right').then(() => this.x++);
    while (this.x > x) await this.tap('left').then(() => this.x--);
    while (this.y < y) await this.tap('down').then(() => this.y++);
    while (this.y > y) await this.tap('up').then(() => this.y--);
  }
}

async function start(seed: number, level: string, width = 20, height = 15) {
  const t = await Harness.start(minesweeper, { seed, width, height, settings: { level } });
  await t.step(1);
  return new Player(t, Math.floor(width / 2), Math.floor((height - 1) / 2));
}

test('the first click is safe over many seeds: the cell and its neighbours open (property)', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.integer({ min: 1, max: 1_000_000 }),
      fc.integer({ min: 0, max: 19 }),
      fc.integer({ min: 0, max: 13 }),
      async (seed, x, y) => {
        const p = await start(seed, 'hard');
        await p.goto(x, y);
        await p.tap('a');
        assert.ok(p.t.playing);
        for (let dy = -1; dy <= 1; dy++) {
          for (let dx = -1; dx <= 1; dx++) {
            if ((dx === 0 && dy === 0) || x + dx < 0 || x + dx > 19 || y + dy < 0 || y + dy > 13) continue;
            const color = p.t.pixel(x + dx, y + dy + 1);
            assert.ok(NUMBER_COLORS.includes(color), `(${x + dx}, ${y + dy}) is open after the first click`);
          }
        }
      },
    ),
    { numRuns: 60 },
  );
});

test('the board: status bar of mines left on row 0, a 20×14 field, the cursor in the middle', async () => {
  const p = await start(1, 'easy');
  assert.is(minesFor('easy', 280), 35);
  assert.is(minesFor('medium', 280), 45);
  assert.is(minesFor('hard', 280), 59);
  const rows = p.t.frame(LEGEND).split('\n');
  assert.is(rows.length, 15);
  assert.is(rows[0], '====================');
  assert.is(rows[8], '##########C#########');
  // Three flags of 35: ceil(32·20/35) = 19 pixels stay lit.
  await p.tap('b');
  await p.tap('right');
  await p.tap('b');
  await p.tap('right');
  await p.tap('b');
  assert.is(p.t.frame(LEGEND).split('\n')[0], '===================-');
});

test('the cursor stays on the board and stays visible when pushed against every edge', async () => {
  const p = await start(2, 'easy');
  await p.t.hold('left', 120);
  await p.t.hold('up', 120);
  await p.t.step(2);
  assert.is(p.t.pixel(0, 1), CURSOR_COLOR, 'top-left cell, below the status row');
  assert.is(p.t.pixel(0, 0), FLAG_COLOR, 'status row untouched');
  await p.t.hold('right', 120);
  await p.t.hold('down', 120);
  await p.t.step(2);
  assert.is(p.t.pixel(19, 14), CURSOR_COLOR, 'bottom-right cell');
  // Auto-repeat: 12 ticks, then one step per 4 ticks → 30 ticks move 1 + 5 = 6 cells.
  await p.t.hold('left', 30);
  await p.t.step(2);
  assert.is(p.t.pixel(13, 14), CURSOR_COLOR);
  // Blinks: off for a moment after 24 ticks still, closed cell colour shows.
  await p.t.step(24);
  assert.is(p.t.pixel(13, 14), CLOSED_COLOR);
});

/**
 * Opens every closed cell not known as a mine, left to right, top to bottom, on a 6×5 table
 * (a 6×4 field). Returns the mine that went off, or -1 after a win.
 */
async function sweep(
  seed: number,
  known: Set<number>,
  level = 'hard',
): Promise<{ exploded: number; p: Player }> {
  const p = await start(seed, level, 6, 5);
  await p.tap('a');
  for (;;) {
    let target = -1;
    for (let cell = 0; cell < 24 && target < 0; cell++) {
      const x = cell % 6;
      const y = Math.floor(cell / 6);
      if (!known.has(cell) && p.t.pixel(x, y + 1) === CLOSED_COLOR) target = cell;
    }
    if (target < 0) return { exploded: -1, p };
    await p.goto(target % 6, Math.floor(target / 6));
    await p.tap('a');
    const frame = p.t.frame(LEGEND);
    if (frame.includes('*')) return { exploded: target, p };
  }
}

test('a loss shows every mine and ends without a score; a win by learning the mines keeps the best time', async () => {
  const known = new Set<number>();
  let run = await sweep(7, known);
  assert.ok(run.exploded >= 0, 'the blind sweep hits a mine');
  const mines = minesFor('hard', 24);
  const shown = run.p.t.frame(LEGEND).match(/\*/g)?.length ?? 0;
  assert.is(shown, mines - 1, 'all other mines are shown (the exploded one blinks)');
  await run.p.t.step(60);
  await run.p.tap('a');
  assert.is(run.p.t.playing, false);
  assert.match(run.p.t.result?.message ?? '', /^BOOM \d+S \d+ LEFT$/);
  assert.is(run.p.t.result?.score, undefined);

  for (let tries = 0; run.exploded >= 0 && tries <= mines; tries++) {
    known.add(run.exploded);
    run = await sweep(7, known);
  }
  assert.is(run.exploded, -1, 'every mine learned, the sweep wins');
  const flags = run.p.t.frame({ g: WIN_FLAG_COLOR, y: FLAG_COLOR }).match(/[gy]/g)?.length ?? 0;
  assert.is(flags, mines, 'a win flags every mine');
  await run.p.t.step(60);
  await run.p.tap('a');
  const result = run.p.t.result;
  assert.is(result?.scoreKey, 'hard');
  assert.match(result?.message ?? '', new RegExp(`^CLEAR ${result?.score}S$`));
  assert.is(run.p.t.table.scores.best('minesweeper', 'hard'), result?.score);
  assert.is(run.p.t.table.scores.best('minesweeper', 'easy'), undefined);
});

test("the level setting's 'med' plays medium (and keeps medium's score table)", async () => {
  assert.equal(minesweeper.settings?.level.values, ['easy', 'med', 'hard']);
  const run = await sweep(7, new Set(), 'med');
  assert.ok(run.exploded >= 0);
  assert.is(run.p.t.frame(LEGEND).match(/\*/g)?.length, minesFor('medium', 24) - 1);
  await run.p.t.step(60);
  await run.p.tap('a');
  assert.is(run.p.t.result?.scoreKey, 'medium');
});

test('B flags and unflags; A on a flag does nothing', async () => {
  const p = await start(3, 'easy');
  await p.tap('b');
  await p.tap('right');
  assert.is(p.t.pixel(10, 8), FLAG_COLOR);
  await p.tap('left');
  await p.tap('a');
  await p.tap('right');
  assert.is(p.t.pixel(10, 8), FLAG_COLOR, 'still flagged, nothing opened');
  assert.not.ok(p.t.frame(LEGEND).includes('.'), 'no cell opened');
  await p.tap('left');
  await p.tap('b');
  await p.tap('right');
  assert.is(p.t.pixel(10, 8), CLOSED_COLOR);
});

test.run();
