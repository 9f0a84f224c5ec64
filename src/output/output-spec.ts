import { parseLayoutSpec } from './layout.ts';
import { parseWireOrder, type WireOrder } from './pixel-format.ts';
import { WHITE_MODES, type WhiteMode } from './white.ts';

/**
 * One `--output` value: `KIND[:TARGET][?KEY=VALUE&KEY=VALUE…]`, e.g.
 * `ddp:10.0.0.21?region=20x15+20+0&layout=rows/serpentine/top-left&order=grb`.
 * The parameters give one output its own part of the canvas and its own wire format:
 *
 * - `region=WxH+X+Y`: the W×H pixels whose top-left is (X, Y); this output's LED count is
 *   W·H, wired by its own `layout` (default: the table's --layout).
 * - `leds=FIRST-LAST`: LEDs FIRST..LAST (inclusive) of the table's strip, in strip order.
 * - `layout=TOKENS`: a --layout spec with `/` for its commas (e.g. `rows/serpentine/top-left`);
 *   only with `region`.
 * - `order=ORDER`: this output's colour order (3 letters, or 4 with w for RGBW strips).
 * - `white=none|min|accurate`: this output's white extraction (4-letter orders only).
 *
 * Commas separate outputs in one --output value, so no parameter uses them.
 */
export interface OutputSpec {
  readonly text: string;
  readonly kind: string;
  /** The text after "kind:" and before "?" ('' for bare words). */
  readonly target: string;
  readonly region?: Region;
  readonly leds?: { readonly first: number; readonly last: number };
  /** A --layout spec (commas restored). */
  readonly layout?: string;
  readonly order?: WireOrder;
  readonly white?: WhiteMode;
}

export interface Region {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

const KEYS = ['region', 'leds', 'layout', 'order', 'white'];

/** Parses one --output value; throws one line naming the value, the parameter and an example. */
export function parseOutputSpec(text: string): OutputSpec {
  const question = text.indexOf('?');
  const head = question < 0 ? text : text.slice(0, question);
  const colon = head.indexOf(':');
  const kind = colon < 0 ? head : head.slice(0, colon);
  const target = colon < 0 ? '' : head.slice(colon + 1);
  const spec: {
    -readonly [K in keyof OutputSpec]: OutputSpec[K];
  } = { text, kind, target };
  if (question < 0) return spec;
  const fail = (why: string) => {
    throw new Error(`--output ${text}: ${why}`);
  };
  for (const pair of text.slice(question + 1).split('&')) {
    const eq = pair.indexOf('=');
    const key = eq < 0 ? pair : pair.slice(0, eq);
    const value = eq < 0 ? '' : pair.slice(eq + 1);
    if (!KEYS.includes(key))
      fail(`unknown parameter "${key}"; parameters: ${KEYS.join(', ')} (e.g. ?region=20x15+0+0)`);
    if (value === '') fail(`parameter ${key} needs a value, e.g. ${key}=${example(key)}`);
    if (key in spec) fail(`parameter ${key} given twice`);
    if (key === 'region') {
      const m = /^(\d+)x(\d+)\+(\d+)\+(\d+)$/.exec(value);
      if (!m || Number(m[1]) < 1 || Number(m[2]) < 1)
        fail(`region must be WxH+X+Y with W, H ≥ 1, e.g. region=20x15+20+0, got "${value}"`);
      spec.region = { width: Number(m![1]), height: Number(m![2]), x: Number(m![3]), y: Number(m![4]) };
    } else if (key === 'leds') {
      const m = /^(\d+)-(\d+)$/.exec(value);
      if (!m || Number(m[2]) < Number(m[1]))
        fail(`leds must be FIRST-LAST with FIRST ≤ LAST, e.g. leds=0-149, got "${value}"`);
      spec.leds = { first: Number(m![1]), last: Number(m![2]) };
    } else if (key === 'layout') {
      const layout = value.replaceAll('/', ',');
      try {
        parseLayoutSpec(layout);
      } catch (error) {
        fail(`layout: ${(error as Error).message} (separate tokens with /)`);
      }
      spec.layout = layout;
    } else if (key === 'order') {
      try {
        spec.order = parseWireOrder(value);
      } catch (error) {
        fail((error as Error).message);
      }
    } else if (key === 'white') {
      if (!(WHITE_MODES as readonly string[]).includes(value))
        fail(`white must be one of ${WHITE_MODES.join(', ')}, got "${value}"`);
      spec.white = value as WhiteMode;
    }
  }
  if (spec.region && spec.leds) fail('give region or leds, not both');
  if (spec.layout && !spec.region) fail('layout applies to a region: add region=WxH+X+Y');
  return spec;
}

function example(key: string): string {
  return {
    region: '20x15+0+0',
    leds: '0-149',
    layout: 'rows/serpentine/top-left',
    order: 'grb',
    white: 'min',
  }[key]!;
}
