/**
 * One hint scheme for every screen and game: games declare their controls (and which ones a
 * newcomer needs first); the table shows those the first time a game is played, each built-in
 * screen says what to press, and the terminal's status line leads with how to quit.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { discoverGames } from '../../src/cli/discover.ts';
import { formatList } from '../../src/cli/list.ts';
import { statusLine } from '../../src/cli/status-line.ts';
import { ManualClock } from '../../src/engine/clock.ts';
import { frameToText } from '../../src/gfx/frame-text.ts';
import type { Button } from '../../src/input/buttons.ts';
import { TerminalDriver } from '../../src/output/terminal-driver.ts';
import { controlsLine, HintScreen, SCREEN_HINTS, tableHint } from '../../src/table/hints.ts';
import { InMemory, type StoreTable } from '../../src/table/persistence.ts';
import { Table } from '../../src/table/table.ts';
import { FakeTerminal } from '../output/fake-terminal.ts';

const { games } = await discoverGames();
const tetris = games.find((g) => g.id === 'tetris')!;

test('a game declares its controls once: one line for the terminal, one for the table, list --json', () => {
  assert.is(controlsLine(tetris), '↑ drop · start hold · A turn');
  assert.is(tableHint(tetris), 'UP DROP  START HOLD  A TURN');
  const listed = JSON.parse(formatList([tetris], true)) as { controls: object; hint: string[] }[];
  assert.equal(listed[0]!.hint, ['up', 'start', 'a']);
  assert.is((listed[0]!.controls as Record<string, string>).start, 'hold');
});

test('every game and app declares controls, and its hint names only declared controls', () => {
  for (const game of games) {
    if (game.id === 'testpattern') continue; // steps through its patterns by itself
    assert.ok(game.controls && Object.keys(game.controls).length > 0, `${game.id}: no controls`);
    // A hint for every game with more to press than back (the live app has none on purpose).
    const buttons = Object.keys(game.controls ?? {}).filter((button) => button !== 'back');
    if (buttons.length > 0) assert.ok((game.hint ?? []).length > 0, `${game.id}: no hint`);
    for (const button of game.hint ?? []) assert.ok(game.controls?.[button], `${game.id}: hint ${button}`);
  }
});

function table(hints: boolean, stores = new InMemory<StoreTable>({})) {
  const clock = new ManualClock();
  const t = new Table({ catalog: [tetris], clock, idleSeconds: 0, seed: 4, hints, stores });
  t.engine.start();
  const tap = (button: Button) => {
    t.engine.input.push({ player: 0, button, down: true });
    t.engine.input.push({ player: 0, button, down: false });
    clock.step(2);
  };
  return { t, clock, tap };
}

test('the first time a game is played the table holds it under its hint; any button starts; once only', () => {
  const stores = new InMemory<StoreTable>({});
  const { t, clock, tap } = table(true, stores);
  const runner = t.play(tetris);
  clock.step(30);
  assert.instance(t.engine.top, HintScreen);
  assert.is(runner.ticks, 0, 'the game waits');
  assert.match(frameToText(t.engine.frame), /#/, 'the hint is drawn');
  tap('a');
  assert.is(t.engine.top, runner);
  clock.step(5);
  assert.ok(runner.ticks > 0);
  const again = t.play(tetris);
  clock.step(2);
  assert.is(t.engine.top, again, 'no hint the second time');
  // Remembered across restarts: the same stores, a new table.
  const later = table(true, stores);
  later.t.play(tetris);
  later.clock.step(2);
  assert.not.instance(later.t.engine.top, HintScreen);
});

test('tables without hints (headless runs, tests, recordings) start games at once', () => {
  const { t, clock } = table(false);
  const runner = t.play(tetris);
  clock.step(3);
  assert.is(t.engine.top, runner);
});

test('the status line: quit first, then the screen and what to press on it; 80 columns keep the quit', () => {
  const { t, clock, tap } = table(false);
  assert.match(statusLine(t.engine, 60), /^Ctrl-C quits · Menu · ←→ choose · A plays · 60 fps/);
  tap('a'); // Tetris has settings: its setup screen
  assert.match(statusLine(t.engine, 60), new RegExp(`Tetris setup · ${SCREEN_HINTS.setup}`));
  tap('a'); // start
  assert.match(
    statusLine(t.engine, 60),
    /Tetris · ← move · → move · A turn · B turn back · ↓ soft drop · ↑ drop/,
  );
  tap('back');
  clock.step(1);
  assert.match(statusLine(t.engine, 60), /A resumes · back quits/);
  assert.ok(statusLine(t.engine, 60).slice(0, 80).startsWith('Ctrl-C quits'));
});

test('Minesweeper shows what its colours mean the first time: each number in its colour', () => {
  const minesweeper = games.find((g) => g.id === 'minesweeper')!;
  const clock = new ManualClock();
  const t = new Table({ catalog: [minesweeper], clock, idleSeconds: 0, seed: 4, hints: true });
  t.engine.start();
  t.play(minesweeper);
  clock.step(2);
  assert.instance(t.engine.top, HintScreen);
  const legend = (minesweeper.legend ?? []).map((item) => item.color);
  assert.is(legend.length, 8);
  const colours = new Set(frameColours(t));
  for (const colour of legend) assert.ok(colours.has(colour), `#${colour.toString(16)} is on the table`);
});

test('in an 80×24 terminal the status line is on screen and starts with how to quit', async () => {
  const term = new FakeTerminal(80, 24);
  const driver = new TerminalDriver({ stream: term, width: 20, height: 15, scale: 0, colors: 'truecolor' });
  await driver.open();
  const { t, tap } = table(false);
  tap('a');
  tap('a'); // Tetris is running: its long list of controls
  driver.setStatus?.(statusLine(t.engine, 60));
  driver.show(new Uint8Array(20 * 15 * 3));
  const last = term.line(23);
  assert.ok(last.startsWith('Ctrl-C quits · Tetris · ← move'), last);
  await driver.close();
});

test('setup and pause say what to press the first time they show at this table, then only their usual text', () => {
  const labelRows = (t: Table) => frameToText(t.engine.frame).split('\n').slice(0, 5).join('\n');
  const { t, clock, tap } = table(true);
  tap('a'); // Tetris' setup, the first time: the label row carries "A STARTS …"
  const first = labelRows(t);
  tap('back');
  tap('a'); // the second time: the LEVEL label
  assert.is.not(labelRows(t), first);
  const plain = table(false);
  plain.tap('a');
  assert.is(labelRows(t), labelRows(plain.t), 'the second time looks like a table without hints');
  tap('a'); // play (the game's own first-time hint comes up; any button goes on)
  tap('a');
  const pauseText = (tt: Table) => {
    tt.engine.input.push({ player: 0, button: 'back', down: true });
    tt.engine.input.push({ player: 0, button: 'back', down: false });
    return tt;
  };
  pauseText(t);
  clock.step(200); // the first pause: the banner scrolls on past PAUSE
  const firstPause = frameToText(t.engine.frame);
  tap('a');
  pauseText(t);
  clock.step(200);
  assert.is.not(frameToText(t.engine.frame), firstPause);
});

function frameColours(t: Table): number[] {
  const out: number[] = [];
  for (let y = 0; y < 15; y++) for (let x = 0; x < 20; x++) out.push(t.engine.frame.get(x, y));
  return out;
}

test.run();
