import { Canvas, type Color, defineGame, dim, Graphics, sprite } from '../../src/index.ts';
import {
  CHECKERS_DARK,
  CHESS_DARK,
  drawCheckered,
  drawDie,
  drawLudo,
  LUDO_COLORS,
  type Paint,
} from './layouts.ts';

const BOARDS = ['chess', 'checkers', 'draughts', 'ludo'] as const;
/** Brightness levels 1..5: share of full light. Low, because pieces stand on the glass. */
const LIGHTS = [0.06, 0.1, 0.16, 0.25, 0.4] as const;
/** Ticks per change of the tumbling die, and the number of changes before it settles. */
const TUMBLE_EVERY = 4;
const TUMBLES = 9;

/**
 * Boards for physical pieces on the glass: chess, checkers (8 × 8), international draughts
 * (10 × 10) and Ludo (15 × 15, with a die and whose turn it is). Dim by default, so pieces
 * standing on lit squares do not glare. left/right: board; up/down: brightness; A: next turn
 * (White/Black, or the next Ludo colour); B: roll the die (Ludo).
 */
export default defineGame({
  id: 'boards',
  title: 'Boards',
  description: 'Chess, checkers, draughts and Ludo boards to play on with real pieces.',
  kind: 'app',
  icon: sprite(['w.w.w.', '.w.w.w', 'w.w.w.', '.w.w.w'], { w: 0xffe0b0 }),
  settings: {
    board: { label: 'BOARD', values: BOARDS, default: 'chess' },
    light: { label: 'LIGHT', values: [1, 2, 3, 4, 5], default: 2 },
  },
  create(ctx) {
    let board = Math.max(0, BOARDS.indexOf(ctx.settings.board));
    let light = Math.max(0, Number(ctx.settings.light) - 1);
    let turn = 0;
    let face = 1 + ctx.random.int(6);
    let tumbling = 0;
    let tick = 0;
    let factor: number = LIGHTS[light] ?? LIGHTS[1];
    const still = new Graphics(new Canvas(ctx.width, ctx.height));
    let stillKey = -1;
    let target: Graphics = still;
    const paint: Paint = (x, y, color: Color) => target.set(x, y, dim(color, factor));
    let placed = { left: 0, top: 0 };

    return {
      update(input) {
        const b = input.any;
        tick++;
        if (b.pressed('right')) board = (board + 1) % BOARDS.length;
        if (b.pressed('left')) board = (board + BOARDS.length - 1) % BOARDS.length;
        if (b.pressed('left') || b.pressed('right')) turn = 0;
        if (b.pressed('up')) light = Math.min(LIGHTS.length - 1, light + 1);
        if (b.pressed('down')) light = Math.max(0, light - 1);
        factor = LIGHTS[light]!;
        const players = BOARDS[board] === 'ludo' ? LUDO_COLORS.length : 2;
        if (b.pressed('a')) turn = (turn + 1) % players;
        if (b.pressed('b') && BOARDS[board] === 'ludo' && tumbling === 0) tumbling = TUMBLES * TUMBLE_EVERY;
        if (tumbling > 0) {
          tumbling--;
          if (tumbling % TUMBLE_EVERY === 0) face = 1 + ((face + ctx.random.int(5)) % 6); // never the same twice
        }
      },
      draw(g) {
        const name = BOARDS[board]!;
        // the board itself changes only with the board and the light: drawn once into `still`
        const key = board * LIGHTS.length + light;
        if (key !== stillKey) {
          stillKey = key;
          still.clear();
          target = still;
          if (name === 'ludo') drawLudo(paint, 0);
          else
            placed = drawCheckered(
              still,
              paint,
              name === 'draughts' ? 10 : 8,
              name === 'chess' ? CHESS_DARK : CHECKERS_DARK,
            );
        }
        for (let y = 0; y < ctx.height; y++) for (let x = 0; x < ctx.width; x++) g.set(x, y, still.get(x, y));
        target = g;
        if (name === 'ludo') {
          const color = LUDO_COLORS[turn]!;
          for (let y = 0; y < 15; y++) if (y < 4 || y > 10) paint(17, y, color); // whose turn, both ends
          const settled = tumbling === 0;
          // a tumbling die blinks between faces; once settled it shows in the player's colour
          drawDie(paint, face, 16, 6, settled ? color : tick % 2 === 0 ? 0xffffff : 0x808080);
          return;
        }
        const size = name === 'draughts' ? 10 : 8;
        const { left, top } = placed;
        // whose turn: a short bar outside the frame on that side (White at the bottom)
        const y = turn === 0 ? top + size + 2 : top - 3;
        for (let x = left + size / 2 - 2; x < left + size / 2 + 2; x++)
          paint(x, y, turn === 0 ? 0xffffff : 0x8040ff);
      },
    };
  },
});
