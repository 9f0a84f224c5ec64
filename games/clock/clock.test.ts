import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Canvas, Graphics } from '../../src/index.ts';
import { frameToText, Harness } from '../../src/testing/index.ts';
import { DIGIT_ART, DIGIT_X } from './digits.ts';
import { COLORS } from './faces.ts';
import clock from './index.ts';

const WARM = COLORS[0]!;

/** Reads "HH MM" back from the large digits with their top at row y: '2359', ' 105' (blank = ' '). */
function readTime(t: Harness, y: number): string {
  let text = '';
  for (const x0 of DIGIT_X) {
    const rows: string[] = [];
    for (let dy = 0; dy < 7; dy++) {
      let row = '';
      for (let dx = 0; dx < 4; dx++) row += t.pixel(x0 + dx, y + dy) === WARM.main ? '#' : '.';
      rows.push(row);
    }
    const art = rows.join('/');
    const digit = DIGIT_ART.indexOf(art);
    text += digit >= 0 ? String(digit) : art === '..../..../..../..../..../..../....' ? ' ' : '?';
  }
  return text;
}

/** The date screen (B) as ASCII art; B again returns to the face. */
async function dateShown(t: Harness): Promise<string> {
  t.tap('b');
  await t.step(2);
  const frame = t.frame();
  t.tap('b');
  await t.step(2);
  return frame;
}

/** What the date screen must show: the weekday and the date, centred, in the 3×5 font. */
function dateScreen(weekday: string, date: string): string {
  const g = new Graphics(new Canvas(20, 15));
  g.text(weekday, Math.floor((20 - g.textWidth(weekday)) / 2), 2, 0xffffff);
  g.text(date, Math.floor((20 - g.textWidth(date)) / 2), 8, 0xffffff);
  return frameToText(g.canvas);
}

async function clockAt(utc: number, params: Record<string, string | number> = {}): Promise<Harness> {
  const t = await Harness.start(clock, { params: { tz: 'Europe/Berlin', ...params }, wallClock: utc });
  await t.step(1);
  return t;
}

test('bar face: large HH MM and a seconds bar that fills once a minute', async () => {
  const at = Date.UTC(2026, 5, 1, 8, 41, 30); // 10:41:30.000 CEST, held still
  const t = await Harness.start(clock, { params: { tz: 'Europe/Berlin' }, wallClock: () => at });
  await t.step(1);
  const track = 0x1f0f08; // the accent at 12 %
  assert.is(
    t.frame({ '#': WARM.main, o: WARM.accent, '-': track }),
    [
      '....................',
      '....................',
      '....................',
      '..#...##......#...#.',
      '.##..#..#....##..##.',
      '..#..#..#...#.#...#.',
      '..#..#..#..#..#...#.',
      '..#..#..#..####...#.',
      '..#..#..#.....#...#.',
      '.###..##......#..###',
      '....................',
      '....................',
      'oooooooooo----------',
      '....................',
      '....................',
    ].join('\n'),
  );
  assert.is(readTime(t, 3), '1041');
});

test('the wall clock advances with the ticks: 60 ticks at 60 Hz are one second', async () => {
  const t = await clockAt(Date.UTC(2026, 5, 1, 8, 41, 59));
  assert.is(readTime(t, 3), '1041');
  await t.step(60);
  assert.is(readTime(t, 3), '1042');
});

test('daylight saving starts: 01:59:59 CET is followed by 03:00:00 CEST', async () => {
  const t = await clockAt(Date.UTC(2026, 2, 29, 0, 59, 59));
  assert.is(readTime(t, 3), '0159');
  await t.step(60);
  assert.is(readTime(t, 3), '0300');
});

test('daylight saving ends: 02:59:59 CEST is followed by 02:00:00 CET', async () => {
  const t = await clockAt(Date.UTC(2026, 9, 25, 0, 59, 59));
  assert.is(readTime(t, 3), '0259');
  await t.step(60);
  assert.is(readTime(t, 3), '0200');
});

test('a time zone from the config: the same instant in New York and Tokyo', async () => {
  const instant = Date.UTC(2026, 0, 15, 12, 0, 0);
  assert.is(readTime(await clockAt(instant, { tz: 'America/New_York' }), 3), '0700');
  assert.is(readTime(await clockAt(instant, { tz: 'Asia/Tokyo' }), 3), '2100');
  assert.is(readTime(await clockAt(instant, { tz: 'UTC' }), 3), '1200');
});

