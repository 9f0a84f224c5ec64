import { blendLinear, type Color, defineGame, type Graphics, sprite } from '../../src/index.ts';
import { SOUNDS } from './sounds.ts';
import { FlappyWorld } from './world.ts';

export const BIRD: Color = 0xffd000;
export const PIPE: Color = 0x00b000;
/** The pipe rows next to a gap (the lip) are brighter so the opening reads at a glance. */
export const PIPE_LIP: Color = 0x60ff40;
export const GROUND_A: Color = 0x804000;
export const GROUND_B: Color = 0x502800;
export const CRASH_FLASH: Color = 0x500000;
const TEXT: Color = 0xffffff;
/** The score during play and the high score on the ready screen. */
export const DIM_TEXT: Color = 0x606060;

type State = 'ready' | 'playing' | 'crashed';

/**
 * Flappy on a 20×15 table: a 1-pixel bird with sub-pixel gravity, pipes from the right with gaps
 * that narrow from 6 to 4 rows as the score grows. A, B or up flaps. See README.md for the rules.
 */
export default defineGame({
  id: 'flappy',
  title: 'Flappy',
  description: 'Flap through the gaps between the pipes. A, B or up flaps.',
  kind: 'game',
  players: { min: 1, max: 1 },
  scoreOrder: 'higher',
  icon: sprite(['.......gg..', '..y....gg..', '.......GG..', '...........', 'ggg....GG..', 'bbbbbbbgggb'], {
    y: BIRD,
    g: PIPE,
    G: PIPE_LIP,
    b: GROUND_A,
  }),
  sounds: SOUNDS,
  create(ctx) {
    const world = new FlappyWorld(ctx.width, ctx.height, ctx.random);
    const dt = 1 / ctx.rate;
    const crashTicks = ctx.ticks(1.2);
    const flashTicks = ctx.ticks(0.1);
    const scoreShowTicks = ctx.ticks(1);
    const hoverY = world.birdY;
    let state: State = 'ready';
    let stateTicks = 0;
    let sinceScore = scoreShowTicks;
    let ended = false;
    // Texts are built when they change, never per frame.
    const best = ctx.highScore();
    const bestText = best === undefined ? '' : `HI ${best}`;
    let scoreText = '0';

    const enter = (next: State) => {
      state = next;
      stateTicks = 0;
    };

    const drawGround = (g: Graphics) => {
      const offset = Math.floor(world.scrolled);
      for (let x = 0; x < ctx.width; x++) {
        g.set(x, world.playHeight, ((x + offset) >> 1) % 2 === 0 ? GROUND_A : GROUND_B);
      }
    };

    // Pipes are drawn anti-aliased across columns: a pipe at x = 3.25 lights column 3 at 75 %,
    // over whatever is below (the score), so a pipe's edges always read whole.
    const drawPipes = (g: Graphics) => {
      const width = world.tuning.pipeWidth;
      for (let i = 0; i < world.active.length; i++) {
        if (world.active[i] === 0) continue;
        const x = world.pipeX[i] ?? 0;
        const top = world.gapTop[i] ?? 0;
        const bottom = top + (world.gapRows[i] ?? 0);
        for (let column = Math.floor(x); column < x + width; column++) {
          const cover = Math.min(column + 1, x + width) - Math.max(column, x);
          if (cover <= 0) continue;
          const body = blendLinear(0, PIPE, cover);
          const lip = blendLinear(0, PIPE_LIP, cover);
          for (let y = 0; y < world.playHeight; y++) {
            if (y >= top && y < bottom) continue;
            const isLip = y === top - 1 || y === bottom;
            const under = g.get(column, y);
            if (under === 0) g.set(column, y, isLip ? lip : body);
            else g.set(column, y, blendLinear(under, isLip ? PIPE_LIP : PIPE, cover));
          }
        }
      }
    };

    // The bird is blended over what is below it across the two rows it straddles.
    const drawBird = (g: Graphics, color: Color) => {
      const x = world.tuning.birdX;
      const row = Math.floor(world.birdY);
      const share = world.birdY - row;
      g.set(x, row, blendLinear(g.get(x, row), color, 1 - share));
      if (share > 0) g.set(x, row + 1, blendLinear(g.get(x, row + 1), color, share));
    };

    return {
      update(input) {
        stateTicks++;
        const p = input.player(0);
        // Both face buttons flap: on many pads the bottom one, the natural "jump", is B.
        const flap = p.pressed('a') || p.pressed('b') || p.pressed('up');
        switch (state) {
          case 'ready':
            // The first flap starts the run and counts as a flap.
            // Hover gently (±0.5 px in 1/8 px steps, once a second) until the first flap.
            world.birdY = hoverY + Math.round(4 * Math.sin((stateTicks / ctx.rate) * Math.PI * 2)) / 8;
            world.scrolled += world.tuning.pipeSpeed * dt;
            if (flap) {
              world.start();
              world.flap();
              ctx.sound.play('flap');
              enter('playing');
            }
            return;
          case 'playing': {
            if (flap) {
              world.flap();
              ctx.sound.play('flap');
            }
            const event = world.step(dt);
            sinceScore++;
            if (event === 'scored') {
              ctx.sound.play('score');
              sinceScore = 0;
              scoreText = String(world.score);
            }
            if (event === 'crash') {
              ctx.sound.play('crash');
              enter('crashed');
            }
            return;
          }
          case 'crashed':
            // The bird drops to the ground while the world stands still; then the result screen.
            if (world.birdY < world.playHeight - 1) {
              world.birdVy = Math.max(world.birdVy, 0);
              world.birdVy = Math.min(world.tuning.maxFall, world.birdVy + world.tuning.gravity * dt);
              world.birdY = Math.min(world.playHeight - 1, world.birdY + world.birdVy * dt);
            }
            if (stateTicks >= crashTicks && !ended) {
              ended = true;
              ctx.end({ score: world.score, message: 'CRASH' });
            }
        }
      },
      draw(g) {
        g.clear(state === 'crashed' && stateTicks <= flashTicks ? CRASH_FLASH : 0);
        // The score goes behind the pipes: the pipes are what the bird must read, it is not.
        if (state === 'playing' && sinceScore < scoreShowTicks) g.banner(scoreText, 1, DIM_TEXT, sinceScore);
        drawPipes(g);
        drawGround(g);
        if (state === 'crashed') {
          const blink = Math.floor(stateTicks / Math.max(1, ctx.ticks(0.08))) % 2 === 0;
          drawBird(g, blink ? 0xff2000 : 0xffffff);
          return;
        }
        drawBird(g, BIRD);
        if (state === 'ready') {
          if (Math.floor(stateTicks / ctx.ticks(0.5)) % 2 === 0) g.banner('READY', 1, TEXT, stateTicks);
          if (bestText !== '') g.banner(bestText, 8, DIM_TEXT, stateTicks);
        }
      },
    };
  },
});
