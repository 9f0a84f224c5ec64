import { blendLinear, type Color, dim, type Graphics, hsv } from '../../src/index.ts';
import { drawTime } from './digits.ts';
import type { LocalTime } from './local-time.ts';

/** Colours of one clock style: the digits or hands, the accents (seconds, date). */
export interface ClockColors {
  readonly name: string;
  readonly main: Color;
  readonly accent: Color;
}

export const COLORS: readonly ClockColors[] = [
  { name: 'warm', main: 0xffd8a0, accent: 0xff8040 },
  { name: 'red', main: 0xff2000, accent: 0x901000 },
  { name: 'amber', main: 0xffa000, accent: 0xff4000 },
  { name: 'green', main: 0x40ff60, accent: 0x00a0ff },
  { name: 'cyan', main: 0x40e0ff, accent: 0x4060ff },
  { name: 'white', main: 0xffffff, accent: 0x909090 },
  { name: 'violet', main: 0xc060ff, accent: 0xff40a0 },
  { name: 'rainbow', main: -1, accent: -1 },
];

/** What every face needs to draw one frame. */
export interface FaceFrame {
  readonly time: LocalTime;
  /** Hour as shown: 0..23, or 1..12 on a 12-hour clock. */
  readonly hour: number;
  readonly twelveHour: boolean;
  readonly colors: ClockColors;
  /** Date order: day first (31.12) or month first (12/31). */
  readonly monthFirst: boolean;
}

export const FACES = ['bar', 'dots', 'calendar', 'analog'] as const;
export type Face = (typeof FACES)[number];

const WEEKDAY_NAMES = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

/** The main colour; the rainbow style turns through the hues once a minute. */
function mainColor(f: FaceFrame): Color {
  return f.colors.main >= 0 ? f.colors.main : hsv((f.time.second + f.time.millis / 1000) * 6, 0.8, 1);
}
function accentColor(f: FaceFrame): Color {
  return f.colors.accent >= 0 ? f.colors.accent : hsv((f.time.second + f.time.millis / 1000) * 6 + 180, 1, 1);
}

/** Seconds into the minute including the fraction, 0 ≤ s < 60. */
function secondsIn(t: LocalTime): number {
  return t.second + t.millis / 1000;
}

/** One lit dot at top-left marks the afternoon on a 12-hour clock. */
function drawPm(g: Graphics, f: FaceFrame): void {
  if (f.twelveHour && f.time.hour >= 12) g.set(0, 0, accentColor(f));
}

export function drawFace(g: Graphics, face: Face, f: FaceFrame): void {
  g.clear();
  DRAW[face](g, f);
}

const DRAW: Readonly<Record<Face, (g: Graphics, f: FaceFrame) => void>> = {
  bar: drawBarFace,
  dots: drawDotsFace,
  calendar: drawCalendarFace,
  analog: drawAnalogFace,
};

/** Large "HH MM"; below it a 20-pixel bar fills once a minute (3 s per pixel, the last one fading in). */
function drawBarFace(g: Graphics, f: FaceFrame): void {
  drawTime(g, f.hour, f.time.minute, 3, mainColor(f), f.twelveHour);
  const accent = accentColor(f);
  const filled = (secondsIn(f.time) / 60) * g.width;
  const track = dim(accent, 0.12);
  for (let x = 0; x < g.width; x++) {
    const share = Math.min(1, Math.max(0, filled - x));
    g.set(x, 12, share <= 0 ? track : blendLinear(track, accent, share));
  }
  drawPm(g, f);
}

/** Large "HH MM"; below it 60 dots in three rows of 20, one more lit each second. */
function drawDotsFace(g: Graphics, f: FaceFrame): void {
  drawTime(g, f.hour, f.time.minute, 1, mainColor(f), f.twelveHour);
  const accent = accentColor(f);
  const track = dim(accent, 0.1);
  for (let i = 0; i < 60; i++) {
    const x = i % 20;
    const y = 9 + 2 * Math.floor(i / 20);
    g.set(x + Math.floor((g.width - 20) / 2), y, i < f.time.second ? accent : track);
  }
  drawPm(g, f);
}

