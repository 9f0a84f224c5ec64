import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Harness } from '../../src/testing/index.ts';
import connect4, { BLOCKED, DISC, HOLE_A, HOLE_B, WIN_FLASH } from './index.ts';

/** A full board without four in a row (as in board.test.ts), as a column sequence. */
const DRAWN_GAME = '055432020040433643113521062434156552662161';

const LEGEND = { R: DISC[1], B: DISC[2], a: HOLE_A, b: HOLE_B, W: WIN_FLASH };

/** Pixel of cell (c, r) (r = 0 at the bottom) on the 20×15 table: 2×2 cells from (3, 3). */
function at(t: Harness, c: number, r: number): number {
  return t.pixel(3 + c * 2, 3 + (5 - r) * 2);
}

/** Moves the shared column cursor with `player`'s pad and drops; waits for the landing. */
class Table {
  cursor = 3;
  constructor(readonly t: Harness) {}

  async drop(col: number, player = 0): Promise<void> {
    while (this.cursor !== col) {
      this.t.tap(this.cursor < col ? 'right' : 'left', player);
      await this.t.step(2);
      this.cursor += this.cursor < col ? 1 : -1;
    }
    this.t.tap('a', player);
    await this.t.step(30);
  }
}

async function start(players: number, level = 'hard') {
  const t = await Harness.start(connect4, { seed: 1, players, settings: { level } });
  await t.step(1);
  return new Table(t);
}

test('the board: 7×6 cells of 2×2 pixels, the cursor disc above; a disc falls and lands', async () => {
  const table = await start(2);
  assert.is(
    table.t.frame(LEGEND),
    [
      '.........RR.........',
      '.........RR.........',
      '....................',
      ...['...bbaabbaabbaabb...', '...bbaabbaabbaabb...', '...aabbaabbaabbaa...', '...aabbaabbaabbaa...'],
      ...['...bbaabbaabbaabb...', '...bbaabbaabbaabb...', '...aabbaabbaabbaa...', '...aabbaabbaabbaa...'],
      ...['...bbaabbaabbaabb...', '...bbaabbaabbaabb...', '...aabbaabbaabbaa...', '...aabbaabbaabbaa...'],
    ].join('\n'),
  );
  table.t.tap('a');
  await table.t.step(8);
  const falling = table.t.frame(LEGEND).split('\n');
  const row = falling.findIndex((line) => line.slice(9, 11) === 'RR');
  assert.ok(row > 1 && row < 13, `mid-air after 8 ticks (row ${row})`);
  await table.t.step(20);
  assert.is(at(table.t, 3, 0), DISC[1]);
  assert.is(table.t.pixel(9, 0), DISC[2], 'the cursor now shows player 2');
});

test('the column cursor stops at both edges', async () => {
  const table = await start(2);
  await table.t.hold('left', 90);
  await table.t.step(2);
  assert.is(table.t.pixel(3, 0), DISC[1]);
  await table.t.hold('right', 90);
  await table.t.step(2);
  assert.is(table.t.pixel(15, 0), DISC[1]);
  assert.is(table.t.pixel(17, 0), 0);
});

test('two players: four in a column wins for player 1 and the line blinks', async () => {
  const table = await start(2);
  for (let i = 0; i < 3; i++) {
    await table.drop(0, 0);
    await table.drop(1, 1);
  }
  await table.drop(0, 0);
  const seen = new Set<number>();
  for (let i = 0; i < 30; i++) {
    await table.t.step(1);
    seen.add(at(table.t, 0, 3));
  }
  assert.ok(seen.has(WIN_FLASH) && seen.has(DISC[1]), 'the winning discs blink');
  assert.is(at(table.t, 1, 2), DISC[2], 'other discs stay');
  await table.t.step(240);
  assert.equal(table.t.result, { winner: 0 });
});

test('player 2 moves only with pad 2', async () => {
  const table = await start(2);
  await table.drop(3, 0);
  table.t.tap('a', 0);
  await table.t.step(30);
  assert.is(at(table.t, 3, 1), HOLE_A, 'pad 1 cannot drop for player 2');
  table.t.tap('a', 1);
  await table.t.step(30);
  assert.is(at(table.t, 3, 1), DISC[2]);
});

test('over a full column the cursor disc dims, and moving off lights it again', async () => {
  const table = await start(2);
  for (let i = 0; i < 6; i++) await table.drop(3, i % 2);
  assert.is(table.t.pixel(9, 0), BLOCKED[1], 'red to move, column 3 is full');
  table.t.tap('a');
  await table.t.step(30);
  assert.is(table.t.pixel(9, 0), BLOCKED[1], 'A does nothing there');
  table.t.tap('right');
  await table.t.step(2);
  assert.is(table.t.pixel(11, 0), DISC[1]);
});

test("the CPU setting offers short values: 'med' (the default) plays the medium level", () => {
  assert.equal(connect4.settings?.level.values, ['easy', 'med', 'hard']);
  assert.is(connect4.settings?.level.default, 'med');
});

test('a full board without four is a draw', async () => {
  const table = await start(2);
  let player = 0;
  for (const ch of DRAWN_GAME) {
    await table.drop(Number(ch), player);
    player = 1 - player;
  }
  await table.t.step(300);
  assert.equal(table.t.result, { winner: -1, message: 'DRAW' });
});

test('against the hard computer: it answers, and blocks three in a column', async () => {
  const table = await start(1, 'hard');
  /** After the computer's move the shared cursor stands on its column. */
  const follow = () => {
    table.cursor = ((table.t.frame(LEGEND).split('\n')[0]!.indexOf('R') - 3) / 2) | 0;
  };
  await table.drop(0);
  await table.t.step(250);
  assert.is(table.t.frame(LEGEND).match(/B/g)?.length, 4, 'one blue disc on the board');
  assert.ok(table.t.frame(LEGEND).split('\n')[0]!.includes('RR'), 'the cursor is red again');
  follow();
  await table.drop(0);
  await table.t.step(250);
  follow();
  assert.is(at(table.t, 0, 1), DISC[1], 'two red discs in column 0, the third comes next');
  await table.drop(0);
  await table.t.step(250);
  assert.is(at(table.t, 0, 3), DISC[2], 'the computer blocks the fourth');
});

test.run();
