/**
 * The night schedule: a daily window of local time ("23:00-07:00", across midnight when the end
 * is earlier than the start) during which an idle table goes dark or dims. Local time comes from
 * Intl in the system's time zone (or a given one), so daylight saving is handled by ICU.
 */
export interface NightWindow {
  /** Minutes after local midnight. */
  readonly from: number;
  readonly to: number;
}

/** "HH:MM-HH:MM" → a window; '' → undefined (no night). Throws an Error that shows the form. */
export function parseNightWindow(text: string): NightWindow | undefined {
  if (text.trim() === '') return undefined;
  const match = /^(\d{1,2}):(\d{2})-(\d{1,2}):(\d{2})$/.exec(text.trim());
  const minutes = (h: string, m: string) => Number(h) * 60 + Number(m);
  if (
    !match ||
    Number(match[1]) > 23 ||
    Number(match[3]) > 23 ||
    Number(match[2]) > 59 ||
    Number(match[4]) > 59
  ) {
    throw new Error(`"${text}" is not a time window; write HH:MM-HH:MM in 24-hour time, e.g. 23:00-07:00`);
  }
  const window = { from: minutes(match[1]!, match[2]!), to: minutes(match[3]!, match[4]!) };
  if (window.from === window.to) throw new Error(`"${text}" starts and ends at the same time`);
  return window;
}

/** Minutes after local midnight at `ms` in `timeZone` (default: the system's). */
export function localMinutes(ms: number, timeZone?: string): number {
  const format = formats.get(timeZone ?? '') ?? makeFormat(timeZone);
  let hour = 0;
  let minute = 0;
  for (const part of format.formatToParts(ms)) {
    if (part.type === 'hour') hour = Number(part.value) % 24;
    else if (part.type === 'minute') minute = Number(part.value);
  }
  return hour * 60 + minute;
}

/** True when `ms` falls inside the window (start included, end excluded). */
export function isNight(window: NightWindow | undefined, ms: number, timeZone?: string): boolean {
  if (!window) return false;
  const now = localMinutes(ms, timeZone);
  return window.from < window.to
    ? now >= window.from && now < window.to
    : now >= window.from || now < window.to;
}

const formats = new Map<string, Intl.DateTimeFormat>();
function makeFormat(timeZone: string | undefined): Intl.DateTimeFormat {
  const format = new Intl.DateTimeFormat('en-US', {
    hourCycle: 'h23',
    hour: 'numeric',
    minute: 'numeric',
    ...(timeZone ? { timeZone } : {}),
  });
  formats.set(timeZone ?? '', format);
  return format;
}

/**
 * The night rule: inside the window, once the table has been idle for `idleSeconds`, its
 * brightness drops to `nightLight` % of the owner's (0 = dark); any button wakes it to full
 * brightness until it falls idle again. `factor` is called once per frame.
 */
export class NightSchedule {
  private lastActive: number | undefined;

  constructor(
    /** The night hours; undefined = no night. The settings screen may change them. */
    public window: NightWindow | undefined,
    /** Brightness of an idle table at night, % of the owner's (0 = dark). */
    public nightLight: number,
    private readonly timeZone?: string,
  ) {}

  /** The share of the owner's brightness to show at `ms`; `active` = a button this tick. */
  factor(ms: number, active: boolean, idleSeconds: number): number {
    if (active || this.lastActive === undefined) this.lastActive = ms;
    if (!this.window) return 1;
    const idle = ms - this.lastActive >= Math.max(1, idleSeconds || 120) * 1000;
    return idle && isNight(this.window, ms, this.timeZone) ? this.nightLight / 100 : 1;
  }
}

/** Night hours the settings screen offers (the config may hold any other window). */
export const NIGHT_CHOICES = ['', '22:00-07:00', '23:00-07:00', '00:00-07:00', '23:00-06:00', '22:00-06:00'];

/** "23:00-07:00" → "23-7" (short enough for the settings screen); '' → "OFF". */
export function shortWindow(text: string): string {
  if (!text) return 'OFF';
  const [from, to] = text
    .split('-')
    .map((t) => String(Number(t.split(':')[0])) + (t.endsWith(':00') ? '' : t.slice(-3)));
  return `${from}-${to}`;
}

/** The live hooks of the settings screen's NIGHT and DIM lines (options night and nightLight). */
export function nightHooks(night: NightSchedule) {
  return {
    night: (text: string) => {
      night.window = parseNightWindow(text);
    },
    nightLight: (percent: number) => {
      night.nightLight = percent;
    },
  };
}
