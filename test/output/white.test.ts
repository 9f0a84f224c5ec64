import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ColorPipeline } from '../../src/output/color-pipeline.ts';
import { PixelFormat, parseWireOrder, RGBW_ORDERS, WIRE_ORDERS } from '../../src/output/pixel-format.ts';
import { estimateRgbwMilliamps, WhiteExtractor } from '../../src/output/white.ts';

const byte = fc.integer({ min: 0, max: 255 });
const channel = fc.integer({ min: 1, max: 255 });
const whitePoint = fc.tuple(channel, channel, channel).map(([r, g, b]) => (r << 16) | (g << 8) | b);

test('property: remaining RGB + W × white point / 255 reproduces the colour within rounding (min and accurate)', () => {
  fc.assert(
    fc.property(
      fc.constantFrom('min', 'accurate' as const),
      whitePoint,
      byte,
      byte,
      byte,
      (mode, point, r, g, b) => {
        const white = new WhiteExtractor(mode, point);
        const [rr, rg, rb, w] = Array.from(white.extract(r, g, b)) as [number, number, number, number];
        const p = [(white.whitePoint >> 16) & 0xff, (white.whitePoint >> 8) & 0xff, white.whitePoint & 0xff];
        const back = [rr + (w * p[0]!) / 255, rg + (w * p[1]!) / 255, rb + (w * p[2]!) / 255];
        [r, g, b].forEach((v, c) => {
          assert.ok(Math.abs(back[c]! - v) <= 0.5 + 1e-9, `channel ${c}: ${v} became ${back[c]}`);
        });
        assert.ok([rr, rg, rb, w].every((v) => v >= 0 && v <= 255));
      },
    ),
  );
});

test('property: accurate W is the most the colour allows (one more would overshoot a channel)', () => {
  fc.assert(
    fc.property(whitePoint, byte, byte, byte, (point, r, g, b) => {
      const white = new WhiteExtractor('accurate', point);
      const w = white.extract(r, g, b)[3]!;
      if (w === 255) return;
      const p = [(point >> 16) & 0xff, (point >> 8) & 0xff, point & 0xff];
      assert.ok(
        [r, g, b].some((v, c) => ((w + 1) * p[c]!) / 255 > v),
        `W ${w} + 1 would still fit in ${r},${g},${b} for white ${point.toString(16)}`,
      );
    }),
  );
});

test('examples: none keeps RGB; min takes the grey; a warm white LED takes less blue', () => {
  assert.equal(Array.from(new WhiteExtractor('none').extract(200, 100, 50)), [200, 100, 50, 0]);
  assert.equal(Array.from(new WhiteExtractor('min').extract(200, 100, 50)), [150, 50, 0, 50]);
  assert.equal(Array.from(new WhiteExtractor('min').extract(255, 255, 255)), [0, 0, 0, 255]);
  // white LED ≈ ff c0 80: white 255,255,255 → W 255 lights 255,192,128; the LEDs add 0,63,127
  assert.equal(
    Array.from(new WhiteExtractor('accurate', 0xffc080).extract(255, 255, 255)),
    [0, 63, 127, 255],
  );
  assert.throws(() => new WhiteExtractor('accurate', 0xff0080), /no channel 00/);
  assert.throws(() => new WhiteExtractor('max' as 'min'), /none, min, accurate/);
});

test('property: every wire order puts each channel where its letter says', () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...WIRE_ORDERS),
      fc.constantFrom('none', 'min' as const),
      byte,
      byte,
      byte,
      (order, mode, r, g, b) => {
        const format = new PixelFormat(order, new WhiteExtractor(mode));
        const out = new Uint8Array(format.bytesPerLed + 2);
        format.write(Uint8Array.from([9, 9, 9, r, g, b]), 1, out, 1, 1);
        const m = order.length === 4 && mode === 'min' ? Math.min(r, g, b) : 0;
        const value = { r: r - m, g: g - m, b: b - m, w: m };
        assert.equal(
          Array.from(out.subarray(1, 1 + order.length)),
          [...order].map((c) => value[c as 'r']),
        );
        assert.is(out[0], 0);
        assert.is(out[out.length - 1], 0, 'nothing written past the LED');
      },
    ),
  );
  assert.is(RGBW_ORDERS.length, 24);
  assert.is(parseWireOrder('GRBW'), 'grbw');
  assert.throws(() => parseWireOrder('rggb'), /3 letters r, g, b .* or 4 with w/);
});

test('the RGBW power estimate: W at its own mA replaces the grey on R, G and B; the limiter keeps it within budget', () => {
  assert.is(estimateRgbwMilliamps(0, 255, 1, 20, 25, 1), 26);
  const pipeline = new ColorPipeline({
    brightness: 100,
    gamma: 1,
    budgetMilliamps: 0,
    white: { extractor: new WhiteExtractor('min'), whiteMilliamps: 20 },
  });
  const white = new Uint8Array(300 * 3).fill(255);
  pipeline.apply(white);
  assert.is(pipeline.lastMilliamps, 300 * 20 + 300, 'full white: one 20 mA white LED each, not 60 mA of RGB');
  fc.assert(
    fc.property(
      fc.uint8Array({ minLength: 30, maxLength: 30 }),
      fc.integer({ min: 11, max: 2000 }),
      fc.integer({ min: 5, max: 60 }),
      (frame, budget, whiteMa) => {
        const limited = new ColorPipeline({
          brightness: 100,
          gamma: 1,
          budgetMilliamps: budget,
          white: { extractor: new WhiteExtractor('min'), whiteMilliamps: whiteMa },
        });
        const strip = Uint8Array.from(frame);
        limited.apply(strip);
        assert.ok(limited.lastMilliamps <= budget + 1e-9, `${limited.lastMilliamps} mA over ${budget}`);
        assert.ok(Math.abs(limited.rgbwMilliamps(strip, 10) - limited.lastMilliamps) < 1e-9);
        assert.ok(
          strip.every((v, i) => v <= frame[i]!),
          'limiting only dims',
        );
      },
    ),
  );
});

test.run();
