import { type Buttons, defineGame, type SoundPlayer, sprite } from '../../src/index.ts';
import { drawTetris } from './draw.ts';
import { drawVersus } from './draw-versus.ts';
import { PIECE_COLORS } from './palette.ts';
import { SOUNDS } from './sounds.ts';
import {
  type Controls,
  EV_CLEAR,
  EV_FELL,
  EV_HOLD,
  EV_LEVEL,
  EV_LOCK,
  EV_MOVE,
  EV_OVER,
  EV_ROTATE,
  idleControls,
  OVER,
  Tetris,
  type TetrisOptions,
} from './tetris.ts';
import { UNDECIDED, Versus } from './versus.ts';

/** DAS: ticks from a press to the first repeat, at 60 Hz (scaled by the loop rate). */
const DAS_60HZ = 10;
/** ARR: ticks between repeats after that, at 60 Hz. */
const ARR_60HZ = 2;

export default defineGame({
  id: 'tetris',
  title: 'Tetris',
  description:
    'Guideline Tetris: SRS kicks, 7-bag, hold, ghost, lock delay, next two pieces; 2-player versus with garbage.',
  players: { min: 1, max: 2 },
  sounds: SOUNDS,
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
    const options: TetrisOptions = {
      random: ctx.random,
      rate: ctx.rate,
      visibleRows: ctx.height,
      startLevel: Number(ctx.settings.level),
      lockTicks: ctx.ticks(0.5),
      clearTicks,
    };
    let ended = false;
    ctx.music.play('theme');

    if (ctx.players >= 2) {
      const versus = new Versus(options);
      const c0 = idleControls();
      const c1 = idleControls();
      const pulseTicks = ctx.ticks(0.25);
      return {
        update(input) {
          readControls(input.player(0), c0, das, arr, false);
          readControls(input.player(1), c1, das, arr, false);
          versus.step(c0, c1);
          playEvents(ctx.sound, versus.games[0]);
          playEvents(ctx.sound, versus.games[1]);
          if (versus.winner !== UNDECIDED && versus.overTicks >= overTicks && !ended) {
            ended = true;
            const winner = versus.winner;
            ctx.end({ winner, message: winner < 0 ? 'DRAW' : winner === 0 ? 'P1 WINS' : 'P2 WINS' });
          }
        },
        draw(g) {
          drawVersus(g, versus, clearTicks, overTicks, Math.floor(ctx.tick / pulseTicks) % 2 === 0);
        },
      };
    }

    const game = new Tetris(options);
    const controls = idleControls();
    return {
      update(input) {
        readControls(input.player(0), controls, das, arr, true);
        game.step(controls);
        playEvents(ctx.sound, game);
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

/** The sounds of what happened in a player's last step (one sound per kind of event). */
function playEvents(sound: SoundPlayer, game: Tetris): void {
  const events = game.events;
  if (events === 0) return;
  if (events & EV_OVER) sound.play('topout');
  else if (events & EV_CLEAR) sound.play(game.lastClear >= 4 ? 'tetris' : 'clear');
  else if (events & EV_LOCK) sound.play('lock');
  if (events & EV_LEVEL) sound.play('level');
  if (events & EV_HOLD) sound.play('hold');
  if (events & EV_ROTATE) sound.play('rotate');
  else if (events & EV_MOVE) sound.play('move');
  if (events & EV_FELL && !(events & EV_LOCK)) sound.play('gravity', 0.6);
}

/**
 * One player's buttons into `c` (reused every tick): DAS/ARR on left and right, A/B rotate,
 * down soft drop, up hard drop, start hold (when `holdAllowed`).
 */
function readControls(p: Buttons, c: Controls, das: number, arr: number, holdAllowed: boolean): void {
  const l = p.heldTicks('left');
  const r = p.heldTicks('right');
  // Both held: the more recent press wins (left on a tie).
  c.left = l > 0 && (r === 0 || l <= r) && p.repeat('left', das, arr);
  c.right = r > 0 && (l === 0 || r < l) && p.repeat('right', das, arr);
  c.rotateCw = p.pressed('a');
  c.rotateCcw = p.pressed('b');
  c.softDrop = p.held('down');
  c.hardDrop = p.pressed('up');
  c.hold = holdAllowed && p.pressed('start');
}
