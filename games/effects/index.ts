import { defineGame, sprite } from '../../src/index.ts';
import type { Effect, Render } from './effect.ts';
import { EFFECTS } from './library.ts';
import { PALETTES, paletteIndex, paletteTable } from './palettes.ts';

/** Speed levels 1..5 as multiples of each effect's natural pace. */
const SPEEDS = [0.25, 0.5, 1, 1.6, 2.5] as const;
const LIGHTS = { low: 0.3, mid: 0.6, high: 1 } as const;
const LIGHT_NAMES = ['low', 'mid', 'high'] as const;
/** Seconds the effect's name stays up after a change. */
const NAME_SECONDS = 1.5;

/**
 * Ambient animations for an idle table: plasma, fire, water caustics, rain ripples, hue waves,
 * a starfield, digital rain, aurora and a Mandelbrot zoom. Each effect fills a brightness field
 * that a palette turns into colours; everything random comes from ctx.random, everything timed
 * from the ticks, so a seed gives the same frames. left/right: effect; up/down: speed;
 * A: palette; B: intensity.
 */
export default defineGame({
  id: 'effects',
  title: 'Effects',
  description: 'Plasma, fire, water, rain, hues, stars, digital rain, aurora and a fractal zoom.',
  kind: 'app',
  icon: sprite(['.rry.', 'rryyg', 'ryygb', 'yygbb', '.gbb.'], {
    r: 0xff2060,
    y: 0xffc020,
    g: 0x20e080,
    b: 0x2060ff,
  }),
  settings: {
    effect: { label: 'FX', values: EFFECTS.map((e) => e.id), default: 'plasma' },
    speed: { label: 'SPEED', values: [1, 2, 3, 4, 5], default: 3 },
    palette: { label: 'COLOR', values: PALETTES, default: 'auto' },
    light: { label: 'LIGHT', values: LIGHT_NAMES, default: 'mid' },
  },
  create(ctx) {
    const { width, height } = ctx;
    const field = new Float32Array(width * height);
    let effectAt = Math.max(
      0,
      EFFECTS.findIndex((e) => e.id === ctx.settings.effect),
    );
    let speed = Math.max(0, Number(ctx.settings.speed) - 1);
    let palette = Math.max(0, PALETTES.indexOf(ctx.settings.palette));
    let light = Math.max(0, LIGHT_NAMES.indexOf(ctx.settings.light));
    let effect: Effect = EFFECTS[effectAt]!;
    let render: Render = effect.create({ width, height, random: ctx.random });
    let colors: Uint32Array = new Uint32Array(256);
    let t = 0;
    let sinceDraw = 0;
    let nameTicks = ctx.ticks(NAME_SECONDS);
    let name = effect.id;

    const recolor = () => {
      const chosen = PALETTES[palette]!;
      colors = paletteTable(chosen === 'auto' ? effect.palette : chosen, LIGHTS[LIGHT_NAMES[light]!]);
    };
    const announce = (text: string) => {
      name = text;
      nameTicks = ctx.ticks(NAME_SECONDS);
    };
    const switchTo = (index: number) => {
      effectAt = (index + EFFECTS.length) % EFFECTS.length;
      effect = EFFECTS[effectAt]!;
      render = effect.create({ width, height, random: ctx.random });
      recolor();
      announce(effect.id);
    };
    recolor();

    return {
      update(input) {
        const b = input.any;
        if (b.pressed('right')) switchTo(effectAt + 1);
        if (b.pressed('left')) switchTo(effectAt - 1);
        if (b.pressed('up') && speed < SPEEDS.length - 1) announce(`SPEED ${++speed + 1}`);
        if (b.pressed('down') && speed > 0) announce(`SPEED ${--speed + 1}`);
        if (b.pressed('a')) {
          palette = (palette + 1) % PALETTES.length;
          recolor();
          announce(PALETTES[palette]!);
        }
        if (b.pressed('b')) {
          light = (light + 1) % LIGHT_NAMES.length;
          recolor();
          announce(LIGHT_NAMES[light]!);
        }
        const dt = SPEEDS[speed]! / ctx.rate;
        t += dt;
        sinceDraw += dt;
        if (nameTicks > 0) nameTicks--;
      },
      draw(g) {
        render(field, t, sinceDraw);
        sinceDraw = 0;
        const cyclic = effect.cyclic === true;
        for (let y = 0, i = 0; y < height; y++) {
          for (let x = 0; x < width; x++, i++) {
            const index = paletteIndex(field[i]!, cyclic);
            g.set(x, y, index < 0 ? 0 : colors[index]!);
          }
        }
        if (nameTicks > 0) {
          const y = height - 6;
          g.fillRect(0, y - 1, width, 7, 0);
          g.banner(name.toUpperCase(), y, 0xffffff, ctx.ticks(NAME_SECONDS) - nameTicks);
        }
      },
    };
  },
});
