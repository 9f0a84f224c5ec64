import { type Color, defineGame, type Graphics, hsv, sprite } from '../../src/index.ts';

const BARS: readonly Color[] = [
  0xffffff, 0xffff00, 0x00ffff, 0x00ff00, 0xff00ff, 0xff0000, 0x0000ff, 0x000000,
];
const CHANNELS: readonly [string, Color][] = [
  ['RED', 0xff0000],
  ['GREEN', 0x00ff00],
  ['BLUE', 0x0000ff],
];
/** The banner's scrolling, in pixels per tick, and the gap between repeats, in pixels. */
const SCROLL_SPEED = 0.25;
const SCROLL_GAP = 6;
const MODES = ['BARS', 'WIRING', 'WHITE', 'RGB', 'GRADIENT'] as const;
type Mode = (typeof MODES)[number];

/**
 * Checks a table: colour bars; every LED lit in strip order (LED 0 green, the running LED white
 * with a fading tail: a wiring fault shows as a jump); full white at the current brightness
 * (what the power limiter and supply must cope with); red, green and blue in turn (a wrong
 * colour order shows at once); a hue gradient. Left/right change the mode, A pauses the
 * wiring chase, up/down change its speed.
 */
export default defineGame({
  id: 'testpattern',
  title: 'Test pattern',
  description: 'Colour bars, wiring order, full white and RGB checks for a new table.',
  kind: 'app',
  icon: sprite(['wwyyccggmmrrbb', 'wwyyccggmmrrbb', 'wwyyccggmmrrbb', 'wwyyccggmmrrbb', 'wwyyccggmmrrbb'], {
    w: 0xffffff,
    y: 0xffff00,
    c: 0x00ffff,
    g: 0x00ff00,
    m: 0xff00ff,
    r: 0xff0000,
    b: 0x0000ff,
  }),
  create(ctx) {
    let mode = 0;
    let shownFor = 0;
    let led = 0;
    let paused = false;
    let ledsPerSecond = 20;
    let chase = 0;

    const drawWiring = (g: Graphics) => {
      g.clear();
      const count = ctx.wiring.ledCount;
      for (let back = 0; back < 8; back++) {
        const index = led - back;
        if (index < 0) break;
        const pixel = ctx.wiring.pixelOf(index);
        const level = Math.round(255 * (1 - back / 8));
        if (pixel >= 0)
          g.set(pixel % ctx.width, Math.floor(pixel / ctx.width), (level << 16) | (level << 8) | level);
      }
      const first = ctx.wiring.pixelOf(0);
      if (first >= 0 && led !== 0) g.set(first % ctx.width, Math.floor(first / ctx.width), 0x00ff00);
      if (count === 0) g.banner('NO LEDS', 5, 0xff0000, shownFor);
    };

    const drawMode = (g: Graphics, name: Mode) => {
      switch (name) {
        case 'BARS':
          for (let x = 0; x < ctx.width; x++) {
            g.fillRect(x, 0, 1, ctx.height, BARS[Math.floor((x * BARS.length) / ctx.width)]!);
          }
          return;
        case 'WIRING':
          drawWiring(g);
          return;
        case 'WHITE':
          g.clear(0xffffff);
          return;
        case 'RGB': {
          const [, color] = CHANNELS[Math.floor(shownFor / ctx.ticks(1)) % CHANNELS.length]!;
          g.clear(color);
          return;
        }
        case 'GRADIENT':
          for (let y = 0; y < ctx.height; y++) {
            for (let x = 0; x < ctx.width; x++)
              g.set(x, y, hsv((x * 360) / ctx.width, 1, 1 - y / ctx.height));
          }
      }
    };

    return {
      update(input) {
        shownFor++;
        const step = input.any.pressed('right') ? 1 : input.any.pressed('left') ? -1 : 0;
        if (step !== 0) {
          mode = (mode + step + MODES.length) % MODES.length;
          shownFor = 0;
          led = 0;
          chase = 0;
        }
        if (input.any.pressed('a')) paused = !paused;
        if (input.any.repeat('up', 20, 5)) ledsPerSecond = Math.min(ctx.rate, ledsPerSecond * 2);
        if (input.any.repeat('down', 20, 5)) ledsPerSecond = Math.max(1, ledsPerSecond / 2);
        if (MODES[mode] === 'WIRING' && !paused) {
          chase += ledsPerSecond / ctx.rate;
          while (chase >= 1) {
            chase -= 1;
            led = (led + 1) % Math.max(1, ctx.wiring.ledCount);
          }
        }
      },
      draw(g) {
        const name = MODES[mode]!;
        drawMode(g, name);
        // The mode's name for 1.5 s, or as long as one pass takes when it must scroll (WHITE).
        const labelTicks = Math.max(
          ctx.ticks(1.5),
          Math.ceil((g.textWidth(name) + SCROLL_GAP) / SCROLL_SPEED),
        );
        if (shownFor < labelTicks && name !== 'WIRING') {
          g.fillRect(0, 4, ctx.width, 7, 0x000000);
          g.banner(name, 5, 0xffffff, shownFor);
        }
      },
    };
  },
});
