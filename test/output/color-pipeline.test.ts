import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ColorPipeline, estimateMilliamps } from '../../src/output/color-pipeline.ts';

const sum = (a: Uint8Array) => a.reduce((n, v) => n + v, 0);

/** A strip of 1..400 LEDs with any content, and limiter settings that leave room above idle. */
const caseArb = fc
  .record({
    leds: fc.integer({ min: 1, max: 400 }),
    channel: fc.double({ min: 0.5, max: 60, noNaN: true }),
    idle: fc.double({ min: 0, max: 3, noNaN: true }),
    // At least 1 mA above idle: a budget of 0 means "no limit" to the pipeline.
    headroom: fc.double({ min: 1, max: 30000, noNaN: true }),
    brightness: fc.integer({ min: 0, max: 100 }),
    gamma: fc.constantFrom(1, 1.8, 2.2, 2.8),
    fill: fc.oneof(fc.constant('random'), fc.constant('white'), fc.constant('dark')),
    seed: fc.integer(),
  })
  .map((c) => {
    const strip = new Uint8Array(c.leds * 3);
    let s = c.seed >>> 0;
    for (let i = 0; i < strip.length; i++) {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      strip[i] = c.fill === 'white' ? 255 : c.fill === 'dark' ? s >>> 29 : s >>> 24;
    }
    return { ...c, strip, budget: c.leds * c.idle + c.headroom };
  });

test('property: no frame exceeds the budget after limiting', () => {
  fc.assert(
    fc.property(caseArb, (c) => {
      const p = new ColorPipeline({
        brightness: c.brightness,
        gamma: c.gamma,
        budgetMilliamps: c.budget,
        channelMilliamps: c.channel,
        idleMilliamps: c.idle,
      });
      const strip = c.strip.slice();
      p.apply(strip);
      const estimate = estimateMilliamps(sum(strip), c.leds, c.channel, c.idle);
      assert.ok(estimate <= c.budget, `estimate ${estimate} mA > budget ${c.budget} mA`);
      assert.is(p.lastMilliamps, estimate);
    }),
    { numRuns: 400 },
  );
});

test('property: frames under the budget are untouched (brightness 100 %, gamma off)', () => {
  fc.assert(
    fc.property(caseArb, (c) => {
      const p = new ColorPipeline({
        brightness: 100,
        gamma: 1,
        budgetMilliamps: c.budget,
        channelMilliamps: c.channel,
        idleMilliamps: c.idle,
      });
      const strip = c.strip.slice();
      p.apply(strip);
      const wanted = estimateMilliamps(sum(c.strip), c.leds, c.channel, c.idle);
      if (wanted <= c.budget) {
        assert.equal(Array.from(strip), Array.from(c.strip));
        assert.is(p.lastLimit, 1);
      } else {
        assert.ok(p.lastLimit < 1);
        // Scaling keeps the order of values (a brighter channel never ends up darker).
        for (let i = 1; i < strip.length; i++) {
          if (c.strip[i]! > c.strip[i - 1]!) assert.ok(strip[i]! >= strip[i - 1]!);
        }
      }
    }),
    { numRuns: 400 },
  );
});

test('full white on 300 LEDs is limited to the default 8000 mA budget', () => {
  const p = new ColorPipeline({ brightness: 100 });
  const strip = new Uint8Array(900).fill(255);
  p.apply(strip);
  assert.is(p.lastWantedMilliamps, 300 * 60 + 300);
  assert.ok(p.lastMilliamps <= 8000 && p.lastMilliamps > 7900, `${p.lastMilliamps}`);
  assert.ok(strip[0]! < 255 && strip[0]! > 100);
});

test('budget 0 turns the limiter off', () => {
  const p = new ColorPipeline({ brightness: 100, budgetMilliamps: 0 });
  const strip = new Uint8Array(900).fill(255);
  p.apply(strip);
  assert.is(strip[0], 255);
  assert.is(p.lastMilliamps, 18300);
});

test('gamma 2.2 table, gamma off, brightness and setBrightness', () => {
  const p = new ColorPipeline({ brightness: 100, budgetMilliamps: 0 });
  const strip = Uint8Array.from([0, 128, 255]);
  p.apply(strip);
  assert.equal(Array.from(strip), [0, Math.round(255 * (128 / 255) ** 2.2), 255]);
  p.setGamma(1);
  p.setBrightness(50);
  const s2 = Uint8Array.from([0, 100, 255]);
  p.apply(s2);
  assert.equal(Array.from(s2), [0, 50, 128]);
  p.setBrightness(250);
  assert.is(p.brightness, 100);
  p.setBrightness(0);
  const s3 = Uint8Array.from([255, 255, 255]);
  p.apply(s3);
  assert.equal(Array.from(s3), [0, 0, 0]);
  assert.is(p.lastMilliamps, 1);
});

test('bad settings throw with the allowed range; checkBudget names the fix', () => {
  assert.throws(() => new ColorPipeline({ brightness: 100, gamma: 0.5 }), /gamma must be 1\.\.4/);
  assert.throws(() => new ColorPipeline({ brightness: 100, budgetMilliamps: -1 }), /≥ 0 mA/);
  const p = new ColorPipeline({ brightness: 100, budgetMilliamps: 200 });
  assert.throws(() => p.checkBudget(300), /raise --power-budget/);
  p.checkBudget(150);
});

test.run();
