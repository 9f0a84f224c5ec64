import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ManualClock } from '../../src/engine/clock.ts';
import type { GameResult } from '../../src/engine/game.ts';
import { frameToText } from '../../src/gfx/frame-text.ts';
import { defineGame } from '../../src/index.ts';
import { Table } from '../../src/table/table.ts';

/** Ends at once with `result`; returns the first result frame as text rows. */
function resultRows(result: GameResult): string[] {
  const game = defineGame({
    id: 'ender',
    title: 'Ender',
    create: (ctx) => ({ update: () => ctx.end(result), draw: (g) => g.clear() }),
  });
  const clock = new ManualClock();
  const table = new Table({ catalog: [game], clock, idleSeconds: 0 });
  const engine = table.engine;
  engine.start();
  table.play(game);
  clock.step(3);
  assert.is(engine.top.title, 'Ender result');
  return frameToText(engine.frame).split('\n');
}

const lit = (row: string | undefined) => (row ?? '').includes('#');

test('a winner without a score reads on two still lines instead of scrolling', () => {
  const rows = resultRows({ winner: 0 }); // "P1 WINS" is 29 px: too wide for one line
  assert.equal(rows.slice(1, 6), [
    '......##...#........',
    '......#.#.##........',
    '......##...#........',
    '......#....#........',
    '......#...###.......',
  ]);
  assert.ok(lit(rows[9]) && lit(rows[13]), 'WINS on the second line');
});

test('a headline that fits stays on one line; one that cannot be split keeps scrolling', () => {
  const draw = resultRows({ winner: -1 });
  assert.ok(lit(draw[1]) && !lit(draw[9]), 'DRAW alone');
  const long = resultRows({ message: 'BOOM 13S 59 LEFT' }); // "BOOM 13S" alone is too wide
  assert.ok(lit(long[1]) && !lit(long[9]));
  const scored = resultRows({ score: 12, message: 'YOU WIN' });
  assert.ok(lit(scored[1]) && lit(scored[9]), 'with a score the second line is the score');
});

test.run();