/** "HH:MM" in small type, the weekday as one lit segment of seven (Monday first), the date. */
function drawCalendarFace(g: Graphics, f: FaceFrame): void {
  const main = mainColor(f);
  const accent = accentColor(f);
  const hh = f.twelveHour ? String(f.hour) : pad(f.hour);
  const time = `${hh}${f.time.second % 2 === 0 ? ':' : ' '}${pad(f.time.minute)}`;
  g.text(time, centre(g, `${hh}:${pad(f.time.minute)}`), 1, main);
  const today = (f.time.weekday + 6) % 7; // Monday = 0
  const left = Math.floor((g.width - 20) / 2);
  for (let d = 0; d < 7; d++) {
    const color = d === today ? accent : dim(accent, 0.12);
    g.fillRect(left + d * 3, 7, 2, 1, color);
  }
  const date = dateText(f);
  g.text(date, centre(g, date), 9, main);
  drawPm(g, f);
}

/** The date on demand: the weekday, then "31.12" (or "12/31"). */
export function drawDate(g: Graphics, f: FaceFrame): void {
  g.clear();
  const day = WEEKDAY_NAMES[f.time.weekday] ?? '';
  g.text(day, centre(g, day), 2, accentColor(f));
  const date = dateText(f);
  g.text(date, centre(g, date), 8, mainColor(f));
}

function dateText(f: FaceFrame): string {
  return f.monthFirst ? `${pad(f.time.month)}/${pad(f.time.day)}` : `${pad(f.time.day)}.${pad(f.time.month)}`;
}

/**
 * A dial of radius 7 around (10, 7): twelve hour marks (brighter at 12, 3, 6, 9), hour hand 4
 * long, minute hand 6 long, a dim second hand sweeping. Hands are distance fields: a pixel's
 * light falls off linearly with its distance from the hand's segment, so every angle is drawn
 * where it truly points (3:00 lights exactly the pixels right of the centre).
 */
function drawAnalogFace(g: Graphics, f: FaceFrame): void {
  const cx = Math.min(10, Math.floor(g.width / 2));
  const cy = Math.floor(g.height / 2);
  const radius = Math.min(cy, cx, 7);
  const main = mainColor(f);
  const accent = accentColor(f);
  for (let mark = 0; mark < 12; mark++) {
    const angle = (mark * Math.PI) / 6;
    const x = Math.round(cx + radius * Math.sin(angle));
    const y = Math.round(cy - radius * Math.cos(angle));
    g.set(x, y, mark % 3 === 0 ? dim(main, 0.6) : dim(main, 0.2));
  }
  const t = f.time;
  const seconds = secondsIn(t);
  const minutes = t.minute + seconds / 60;
  const hours = (t.hour % 12) + minutes / 60;
  drawHand(g, cx, cy, (seconds / 60) * 2 * Math.PI, radius - 1, dim(accent, 0.45));
  drawHand(g, cx, cy, (hours / 12) * 2 * Math.PI, radius - 3, main);
  drawHand(g, cx, cy, (minutes / 60) * 2 * Math.PI, radius - 1, accent);
  g.set(cx, cy, main);
}

/** A hand from (cx, cy) at `angle` (radians clockwise from 12) and `length` pixels. */
export function drawHand(
  g: Graphics,
  cx: number,
  cy: number,
  angle: number,
  length: number,
  color: Color,
): void {
  const dx = Math.sin(angle);
  const dy = -Math.cos(angle);
  const x0 = Math.floor(cx - length - 1);
  const x1 = Math.ceil(cx + length + 1);
  const y0 = Math.floor(cy - length - 1);
  const y1 = Math.ceil(cy + length + 1);
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      // distance from (x, y) to the segment centre → centre + length·(dx, dy)
      const px = x - cx;
      const py = y - cy;
      const along = Math.min(length, Math.max(0, px * dx + py * dy));
      const ex = px - along * dx;
      const ey = py - along * dy;
      const light = 1 - Math.sqrt(ex * ex + ey * ey);
      if (light <= 0) continue;
      g.set(x, y, light >= 1 ? color : blendLinear(g.get(x, y), color, light));
    }
  }
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function centre(g: Graphics, text: string): number {
  return Math.floor((g.width - g.textWidth(text)) / 2);
}
