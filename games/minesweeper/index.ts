import { defineGame, type Graphics, sprite } from '../../src/index.ts';
import { CLOSED, FLAGGED, MineField, OPEN } from './field.ts';
import {
  BAR_EMPTY,
  CLOSED_COLOR,
  CURSOR_COLOR,
  CURSOR_OVER_EMPTY,
  EXPLODED_COLOR,
  FLAG_COLOR,
  MINE_COLOR,
  NUMBER_COLORS,
  WIN_FLAG_COLOR,
  WRONG_FLAG_COLOR,
} from './palette.ts';
import { SOUNDS } from './sounds.ts';

/** Share of cells holding a mine per level (35, 45 and 59 mines on the 20×14 board). */
export const DENSITY = { easy: 0.125, medium: 0.16, hard: 0.21 } as const;
export type Level = keyof typeof DENSITY;

/**
 * The LEVEL setting's values (short enough for the setup screen not to scroll) and the level
 * each means ("medium" too). The score key stays "medium", so best times recorded before are kept.
 */
const LEVEL_OF: Readonly<Record<string, Level>> = {
  easy: 'easy',
  med: 'medium',
  medium: 'medium',
  hard: 'hard',
};

/** Mines for a level on a board of `cells` cells (at least 1, leaving 9 free for the first click). */
export function minesFor(level: Level, cells: number): number {
  return Math.max(1, Math.min(cells - 9, Math.round(cells * DENSITY[level])));
}

/** Cursor auto-repeat in ticks at 60 Hz: first repeat after 12, then every 4. */
const REPEAT_DELAY = 12;
const REPEAT_EVERY = 4;
/** Cursor blink: on for 24 ticks, off for 12 (at 60 Hz; scaled by the rate). */
const BLINK_ON = 0.4;
const BLINK_OFF = 0.2;

/**
 * Minesweeper on the whole table: row 0 shows the mines left as a bar, rows 1.. hold a
 * width × (height − 1) field (20×14). D-pad moves the cursor (auto-repeat), A opens a cell or
 * chords on a satisfied number, B flags. The first open is always safe and opens an area.
 * Score: elapsed whole seconds from the first open to the win (lower is better), one table per
 * level; a loss records no score.
 */
export default defineGame({
  id: 'minesweeper',
  title: 'Minesweeper',
  description: 'Open every safe cell. A opens (or chords a number), B flags. First click is safe.',
  scoreOrder: 'lower',
  settings: {
    level: { label: 'LEVEL', values: ['easy', 'med', 'hard'], default: 'easy' },
  },
  icon: sprite(['sssssssss', 's.1.2.s.s', 'ss.1..F.s', 's...1..2s', 'sssssssss'], {
    s: CLOSED_COLOR,
    1: NUMBER_COLORS[1]!,
    2: NUMBER_COLORS[2]!,
    F: FLAG_COLOR,
  }),
  sounds: SOUNDS,
  create(ctx) {
    const level: Level = LEVEL_OF[String(ctx.settings.level)] ?? 'easy';
    const top = ctx.height > 2 ? 1 : 0;
    const field = new MineField(ctx.width, ctx.height - top, minesFor(level, ctx.width * (ctx.height - top)));
    let cx = Math.floor(field.width / 2);
    let cy = Math.floor(field.height / 2);
    let blink = 0;
    let elapsed = 0; // ticks since the first open
    let overFor = -1; // ticks since the game was decided, -1 while playing
    const blinkOn = ctx.ticks(BLINK_ON);
    const blinkPeriod = blinkOn + ctx.ticks(BLINK_OFF);
    const guard = ctx.ticks(0.75);
    const autoEnd = ctx.ticks(10);

    const finish = () => {
      const seconds = Math.floor(elapsed / ctx.rate);
      if (field.won) {
        ctx.end({ score: seconds, scoreKey: level, message: `CLEAR ${seconds}S` });
      } else {
        ctx.end({ scoreKey: level, message: `BOOM ${seconds}S ${field.minesLeft} LEFT` });
      }
    };

    const move = (dx: number, dy: number) => {
      cx = Math.max(0, Math.min(field.width - 1, cx + dx));
      cy = Math.max(0, Math.min(field.height - 1, cy + dy));
      blink = 0;
    };

    const cellColor = (cell: number, over: boolean, flash: boolean): number => {
      const s = field.state[cell];
      if (over && field.mine[cell] === 1) {
        if (cell === field.exploded) return flash ? EXPLODED_COLOR : CURSOR_COLOR;
        if (field.won) return flash ? WIN_FLAG_COLOR : FLAG_COLOR;
        return s === FLAGGED ? FLAG_COLOR : MINE_COLOR;
      }
      if (s === FLAGGED) return over && flash ? WRONG_FLAG_COLOR : FLAG_COLOR;
      if (s === CLOSED) return CLOSED_COLOR;
      return NUMBER_COLORS[field.count[cell]!]!;
    };

    const drawBar = (g: Graphics) => {
      if (top === 0) return;
      const left = Math.max(0, field.minesLeft);
      const lit = Math.ceil((left * ctx.width) / field.mines);
      for (let x = 0; x < ctx.width; x++) g.set(x, 0, x < lit ? FLAG_COLOR : BAR_EMPTY);
      if (field.minesLeft < 0) g.set(ctx.width - 1, 0, EXPLODED_COLOR);
    };

    return {
      update(input) {
        if (overFor >= 0) {
          overFor++;
          const b = input.any;
          const pressed = b.pressed('a') || b.pressed('b') || b.pressed('start');
          if ((overFor > guard && pressed) || overFor > autoEnd) finish();
          return;
        }
        blink++;
        if (field.placed) elapsed++;
        const b = input.any;
        if (b.repeat('left', REPEAT_DELAY, REPEAT_EVERY)) move(-1, 0);
        if (b.repeat('right', REPEAT_DELAY, REPEAT_EVERY)) move(1, 0);
        if (b.repeat('up', REPEAT_DELAY, REPEAT_EVERY)) move(0, -1);
        if (b.repeat('down', REPEAT_DELAY, REPEAT_EVERY)) move(0, 1);
        const cell = cy * field.width + cx;
        if (b.pressed('a')) {
          const wasClosed = field.state[cell] !== OPEN;
          if (field.state[cell] === OPEN) field.chord(cell);
          else field.open(cell, ctx.random);
          if (wasClosed && field.state[cell] === OPEN && !field.lost) ctx.sound.play('reveal');
        } else if (b.pressed('b')) {
          field.toggleFlag(cell);
          ctx.sound.play('flag');
        }
        if (field.won || field.lost) {
          ctx.sound.play(field.won ? 'win' : 'boom');
          if (field.won) field.flagAllMines();
          overFor = 0;
        }
      },
      draw(g) {
        const over = overFor >= 0;
        const flash = over && Math.floor(overFor / ctx.ticks(0.25)) % 2 === 0;
        drawBar(g);
        for (let y = 0; y < field.height; y++) {
          for (let x = 0; x < field.width; x++)
            g.set(x, y + top, cellColor(y * field.width + x, over, flash));
        }
        if (over) return;
        const cell = cy * field.width + cx;
        if (blink % blinkPeriod < blinkOn) g.set(cx, cy + top, CURSOR_COLOR);
        else if (field.state[cell] === OPEN && field.count[cell] === 0)
          g.set(cx, cy + top, CURSOR_OVER_EMPTY);
      },
    };
  },
});
