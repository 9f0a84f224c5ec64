import { type Color, defineGame, FONT_3X5, FONT_5X7, hsv, sprite } from '../../src/index.ts';

/** What shows when no message is configured. */
export const DEFAULT_MESSAGE = 'HELLO! SET games.text.message IN THE CONFIG';
const COLORS: readonly (readonly [string, Color])[] = [
  ['white', 0xffffff],
  ['warm', 0xffc080],
  ['red', 0xff3020],
  ['green', 0x40ff60],
  ['cyan', 0x40d0ff],
  ['rainbow', -1],
];
/** Blank pixels between the end of the message and its next repeat. */
const GAP = 10;

/**
 * A scrolling message: `games.text.message` in the config file (or `--set message=…`); later
 * the web page will set it the same way. Smooth sub-pixel scrolling (each pixel's light is
 * shared between two columns) at 15 pixels per second by default, the speed at which a 5-wide
 * font stays readable on a 20-pixel-wide table. A message that fits stands still, centred.
 * up/down: speed; left/right: colour; A: large/small letters; B: pause.
 */
export default defineGame({
  id: 'text',
  title: 'Text',
  description: 'A scrolling message from the config file.',
  kind: 'app',
  icon: sprite(['#.#.###', '#.#..#.', '###..#.', '#.#..#.', '#.#.###'], { '#': 0xffffff }),
  settings: {
    speed: { label: 'PX/S', values: [5, 10, 15, 20, 30], default: 15 },
    size: { label: 'SIZE', values: ['big', 'small'], default: 'big' },
  },
  create(ctx) {
    const configured = ctx.params.message;
    const message =
      typeof configured === 'string' || typeof configured === 'number' ? String(configured) : DEFAULT_MESSAGE;
    const speeds = [5, 10, 15, 20, 30];
    let speed = Math.max(0, speeds.indexOf(Number(ctx.settings.speed)));
    let big = ctx.settings.size !== 'small';
    let color = 0;
    let paused = false;
    let offset = 0;
    let hue = 0;

    return {
      update(input) {
        const b = input.any;
        if (b.pressed('up')) speed = Math.min(speeds.length - 1, speed + 1);
        if (b.pressed('down')) speed = Math.max(0, speed - 1);
        if (b.pressed('right')) color = (color + 1) % COLORS.length;
        if (b.pressed('left')) color = (color + COLORS.length - 1) % COLORS.length;
        if (b.pressed('a')) big = !big;
        if (b.pressed('b')) paused = !paused;
        if (!paused) offset += speeds[speed]! / ctx.rate;
        hue += 60 / ctx.rate;
      },
      draw(g) {
        g.clear();
        const font = big ? FONT_5X7 : FONT_3X5;
        const y = Math.floor((ctx.height - font.height) / 2);
        const [, chosen] = COLORS[color]!;
        const shade = chosen >= 0 ? chosen : hsv(hue, 0.9, 1);
        const width = g.textWidth(message, font);
        if (width <= ctx.width) g.text(message, Math.floor((ctx.width - width) / 2), y, shade, font);
        else g.scrollText(message, { x: 0, y, width: ctx.width, color: shade, offset, gap: GAP, font });
      },
    };
  },
});
