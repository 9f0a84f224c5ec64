import { type Color, defineGame, FONT_3X5, FONT_5X7, hsv, sprite } from '../../src/index.ts';

/** What shows when no message is configured. */
export const DEFAULT_MESSAGE = 'HELLO! SET games.text.message IN THE CONFIG';
const COLOR_NAMES = ['white', 'warm', 'red', 'green', 'cyan', 'rainbow'] as const;
const COLORS: Readonly<Record<(typeof COLOR_NAMES)[number], Color>> = {
  white: 0xffffff,
  warm: 0xffc080,
  red: 0xff3020,
  green: 0x40ff60,
  cyan: 0x40d0ff,
  rainbow: -1,
};
/** Blank pixels between the end of the message and its next repeat. */
const GAP = 10;

/**
 * A scrolling message: `games.text.message` in the config file (or `--set text.message=…`), or
 * one sent from the table's web page (which launches this app with it as the param). Smooth sub-pixel scrolling (each pixel's light is
 * shared between two columns) at 15 pixels per second by default, the speed at which a 5-wide
 * font stays readable on a 20-pixel-wide table. A message that fits stands still, centred.
 * up/down: speed; left/right: colour; A: large/small letters; B: pause.
 */
export default defineGame({
  id: 'text',
  title: 'Text',
  description: 'A scrolling message from the config file or the web page.',
  kind: 'app',
  controls: {
    up: 'faster',
    down: 'slower',
    left: 'colour',
    right: 'colour',
    a: 'size',
    b: 'pause',
    back: 'menu',
  },
  hint: ['up', 'b'],
  icon: sprite(['#.#.###', '#.#..#.', '###..#.', '#.#..#.', '#.#.###'], { '#': 0xffffff }),
  settings: {
    speed: { label: 'PX/S', values: [5, 10, 15, 20, 30], default: 15 },
    size: { label: 'SIZE', values: ['big', 'small'], default: 'big', short: { small: 'tiny' } },
    color: {
      label: 'COLOUR',
      values: COLOR_NAMES,
      default: 'white',
      short: { white: 'wht', rainbow: 'rainb' },
    },
  },
  params: {
    message: {
      type: 'string',
      help: 'The message to show (lower case shows as upper case; characters the font lacks as a box).',
      arg: 'TEXT',
    },
  },
  create(ctx) {
    const configured = ctx.params.message;
    const message =
      typeof configured === 'string' || typeof configured === 'number' ? String(configured) : DEFAULT_MESSAGE;
    const speeds = [5, 10, 15, 20, 30];
    let speed = Math.max(0, speeds.indexOf(Number(ctx.settings.speed)));
    let big = ctx.settings.size !== 'small';
    let color = Math.max(0, COLOR_NAMES.indexOf(ctx.settings.color));
    let paused = false;
    let offset = 0;
    let hue = 0;

    return {
      update(input) {
        const b = input.any;
        if (b.pressed('up')) speed = Math.min(speeds.length - 1, speed + 1);
        if (b.pressed('down')) speed = Math.max(0, speed - 1);
        if (b.pressed('right')) color = (color + 1) % COLOR_NAMES.length;
        if (b.pressed('left')) color = (color + COLOR_NAMES.length - 1) % COLOR_NAMES.length;
        if (b.pressed('a')) big = !big;
        if (b.pressed('b')) paused = !paused;
        if (!paused) offset += speeds[speed]! / ctx.rate;
        hue += 60 / ctx.rate;
      },
      draw(g) {
        g.clear();
        const font = big ? FONT_5X7 : FONT_3X5;
        const y = Math.floor((ctx.height - font.height) / 2);
        const chosen = COLORS[COLOR_NAMES[color]!];
        const shade = chosen >= 0 ? chosen : hsv(hue, 0.9, 1);
        const width = g.textWidth(message, font);
        if (width <= ctx.width) g.text(message, Math.floor((ctx.width - width) / 2), y, shade, font);
        else g.scrollText(message, { x: 0, y, width: ctx.width, color: shade, offset, gap: GAP, font });
      },
    };
  },
});
