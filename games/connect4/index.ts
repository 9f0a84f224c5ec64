import { type Buttons, defineGame, dim, type Graphics, PLAYER_COLORS, sprite } from '../../src/index.ts';
import { Board, COLS, other, ROWS, type Side } from './board.ts';
import { LEVELS, type Level, NODES_PER_TICK } from './levels.ts';
import { Search } from './search.ts';
import { SOUNDS } from './sounds.ts';

/** Disc colours: side 1 (player 1, red) and side 2 (player 2 or the computer, blue). */
export const DISC: readonly [number, number, number] = [0, PLAYER_COLORS[0]!, PLAYER_COLORS[1]!];
/** The cursor disc over a full column (nothing to drop there): the player's colour, dimmed. */
export const BLOCKED: readonly [number, number, number] = [0, dim(DISC[1], 0.25), dim(DISC[2], 0.25)];
/**
 * The CPU setting's values (short enough to fit the setup screen without scrolling) and the
 * search level each one means ("medium" too, for a game started with the old value).
 */
const LEVEL_OF: Readonly<Record<string, Level>> = {
  easy: 'easy',
  med: 'medium',
  medium: 'medium',
  hard: 'hard',
};
/** Empty holes, in a checker of two dim shades so single cells stay countable. */
export const HOLE_A = 0x0c0c1c;
export const HOLE_B = 0x181830;
/** The winning line blinks between the winner's colour and this. */
export const WIN_FLASH = 0xffffff;

type Phase = 'input' | 'think' | 'aim' | 'drop' | 'over';

/**
 * Connect Four on a 7×6 board of 2×2-pixel cells (14×12, centred, at the bottom) with the
 * column cursor above it. Two players take turns, or one plays red against the computer
 * (setting `level`). Left/right choose the column, A (or down) drops. Four or more in a row in
 * any direction wins; a full board is a draw.
 */