test('midnight on new year: 23:59 Thursday 31.12 becomes 00:00 Friday 01.01', async () => {
  const t = await clockAt(Date.UTC(2026, 11, 31, 22, 59, 59));
  assert.is(readTime(t, 3), '2359');
  assert.is(await dateShown(t), dateScreen('THU', '31.12'));
  await t.step(60 - 4); // dateShown stepped 4 ticks
  assert.is(readTime(t, 3), '0000');
  assert.is(await dateShown(t), dateScreen('FRI', '01.01'));
});

test('leap day: 28.02 is followed by 29.02 in 2028 and by 01.03 in 2027', async () => {
  const leap = await clockAt(Date.UTC(2028, 1, 28, 22, 59, 59));
  assert.is(await dateShown(leap), dateScreen('MON', '28.02'));
  await leap.step(60);
  assert.is(await dateShown(leap), dateScreen('TUE', '29.02'));
  const leapNight = await clockAt(Date.UTC(2028, 1, 29, 22, 59, 59));
  assert.is(await dateShown(leapNight), dateScreen('TUE', '29.02'));
  await leapNight.step(60);
  assert.is(await dateShown(leapNight), dateScreen('WED', '01.03'));
  const common = await clockAt(Date.UTC(2027, 1, 28, 22, 59, 59));
  assert.is(await dateShown(common), dateScreen('SUN', '28.02'));
  await common.step(60);
  assert.is(await dateShown(common), dateScreen('MON', '01.03'));
});

test('month-first dates on request: 12/31', async () => {
  const t = await clockAt(Date.UTC(2026, 11, 31, 12, 0, 0), { date: 'mdy' });
  assert.is(await dateShown(t), dateScreen('THU', '12/31'));
});

test('12-hour clock: 13:05 shows " 1 05" with the afternoon dot; A switches back to 24 hours', async () => {
  const t = await clockAt(Date.UTC(2026, 5, 1, 11, 5, 0), { hours: 12 });
  assert.is(readTime(t, 3), ' 105');
  assert.is(t.pixel(0, 0), WARM.accent);
  t.tap('a');
  await t.step(2);
  assert.is(readTime(t, 3), '1305');
  assert.is(t.pixel(0, 0), 0);
});

test('analog face: the hands point where the time says', async () => {
  const legend = { o: WARM.main, m: WARM.accent };
  const t = await clockAt(Date.UTC(2026, 5, 1, 13, 0, 0)); // 15:00:00 CEST
  t.tap('left'); // bar → analog
  await t.step(2);
  const rows = t.frame(legend).split('\n');
  // 15:00: hour hand from the centre (10, 7) to the right, minute hand straight up.
  assert.is(rows[7]!.slice(10, 16), 'ooooo.', 'centre and four pixels of hour hand');
  for (let y = 1; y < 7; y++) assert.is(rows[y]![10], 'm', `minute hand at row ${y}`);
  assert.is(rows[7]!.slice(4, 10), '......', 'nothing between the 9 o’clock mark and the centre');
  const six = await clockAt(Date.UTC(2026, 5, 1, 16, 30, 30)); // 18:30:30: all hands down
  six.tap('left');
  await six.step(2);
  const down = six.frame(legend).split('\n');
  for (let y = 8; y < 14; y++) assert.ok(down[y]![10] !== '.', `a hand at (10, ${y})`);
  for (let y = 1; y < 7; y++) assert.is(down[y]![10], '.', `nothing above the centre at row ${y}`);
});

test('faces, colours and 12/24 h are remembered for the next start', async () => {
  const t = await clockAt(Date.UTC(2026, 5, 1, 8, 41, 30));
  t.tap('right');
  await t.step(2);
  t.tap('up');
  await t.step(2);
  const seen = t.frame();
  const store = t.engine;
  assert.ok(store);
  const again = await Harness.start(clock, {
    params: { tz: 'Europe/Berlin' },
    wallClock: Date.UTC(2026, 5, 1, 8, 41, 30),
  });
  // a fresh engine has a fresh store: the default face again
  await again.step(1);
  assert.is.not(again.frame(), seen);
});

test('an unknown time zone fails with a message naming tz and the fix', async () => {
  const t = await Harness.start(clock, { params: { tz: 'Mars/Olympus' } });
  assert.ok(t.crash?.includes('tz "Mars/Olympus" is not a time zone'), t.crash);
  assert.ok(t.crash?.includes('Europe/Berlin'));
});

test.run();
