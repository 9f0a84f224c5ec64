import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ManualClock } from '../../src/engine/clock.ts';
import { frameToText } from '../../src/gfx/frame-text.ts';
import { defineGame, PLAYER_COLORS } from '../../src/index.ts';
import type { Button } from '../../src/input/buttons.ts';
import { InMemory, type StoreTable } from '../../src/table/persistence.ts';
import { Table } from '../../src/table/table.ts';

const duel = defineGame({
  id: 'duel',
  title: 'Duel',
  players: { min: 1, max: 2 },
  settings: { level: { label: 'CPU', values: ['easy', 'med', 'hard'], default: 'med' } },
  create: () => ({ update() {}, draw: (g) => g.clear() }),
});

const solo = defineGame({
  id: 'solo',
  title: 'Solo',
  settings: { level: { label: 'LEVEL', values: ['easy', 'hard'], default: 'easy' } },
  create: () => ({ update() {}, draw: (g) => g.clear() }),
});

function setup(remembered: StoreTable = {}) {
  const clock = new ManualClock();
  const table = new Table({
    catalog: [duel, solo],
    clock,
    idleSeconds: 0,
    stores: new InMemory<StoreTable>(remembered),
  });
  const engine = table.engine;
  engine.start();
  const tap = (button: Button) => {
    engine.input.push({ player: 0, button, down: true });
    engine.input.push({ player: 0, button, down: false });
    clock.step(2);
  };
  return { engine, clock, tap };
}

const legend = { R: PLAYER_COLORS[0]!, B: PLAYER_COLORS[1]!, o: 0x303030, w: 0xffffff, a: 0x606060 };

test('the PLAYERS line shows one figure per player, the chosen ones in their colours', () => {
  const { engine, tap } = setup();
  tap('a'); // the menu opens Duel's setup
  assert.is(engine.top.title, 'Duel setup');
  const rows = frameToText(engine.frame, legend).split('\n');
  assert.equal(rows.slice(0, 5), [
    '.......R...o........',
    '......RRR.ooo.......',
    '.......R...o........',
    '......R.R.o.o.......',
    '......R.R.o.o.......',
  ]);
  assert.is(rows[14], '.........w.o........', 'two lines: the first is chosen');
  tap('right');
  assert.is(frameToText(engine.frame, legend).split('\n')[1], '......RRR.BBB.......');
});

test('the large value sits between the label and the line dots, with a blank row each side', () => {
  const { engine, tap } = setup();
  tap('a');
  const rows = frameToText(engine.frame, legend).split('\n');
  assert.is(rows[5], '....................');
  assert.ok(rows[6]!.includes('w') && rows[12]!.includes('w'), 'the digit fills rows 6..12');
  assert.is(rows[13], '....................');
  assert.is(rows[9]![0], 'a', 'left/right marks beside the value');
});

test('a single setting shows no line dots; a remembered value no longer offered falls back to the default', () => {
  const { engine, tap } = setup({
    '.setup': { duel: { players: 1, level: 'medium' }, solo: { level: 'gone' } },
  });
  tap('right');
  tap('a');
  assert.is(engine.top.title, 'Solo setup');
  assert.is(frameToText(engine.frame).split('\n')[14], '....................');
  tap('back');
  tap('left');
  tap('a');
  assert.is(engine.top.title, 'Duel setup');
  tap('a');
  assert.equal(
    engine.game?.setup.settings,
    { level: 'med' },
    "'medium' was renamed: the default, not 'easy'",
  );
});

test.run();
