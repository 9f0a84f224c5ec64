import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  compileLayout,
  DEFAULT_LAYOUT,
  formatLayoutSpec,
  type LayoutOptions,
  layoutFromSpec,
  loadLayoutMap,
  parseLayoutSpec,
} from '../../src/output/layout.ts';

const optionsArb: fc.Arbitrary<LayoutOptions> = fc.record({
  order: fc.constantFrom('columns' as const, 'rows' as const),
  serpentine: fc.boolean(),
  start: fc.constantFrom(
    'top-left' as const,
    'top-right' as const,
    'bottom-left' as const,
    'bottom-right' as const,
  ),
  rotate: fc.constantFrom(0 as const, 90 as const, 180 as const, 270 as const),
  mirror: fc.constantFrom('none' as const, 'x' as const, 'y' as const),
});

/** LED index → [x, y] for readable assertions. */
function positions(width: number, height: number, options: LayoutOptions): [number, number][] {
  const layout = compileLayout(width, height, options);
  const out: [number, number][] = [];
  layout.ledOf.forEach((led, p) => {
    out[led] = [p % width, Math.floor(p / width)];
  });
  return out;
}

test('default 20×15: x·15 + y on even columns, x·15 + (14 − y) on odd ones', () => {
  const layout = compileLayout(20, 15, DEFAULT_LAYOUT);
  assert.is(layout.ledCount, 300);
  for (let y = 0; y < 15; y++) {
    for (let x = 0; x < 20; x++) {
      const expected = x % 2 === 0 ? x * 15 + y : x * 15 + (14 - y);
      assert.is(layout.ledOf[y * 20 + x], expected, `pixel ${x},${y}`);
    }
  }
  // A few fixed points, spelled out.
  assert.is(layout.ledOf[0], 0); // top-left
  assert.is(layout.ledOf[14 * 20], 14); // bottom-left ends column 0
  assert.is(layout.ledOf[14 * 20 + 1], 15); // column 1 starts at the bottom
  assert.is(layout.ledOf[1], 29); // … and ends at the top
  assert.is(layout.ledOf[19], 299); // column 19 is odd: it ends at the top-right
});

test('property: every LED index is hit exactly once, for every option and size 1..32 × 1..32', () => {
  fc.assert(
    fc.property(
      optionsArb,
      fc.integer({ min: 1, max: 32 }),
      fc.integer({ min: 1, max: 32 }),
      (options, w, h) => {
        const layout = compileLayout(w, h, options);
        if (layout.ledCount !== w * h || layout.ledOf.length !== w * h) return false;
        const seen = new Uint8Array(w * h);
        for (const led of layout.ledOf) {
          if (led < 0 || led >= w * h || seen[led]) return false;
          seen[led] = 1;
        }
        return true;
      },
    ),
    { numRuns: 2000 },
  );
});

test('every combination of options is a bijection at 20×15 and 1×1 (exhaustive)', () => {
  for (const order of ['columns', 'rows'] as const)
    for (const serpentine of [false, true])
      for (const start of ['top-left', 'top-right', 'bottom-left', 'bottom-right'] as const)
        for (const rotate of [0, 90, 180, 270] as const)
          for (const mirror of ['none', 'x', 'y'] as const)
            for (const [w, h] of [
              [20, 15],
              [1, 1],
              [1, 7],
            ] as const) {
              const ledOf = compileLayout(w, h, { order, serpentine, start, rotate, mirror }).ledOf;
              assert.is(new Set(ledOf).size, w * h);
              assert.ok(ledOf.every((l) => l >= 0 && l < w * h));
            }
});

test('property: consecutive LEDs are neighbours on the canvas in serpentine layouts', () => {
  fc.assert(
    fc.property(
      optionsArb,
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 1, max: 12 }),
      (options, w, h) => {
        const pos = positions(w, h, { ...options, serpentine: true });
        for (let i = 1; i < pos.length; i++) {
          const [ax, ay] = pos[i - 1]!;
          const [bx, by] = pos[i]!;
          if (Math.abs(ax - bx) + Math.abs(ay - by) !== 1) return false;
        }
        return true;
      },
    ),
  );
});

