/**
 * Every setting value of every game reads on the table without scrolling (Life's pattern and
 * rule names used to scroll: "B3678/S34678" is 47 columns in the 3×5 font); a game shows a
 * short name where the value is too wide. A remembered choice renamed since maps to its new name.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { discoverGames } from '../../src/cli/discover.ts';
import { ManualClock } from '../../src/engine/clock.ts';
import type { SettingSpec } from '../../src/engine/game.ts';
import { frameToText } from '../../src/gfx/frame-text.ts';
import { textWidth } from '../../src/gfx/text.ts';
import { defineGame } from '../../src/index.ts';
import type { Button } from '../../src/input/buttons.ts';
import { InMemory, type StoreTable } from '../../src/table/persistence.ts';
import { Table } from '../../src/table/table.ts';

const { games } = await discoverGames();

test('every shown setting value fits 20 columns in the small font, and names stay distinct', () => {
  for (const game of games) {
    for (const [key, spec] of Object.entries(game.settings ?? {}) as [string, SettingSpec][]) {
      const shown = spec.values.map((v) => (spec.short?.[String(v)] ?? String(v)).toUpperCase());
      for (const text of shown)
        assert.ok(textWidth(text) <= 20, `${game.id}.${key}: "${text}" is ${textWidth(text)} wide`);
      assert.is(new Set(shown).size, shown.length, `${game.id}.${key}: two values look alike`);
      for (const value of Object.keys(spec.short ?? {}))
        assert.ok(
          spec.values.map(String).includes(value),
          `${game.id}.${key}: short name for "${value}", not a value`,
        );
    }
  }
});

function setupOf(id: string, remembered: StoreTable = {}) {
  const game = games.find((g) => g.id === id)!;
  const clock = new ManualClock();
  const table = new Table({
    catalog: [game],
    clock,
    idleSeconds: 0,
    stores: new InMemory<StoreTable>(remembered),
  });
  table.engine.start();
  const tap = (button: Button) => {
    table.engine.input.push({ player: 0, button, down: true });
    table.engine.input.push({ player: 0, button, down: false });
    clock.step(2);
  };
  tap('a'); // the menu opens the setup
  return { table, clock, tap };
}

test("Life's RULE line shows HighLife as HIGH, standing still", () => {
  const { table, clock, tap } = setupOf('life');
  tap('down'); // START → RULE
  tap('right'); // B3/S23 → B36/S23
  const still = frameToText(table.engine.frame);
  clock.step(60);
  assert.is(frameToText(table.engine.frame), still, 'nothing scrolls');
  assert.is(
    frameToText(table.engine.frame).split('\n').slice(7, 12).join('\n'),
    [
      '..#.#.###..##.#.#...',
      '..#.#..#..#...#.#...',
      '#.###..#..#.#.###..#', // the side marks: left/right change the value
      '..#.#..#..#.#.#.#...',
      '..#.#.###..##.#.#...',
    ].join('\n'),
  );
});

test('a remembered choice renamed since shows its new value, not the default', () => {
  const renamedGame = defineGame({
    id: 'renamed',
    title: 'Renamed',
    settings: {
      level: { label: 'CPU', values: ['easy', 'med'], default: 'easy', renamed: { medium: 'med' } },
    },
    create: () => ({ update() {}, draw: (g) => g.clear() }),
  });
  const value = (remembered: string) => {
    const clock = new ManualClock();
    const stores = new InMemory<StoreTable>({ '.setup': { renamed: { level: remembered } } });
    const table = new Table({ catalog: [renamedGame], clock, idleSeconds: 0, stores });
    table.engine.start();
    table.engine.input.push({ player: 0, button: 'a', down: true });
    clock.step(2);
    return frameToText(table.engine.frame).split('\n').slice(6, 13).join('\n');
  };
  assert.is(value('medium'), value('med'));
  assert.is.not(value('medium'), value('easy'));
});

test.run();
