import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Harness } from '../../src/testing/index.ts';
import testpattern from './index.ts';

test('colour bars: eight bars from white to black across the table', async () => {
  const t = await Harness.start(testpattern);
  await t.step(1);
  assert.is(t.pixel(0, 0), 0xffffff);
  assert.is(t.pixel(19, 14), 0x000000);
  assert.is(t.pixel(8, 0), 0x00ff00);
});

test('wiring: the LEDs light in strip order (column zigzag), LED 0 stays green', async () => {
  const t = await Harness.start(testpattern);
  t.tap('right'); // bars → wiring
  await t.step(1);
  // 20 LEDs per second at 60 Hz: LED n is the brightest after 3n ticks.
  await t.step(3 * 16);
  // LED 16 is in column 1 (odd, runs bottom-up): y = 14 − (16 − 15) = 13.
  assert.is(t.pixel(1, 13), 0xffffff);
  assert.is(t.pixel(0, 0), 0x00ff00);
  assert.is(t.pixel(0, 14), 0xbfbfbf, 'LED 14, two behind, is dimmer: part of the fading tail');
});

test('full white, then red, green and blue one second each', async () => {
  const t = await Harness.start(testpattern);
  t.tap('right');
  await t.step(2);
  t.tap('right');
  await t.step(2);
  assert.is(t.pixel(0, 0), 0xffffff);
  t.tap('right');
  await t.step(2);
  assert.is(t.pixel(0, 0), 0xff0000);
  await t.step(60);
  assert.is(t.pixel(0, 0), 0x00ff00);
});

test('a mode name that must scroll stays up for one whole pass', async () => {
  const t = await Harness.start(testpattern);
  t.tap('right');
  await t.step(2);
  t.tap('right'); // WHITE: 21 px, one pixel too wide, scrolls
  await t.step(100); // past 1.5 s
  assert.is(t.pixel(0, 4), 0x000000, 'the name band is still there');
  await t.step(20);
  assert.is(t.pixel(0, 4), 0xffffff, 'then the pattern alone');
});

test.run();