test('start corners and progressive rows', () => {
  const opt = (o: Partial<LayoutOptions>): LayoutOptions => ({ ...DEFAULT_LAYOUT, ...o });
  // 3×2, rows, progressive from the bottom-right: LED 0 at (2,1), 1 at (1,1), 2 at (0,1), 3 at (2,0).
  assert.equal(positions(3, 2, opt({ order: 'rows', serpentine: false, start: 'bottom-right' })), [
    [2, 1],
    [1, 1],
    [0, 1],
    [2, 0],
    [1, 0],
    [0, 0],
  ]);
  // Rows, serpentine from the top-right.
  assert.equal(positions(3, 2, opt({ order: 'rows', start: 'top-right' })), [
    [2, 0],
    [1, 0],
    [0, 0],
    [0, 1],
    [1, 1],
    [2, 1],
  ]);
  // Columns, progressive from the bottom-left: each column runs upwards.
  assert.equal(positions(2, 3, opt({ serpentine: false, start: 'bottom-left' })), [
    [0, 2],
    [0, 1],
    [0, 0],
    [1, 2],
    [1, 1],
    [1, 0],
  ]);
});

test('rotate turns the strip grid clockwise; mirror flips the result on the canvas', () => {
  const base: LayoutOptions = {
    order: 'rows',
    serpentine: false,
    start: 'top-left',
    rotate: 0,
    mirror: 'none',
  };
  // Strip grid 2 wide × 3 tall, turned 90° clockwise onto a 3×2 canvas: LED 0 at the top-right,
  // the first strip row (LEDs 0, 1) runs down the rightmost column.
  assert.equal(positions(3, 2, { ...base, rotate: 90 }), [
    [2, 0],
    [2, 1],
    [1, 0],
    [1, 1],
    [0, 0],
    [0, 1],
  ]);
  // 180°: LED 0 at the bottom-right, running left.
  assert.equal(positions(3, 2, { ...base, rotate: 180 }).slice(0, 3), [
    [2, 1],
    [1, 1],
    [0, 1],
  ]);
  // 270°: LED 0 at the bottom-left, running up.
  assert.equal(positions(3, 2, { ...base, rotate: 270 }).slice(0, 2), [
    [0, 1],
    [0, 0],
  ]);
  // The documented example on the real table.
  const t = positions(20, 15, { ...base, rotate: 90 });
  assert.equal(t[0], [19, 0]);
  assert.equal(t[14], [19, 14]);
  assert.equal(t[15], [18, 0]);
  // mirror=x of the default: LED 0 at the top-right, LED 15 at (18, 14).
  const m = positions(20, 15, { ...DEFAULT_LAYOUT, mirror: 'x' });
  assert.equal(m[0], [19, 0]);
  assert.equal(m[15], [18, 14]);
  const my = positions(20, 15, { ...DEFAULT_LAYOUT, mirror: 'y' });
  assert.equal(my[0], [0, 14]);
  // Mirror after rotation: rotate=90 then mirror=x moves LED 0 from the top-right to the top-left.
  assert.equal(positions(3, 2, { ...base, rotate: 90, mirror: 'x' })[0], [0, 0]);
});

test('parseLayoutSpec reads the compact forms', () => {
  assert.equal(parseLayoutSpec('columns,serpentine,top-left'), DEFAULT_LAYOUT);
  assert.equal(parseLayoutSpec('rows,progressive,bottom-right,rotate=90,mirror=x'), {
    order: 'rows',
    serpentine: false,
    start: 'bottom-right',
    rotate: 90,
    mirror: 'x',
  });
  assert.equal(parseLayoutSpec(' Rows , rotate=270 '), { ...DEFAULT_LAYOUT, order: 'rows', rotate: 270 });
  assert.equal(parseLayoutSpec('map:path/to/map.json'), { mapFile: 'path/to/map.json' });
  const all = parseLayoutSpec('rows,progressive,top-right,rotate=180,mirror=y') as LayoutOptions;
  assert.equal(parseLayoutSpec(formatLayoutSpec(all)), all);
});

