import { defineGame, sprite } from '../../src/index.ts';
import { drawTetris } from './draw.ts';
import { PIECE_COLORS } from './palette.ts';
import { type Controls, OVER, Tetris } from './tetris.ts';

/** DAS: ticks from a press to the first repeat, at 60 Hz (scaled by the loop rate). */
const DAS_60HZ = 10;
/** ARR: ticks between repeats after that, at 60 Hz. */
const ARR_60HZ = 2;

export default defineGame({
  id: 'tetris',
  title: 'Tetris',
  description: 'Guideline Tetris: SRS kicks, 7-bag, hold, ghost, lock delay, next two pieces.',
  players: { min: 1, max: 1 },
  settings: {
    level: { label: 'LEVEL', values: [1, 5, 10, 15], default: 1 },
  },
  icon: sprite(
    ['....t.......', '...ttt..oo..', 'ii.....zoo..', 'ii....zz.jj.', 'ii.l..z..j..', 'ii.lll...j..'],
    {
      i: PIECE_COLORS[0]!,
      o: PIECE_COLORS[1]!,
      t: PIECE_COLORS[2]!,
      z: PIECE_COLORS[4]!,
      j: PIECE_COLORS[5]!,
      l: PIECE_COLORS[6]!,
    },
  ),
  create(ctx) {
    const clearTicks = ctx.ticks(0.3);
    const overTicks = ctx.ticks(1);
    const das = Math.max(1, Math.round((DAS_60HZ * ctx.rate) / 60));
    const arr = Math.max(1, Math.round((ARR_60HZ * ctx.rate) / 60));
    const game = new Tetris({
      random: ctx.random,
      rate: ctx.rate,
      visibleRows: ctx.height,
      startLevel: Number(ctx.settings.level),
      lockTicks: ctx.ticks(0.5),
      clearTicks,
    });
    const controls: Controls = {
      left: false,
      right: false,
      rotateCw: false,
      rotateCcw: false,
      softDrop: false,
      hardDrop: false,
      hold: false,
    };
    let ended = false;

    return {
      update(input) {
        const p = input.player(0);
        const l = p.heldTicks('left');
        const r = p.heldTicks('right');
        // Both held: the more recent press wins (left on a tie).
        controls.left = l > 0 && (r === 0 || l <= r) && p.repeat('left', das, arr);
        controls.right = r > 0 && (l === 0 || r < l) && p.repeat('right', das, arr);
        controls.rotateCw = p.pressed('a');
        controls.rotateCcw = p.pressed('b');
        controls.softDrop = p.held('down');
        controls.hardDrop = p.pressed('up');
        controls.hold = p.pressed('start');
        game.step(controls);
        if (game.phase === OVER && game.phaseTicks >= overTicks && !ended) {
          ended = true;
          ctx.end({ score: game.score, message: 'TOP OUT' });
        }
      },
      draw(g) {
        drawTetris(g, game, clearTicks, overTicks);
      },
    };
  },
});
