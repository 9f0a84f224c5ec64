import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { EV_KEY, KEY_CODES } from '../../../hardware/evdev/codes.ts';
import { EvdevSource } from '../../../hardware/evdev/evdev-source.ts';
import { ManualClock } from '../../../src/engine/clock.ts';
import { defineGame } from '../../../src/engine/game.ts';
import { describeSeatChange, PlayerSeats } from '../../../src/input/player-seats.ts';
import { Table } from '../../../src/table/table.ts';
import { FakeStreams, FakeTree, PROC } from './fake-input.ts';

/** Counts P2's A presses; the count is the game's only state. */
let presses = 0;
const duel = defineGame({
  id: 'duel',
  title: 'Duel',
  players: { min: 2, max: 2 },
  create: () => ({
    update(input) {
      if (input.player(1).pressed('a')) presses++;
    },
    draw(g) {
      g.clear();
    },
  }),
});

const press = (code: string, value: number) => ({ type: EV_KEY, code: KEY_CODES[code]!, value });

test('a pad unplugged mid-game pauses that game; replugged, the game resumes', () => {
  const tree = new FakeTree({ event5: PROC.xbox('event5'), event6: PROC.snes('event6') });
  const fake = new FakeStreams();
  const clock = new ManualClock();
  const table = new Table({ catalog: [duel], clock, idleSeconds: 0 });
  const engine = table.engine;
  const source = new EvdevSource({
    devRoot: tree.devRoot,
    procRoot: tree.procRoot,
    recordSize: 24,
    wordBits: 64,
    watch: false,
    open: fake.open,
  });
  const seats = new PlayerSeats(engine.input, (change) => table.notify(describeSeatChange(change).notice));
  source.start((event) => engine.input.push(event), seats);
  engine.start();
  // Both pads join from the menu: the SNES pad first (P1), then the Xbox pad (P2).
  fake.write('event6', [press('BTN_BASE4', 1), press('BTN_BASE4', 0)]);
  fake.write('event5', [press('BTN_START', 1), press('BTN_START', 0)]);
  clock.step(1);
  table.play(duel, { players: 2 });
  clock.step(2);
  fake.write('event5', [press('BTN_SOUTH', 1), press('BTN_SOUTH', 0)]);
  clock.step(2);
  assert.is(presses, 1);
  assert.ok(engine.game, 'the game runs');

  fake.unplug('event5');
  tree.set({ event6: PROC.snes('event6') });
  source.rescan();
  clock.step(1);
  assert.is(engine.game, undefined, 'the game is covered by the pause screen');
  assert.match(engine.top.title, /p2 lost/);
  clock.step(120);
  assert.match(engine.top.title, /p2 lost/, 'and stays paused');

  tree.set({ event6: PROC.snes('event6'), event8: PROC.xbox('event8') });
  source.rescan();
  clock.step(2);
  assert.ok(engine.game, 'the game resumed by itself');
  fake.write('event8', [press('BTN_SOUTH', 1), press('BTN_SOUTH', 0)]);
  clock.step(2);
  assert.is(presses, 2, 'P2 plays on with the returned pad');
  source.stop();
  engine.stop();
  tree.remove();
});

test.run();
