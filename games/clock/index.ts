import { defineGame, sprite } from '../../src/index.ts';
import { COLORS, drawDate, drawFace, FACES, type Face, type FaceFrame } from './faces.ts';
import { LocalClock, systemTimeZone } from './local-time.ts';

/** Seconds the date stays up after B. */
const DATE_SECONDS = 5;
const CHOICE_BUTTONS = ['left', 'right', 'up', 'down', 'a'] as const;

interface Remembered {
  face?: string;
  color?: string;
  hours?: number;
}

/**
 * A wall clock: large digital faces (seconds as a bar or as dots, a calendar face) and an analog
 * dial, in the table's local time zone (the system's, or `tz` from the config), 24 or 12 hours.
 * Reads the time only through ctx.now(), so tests and headless runs set the clock themselves.
 * left/right: face; up/down: colours; A: 12/24 hours; B: the date for five seconds (B again: back). The choices
 * are remembered in the app's store.
 */
export default defineGame({
  id: 'clock',
  title: 'Clock',
  description: 'Digital and analog clock faces in the local time zone; B shows the date.',
  kind: 'app',
  icon: sprite(['.###.', '#..##', '#.#.#', '#...#', '.###.'], { '#': 0xffd8a0 }),
  create(ctx) {
    const tzParam = ctx.params.tz;
    const clock = new LocalClock(typeof tzParam === 'string' && tzParam !== '' ? tzParam : systemTimeZone());
    const saved = ctx.store.get<Remembered>('choice') ?? {};
    const pick = <T extends string>(list: readonly T[], wanted: unknown, fallback: number): number => {
      const index = list.indexOf(wanted as T);
      return index >= 0 ? index : fallback;
    };
    const colorNames = COLORS.map((c) => c.name);
    let face = pick(FACES, saved.face ?? ctx.params.face, 0);
    let color = pick(colorNames, saved.color ?? ctx.params.color, 0);
    let twelveHour = (saved.hours ?? Number(ctx.params.hours ?? 24)) === 12;
    const monthFirst = ctx.params.date === 'mdy';
    let dateTicks = 0;
    ctx.log(`time zone ${clock.timeZone}`);

    const remember = () =>
      ctx.store.set('choice', { face: FACES[face], color: colorNames[color], hours: twelveHour ? 12 : 24 });

    const frame = (): FaceFrame => {
      const time = clock.at(ctx.now());
      const hour = twelveHour ? ((time.hour + 11) % 12) + 1 : time.hour;
      return { time, hour, twelveHour, colors: COLORS[color]!, monthFirst };
    };

    return {
      update(input) {
        const buttons = input.any;
        if (buttons.pressed('right')) face = (face + 1) % FACES.length;
        if (buttons.pressed('left')) face = (face + FACES.length - 1) % FACES.length;
        if (buttons.pressed('up')) color = (color + 1) % COLORS.length;
        if (buttons.pressed('down')) color = (color + COLORS.length - 1) % COLORS.length;
        if (buttons.pressed('a')) twelveHour = !twelveHour;
        if (CHOICE_BUTTONS.some((b) => buttons.pressed(b))) remember();
        if (buttons.pressed('b') || buttons.pressed('start'))
          dateTicks = dateTicks > 0 ? 0 : ctx.ticks(DATE_SECONDS);
        else if (dateTicks > 0) dateTicks--;
      },
      draw(g) {
        const f = frame();
        if (dateTicks > 0) drawDate(g, f);
        else drawFace(g, FACES[face] as Face, f);
      },
    };
  },
});
