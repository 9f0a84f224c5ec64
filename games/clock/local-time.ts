/**
 * Wall-clock milliseconds → local calendar fields in one IANA time zone, through Intl (the ICU
 * time-zone rules Node ships), so daylight saving, midnight and leap days follow the zone's real
 * rules. Fields are recomputed only when the whole second changes: one formatToParts per second.
 */
export interface LocalTime {
  year: number;
  /** 1..12 */
  month: number;
  /** 1..31 */
  day: number;
  /** 0 = Sunday .. 6 = Saturday */
  weekday: number;
  /** 0..23 */
  hour: number;
  minute: number;
  second: number;
  /** 0..999, the fraction of the current second (for smooth second hands and bars). */
  millis: number;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** The system's zone (TZ, /etc/localtime) as Intl resolves it. */
export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

export class LocalClock {
  readonly timeZone: string;
  private readonly format: Intl.DateTimeFormat;
  private second = Number.NaN;
  readonly time: LocalTime = {
    year: 0,
    month: 0,
    day: 0,
    weekday: 0,
    hour: 0,
    minute: 0,
    second: 0,
    millis: 0,
  };

  /** Throws a RangeError naming the zone and the fix when `timeZone` is not a known IANA name. */
  constructor(timeZone: string) {
    try {
      this.format = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        weekday: 'short',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      throw new RangeError(
        `clock: tz "${timeZone}" is not a time zone; use an IANA name such as Europe/Berlin or America/New_York (games.clock.tz or --set tz=…)`,
      );
    }
    this.timeZone = this.format.resolvedOptions().timeZone;
  }

  /** The local time at `ms` (wall-clock ms since 1970 UTC). The object is reused: copy what you keep. */
  at(ms: number): LocalTime {
    const whole = Math.floor(ms / 1000);
    this.time.millis = ms - whole * 1000;
    if (whole === this.second) return this.time;
    this.second = whole;
    const t = this.time;
    for (const part of this.format.formatToParts(whole * 1000)) {
      switch (part.type) {
        case 'year':
          t.year = Number(part.value);
          break;
        case 'month':
          t.month = Number(part.value);
          break;
        case 'day':
          t.day = Number(part.value);
          break;
        case 'weekday':
          t.weekday = WEEKDAYS.indexOf(part.value);
          break;
        case 'hour':
          t.hour = Number(part.value) % 24;
          break;
        case 'minute':
          t.minute = Number(part.value);
          break;
        case 'second':
          t.second = Number(part.value);
          break;
      }
    }
    return t;
  }
}