test('parseLayoutSpec errors name the bad token and list what is allowed', () => {
  const cases: [string, RegExp][] = [
    [
      'columns,wiggly',
      /"wiggly".*columns\|rows.*serpentine.*\|progressive.*top-left.*rotate=0\|90\|180\|270.*mirror=none\|x\|y.*map:/,
    ],
    ['rotate=45', /"rotate=45".*0, 90, 180 or 270/],
    ['rotate=', /"rotate=".*0, 90, 180 or 270/],
    ['mirror=z', /"mirror=z".*none, x or y/],
    ['rows,columns', /"columns" conflicts with "rows"/],
    ['', /empty/],
    ['map:', /map: needs a file path/],
    ['columns,,top-left', /unknown token ""/],
  ];
  for (const [spec, pattern] of cases) {
    assert.throws(() => parseLayoutSpec(spec), pattern, spec);
  }
});

const dir = mkdtempSync(join(tmpdir(), 'ledtable-layout-'));
function mapFile(name: string, content: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

test('loadLayoutMap reads a map with gaps and -1 pixels', () => {
  const file = mapFile('ok.json', [
    [0, 1, 2],
    [5, -1, 3],
  ]);
  const layout = loadLayoutMap(file, 3, 2);
  assert.is(layout.ledCount, 6);
  assert.equal(Array.from(layout.ledOf), [0, 1, 2, 5, -1, 3]);
  assert.equal(Array.from(layoutFromSpec(`map:${file}`, 3, 2).ledOf), Array.from(layout.ledOf));
});

test('loadLayoutMap explains what is wrong', () => {
  const cases: [unknown, RegExp][] = [
    [{ rows: [] }, /must be a JSON array of 2 rows, each an array of 3 LED indices/],
    [[[0, 1, 2]], /has 1 rows but the canvas is 3×2/],
    [
      [
        [0, 1],
        [2, 3, 4],
      ],
      /row 0 must be an array of 3 LED indices, got 2 entries/,
    ],
    [
      [
        [0, 1, 2],
        [3, 1, 4],
      ],
      /LED 1 is used twice \(at x=1, y=0 and at x=1, y=1\)/,
    ],
    [
      [
        [0, 1.5, 2],
        [3, 4, 5],
      ],
      /entry at x=1, y=0 is 1\.5.*integer/,
    ],
    [
      [
        [0, '1', 2],
        [3, 4, 5],
      ],
      /entry at x=1, y=0 is "1"/,
    ],
    [
      [
        [0, -2, 2],
        [3, 4, 5],
      ],
      /entry at x=1, y=0 is -2/,
    ],
    [
      [
        [-1, -1, -1],
        [-1, -1, -1],
      ],
      /maps no pixel/,
    ],
    ['{not json', /is not valid JSON/],
  ];
  cases.forEach(([content, pattern], i) => {
    const file = mapFile(`bad${i}.json`, content);
    assert.throws(
      () => loadLayoutMap(file, 3, 2),
      (e: Error) => pattern.test(e.message) && e.message.includes(file),
    );
  });
  assert.throws(() => loadLayoutMap(join(dir, 'missing.json'), 3, 2), /could not be read.*check the path/);
});

test('compileLayout rejects bad sizes and options', () => {
  assert.throws(() => compileLayout(0, 15, DEFAULT_LAYOUT), /positive integers/);
  assert.throws(
    () => compileLayout(20, 15, { ...DEFAULT_LAYOUT, rotate: 45 as 90 }),
    /rotate must be one of 0, 90, 180, 270/,
  );
});

test('zigzag is another word for serpentine', () => {
  assert.equal(parseLayoutSpec('columns,zigzag,top-left'), parseLayoutSpec('columns,serpentine,top-left'));
});

test.run();