export default defineGame({
  id: 'connect4',
  title: 'Connect Four',
  description: 'Drop discs, line up four. Two players, or one against the computer (three levels).',
  players: { min: 1, max: 2 },
  settings: {
    level: { label: 'CPU', values: ['easy', 'med', 'hard'], default: 'med' },
  },
  icon: sprite(['bbbbbbbbb', 'b.......b', 'b...r...b', 'b..rbr..b', 'b.rbbrb.b', 'bbbbbbbbb'], {
    b: 0x1830ff,
    r: PLAYER_COLORS[0]!,
  }),
  sounds: SOUNDS,
  create(ctx) {
    const level: Level = LEVEL_OF[String(ctx.settings.level)] ?? 'medium';
    const limits = LEVELS[level];
    const cpu: Side | 0 = ctx.players === 1 ? 2 : 0;
    const scale = Math.max(1, Math.min(Math.floor(ctx.width / COLS), Math.floor((ctx.height - 3) / ROWS)));
    const left = Math.floor((ctx.width - COLS * scale) / 2);
    const top = ctx.height - ROWS * scale;
    const speed = 60 / ctx.rate; // animation speeds below are in pixels per tick at 60 Hz

    const board = new Board();
    const search = new Search();
    let turn: Side = 1;
    let cursor = 3;
    let phase: Phase = 'input';
    let phaseFor = 0;
    let target = 3; // the computer's column
    let winIn = 0; // plies to the computer's forced win found last move, 0 if none
    let dropY = 0;
    let dropV = 0;
    let winner: Side | 0 = 0;
    let line: number[] = [];

    const setPhase = (next: Phase) => {
      phase = next;
      phaseFor = 0;
    };

    const startTurn = () => {
      if (turn !== cpu) {
        setPhase('input');
        return;
      }
      setPhase('think');
      if (limits.blunder > 0 && ctx.random.chance(limits.blunder)) {
        do target = ctx.random.int(COLS);
        while (!board.canPlay(target));
        search.done = true;
        return;
      }
      search.begin(board, cpu, { ...limits, minDepth: Math.max(1, winIn - 2) });
    };

    const drop = (col: number) => {
      cursor = col;
      dropY = 0;
      dropV = 0.4 * speed;
      setPhase('drop');
    };

    const land = () => {
      const row = board.play(cursor, turn);
      ctx.sound.play('drop');
      if (board.winsAt(cursor, row, turn)) {
        ctx.sound.play('win');
        winner = turn;
        line = board.lineThrough(cursor, row);
        setPhase('over');
      } else if (board.full) {
        setPhase('over');
      } else {
        turn = other(turn);
        startTurn();
      }
    };

    const finish = () => {
      if (winner === 0) ctx.end({ winner: -1, message: 'DRAW' });
      else if (cpu === 0) ctx.end({ winner: winner - 1 });
      else ctx.end({ winner: winner - 1, message: winner === cpu ? 'CPU WINS' : 'YOU WIN' });
    };

    const human = (b: Buttons) => {
      const was = cursor;
      if (b.repeat('left', 12, 5)) cursor = Math.max(0, cursor - 1);
      if (b.repeat('right', 12, 5)) cursor = Math.min(COLS - 1, cursor + 1);
      if (cursor !== was) ctx.sound.play('move');
      if ((b.pressed('a') || b.pressed('down')) && board.canPlay(cursor)) drop(cursor);
    };

    const disc = (g: Graphics, px: number, py: number, color: number) => {
      g.fillRect(px, py, scale, scale, color);
    };

    return {
      update(input) {
        phaseFor++;
        switch (phase) {
          case 'input':
            human(cpu === 0 ? input.player(turn - 1) : input.any);
            return;
          case 'think':
            if (!search.done) search.step(NODES_PER_TICK);
            if (search.done && phaseFor >= ctx.ticks(0.5)) {
              if (search.move >= 0) {
                target = search.move;
                winIn = search.winIn;
              }
              setPhase('aim');
            }
            return;
          case 'aim':
            if (phaseFor % Math.max(1, ctx.ticks(0.1)) !== 0) return;
            if (cursor < target) cursor++;
            else if (cursor > target) cursor--;
            else drop(target);
            return;
          case 'drop': {
            const landing = top + (ROWS - 1 - board.heights[cursor]!) * scale;
            dropV = Math.min(dropV + 0.08 * speed * speed, 1.5 * speed);
            dropY += dropV;
            if (dropY >= landing) land();
            return;
          }
          case 'over': {
            const b = input.any;
            const pressed = b.confirm();
            if ((phaseFor > ctx.ticks(0.75) && pressed) || phaseFor > ctx.ticks(4)) finish();
          }
        }
      },
      draw(g) {
        g.clear();
        const flash = phase === 'over' && Math.floor(phaseFor / ctx.ticks(0.25)) % 2 === 1;
        for (let c = 0; c < COLS; c++) {
          for (let r = 0; r < ROWS; r++) {
            const piece = board.cells[c * ROWS + r]!;
            const color = piece === 0 ? ((c + r) % 2 === 0 ? HOLE_A : HOLE_B) : DISC[piece]!;
            disc(g, left + c * scale, top + (ROWS - 1 - r) * scale, color);
          }
        }
        if (flash) {
          for (const cell of line) {
            const c = Math.floor(cell / ROWS);
            disc(g, left + c * scale, top + (ROWS - 1 - (cell - c * ROWS)) * scale, WIN_FLASH);
          }
        }
        if (phase === 'drop') {
          disc(g, left + cursor * scale, Math.floor(dropY), DISC[turn]);
        } else if (phase !== 'over') {
          // While the computer thinks, its disc pulses: off for 1 in every 4 blinks.
          const thinking = phase === 'think' && Math.floor(phaseFor / ctx.ticks(0.15)) % 4 === 3;
          // Over a full column the disc dims: A would do nothing there.
          const color = phase === 'input' && !board.canPlay(cursor) ? BLOCKED[turn] : DISC[turn];
          if (!thinking) disc(g, left + cursor * scale, 0, color);
        }
      },
    };
  },
});
