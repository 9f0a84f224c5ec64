import { jsonSyntaxError } from '../config/json-syntax.ts';
import { readLimitedText } from '../config/read-limited.ts';

/** An LED map file larger than this is refused (a 256×256 map of 5-digit indices is about 400 kB). */
const MAX_MAP_BYTES = 4 * 1024 * 1024;

/**
 * How the LED strip is wired under the canvas.
 *
 * The strip is described on its own grid, the *strip grid*: `order`, `serpentine` and `start`
 * say how LED 0, 1, 2 … walk over it. That grid is then placed on the canvas:
 *
 * 1. `rotate` (degrees, clockwise): the strip grid is turned clockwise by this angle to lie on
 *    the canvas. For 90 and 270 the strip grid is height × width (a 20×15 canvas with
 *    rotate=90 is covered by a 15-wide, 20-tall strip grid), so every pixel still has an LED.
 *    Example: `rows,progressive,top-left,rotate=90` puts LED 0 at the canvas's top-right
 *    corner, and LEDs 0..14 run down the rightmost column.
 * 2. `mirror` then flips the result on the canvas: 'x' swaps left and right (x → width−1−x),
 *    'y' swaps top and bottom (y → height−1−y).
 *
 * On the strip grid (sw × sh cells, LED 0 at `start`): with `order: 'columns'` the strip runs
 * down (or up) one column, then moves to the next column away from the start corner; with
 * `'rows'` it runs along a row. `serpentine` reverses every second column/row (a zigzag);
 * otherwise every column/row runs in the same direction (progressive).
 */
export interface LayoutOptions {
  order: 'columns' | 'rows';
  serpentine: boolean;
  start: 'top-left' | 'top-right' | 'bottom-left' | 'bottom-right';
  rotate: 0 | 90 | 180 | 270;
  mirror: 'none' | 'x' | 'y';
}

/** A compiled wiring: one lookup, made once, read per frame. */
export interface Layout {
  /** Canvas size in pixels. */
  readonly width: number;
  readonly height: number;
  /** Number of LEDs on the strip (a frame in strip order is 3 × ledCount bytes). */
  readonly ledCount: number;
  /** pixel index y*width+x → LED index, or -1 for a pixel with no LED */
  readonly ledOf: Int32Array;
  /** LED index → pixel index y*width+x, or -1 for an LED no pixel drives (the inverse of ledOf). */
  readonly pixelOfLed: Int32Array;
}

/** Completes a layout with its inverse, so both directions are compiled once. */
export function layoutOf(width: number, height: number, ledCount: number, ledOf: Int32Array): Layout {
  const pixelOfLed = new Int32Array(ledCount).fill(-1);
  ledOf.forEach((led, pixel) => {
    if (led >= 0) pixelOfLed[led] = pixel;
  });
  return { width, height, ledCount, ledOf, pixelOfLed };
}

/**
 * The 20×15 table: the strip runs in columns from the top-left, zigzagging, so
 * LED index = x·15 + y on even columns and x·15 + (14 − y) on odd columns.
 */
export const DEFAULT_LAYOUT: LayoutOptions = Object.freeze({
  order: 'columns',
  serpentine: true,
  start: 'top-left',
  rotate: 0,
  mirror: 'none',
});

const ORDERS = ['columns', 'rows'] as const;
const STARTS = ['top-left', 'top-right', 'bottom-left', 'bottom-right'] as const;
const ROTATIONS = [0, 90, 180, 270] as const;
const MIRRORS = ['none', 'x', 'y'] as const;

/** Compiles wiring options into a Layout for a width × height canvas (every pixel gets an LED). */
export function compileLayout(width: number, height: number, options: LayoutOptions): Layout {
  checkSize(width, height);
  const { order, serpentine, start, rotate, mirror } = options;
  if (!ORDERS.includes(order))
    throw new Error(`layout order must be one of ${ORDERS.join(', ')}, got ${order}`);
  if (!STARTS.includes(start))
    throw new Error(`layout start must be one of ${STARTS.join(', ')}, got ${start}`);
  if (!ROTATIONS.includes(rotate)) {
    throw new Error(`layout rotate must be one of ${ROTATIONS.join(', ')} (degrees), got ${rotate}`);
  }
  if (!MIRRORS.includes(mirror))
    throw new Error(`layout mirror must be one of ${MIRRORS.join(', ')}, got ${mirror}`);

  const turned = rotate === 90 || rotate === 270;
  const sw = turned ? height : width; // strip grid size
  const sh = turned ? width : height;
  const fromRight = start === 'top-right' || start === 'bottom-right';
  const fromBottom = start === 'bottom-left' || start === 'bottom-right';
  const ledOf = new Int32Array(width * height);

  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      // Undo the mirror (its own inverse), then undo the clockwise turn: canvas → strip grid.
      const mx = mirror === 'x' ? width - 1 - x : x;
      const my = mirror === 'y' ? height - 1 - y : y;
      let u: number;
      let v: number;
      if (rotate === 0) {
        u = mx;
        v = my;
      } else if (rotate === 90) {
        u = my;
        v = width - 1 - mx;
      } else if (rotate === 180) {
        u = width - 1 - mx;
        v = height - 1 - my;
      } else {
        u = height - 1 - my;
        v = mx;
      }
      // Normalise to a top-left start.
      if (fromRight) u = sw - 1 - u;
      if (fromBottom) v = sh - 1 - v;
      let led: number;
      if (order === 'columns') {
        led = u * sh + (serpentine && u % 2 === 1 ? sh - 1 - v : v);
      } else {
        led = v * sw + (serpentine && v % 2 === 1 ? sw - 1 - u : u);
      }
      ledOf[y * width + x] = led;
    }
  }
  return layoutOf(width, height, width * height, ledOf);
}

const SPEC_HELP =
  'a layout spec is comma-separated tokens: columns|rows, serpentine (or zigzag)|progressive, ' +
  'top-left|top-right|bottom-left|bottom-right, rotate=0|90|180|270, mirror=none|x|y ' +
  `(omitted ones default to ${formatLayoutSpec(DEFAULT_LAYOUT)}), or map:FILE.json`;

/**
 * Parses `columns,serpentine,top-left`, `rows,progressive,bottom-right,rotate=90,mirror=x` or
 * `map:path/to/map.json`. Tokens may come in any order; omitted ones take DEFAULT_LAYOUT's value.
 * Throws an Error naming the bad token and listing what is allowed.
 */
export function parseLayoutSpec(spec: string): LayoutOptions | { mapFile: string } {
  const trimmed = spec.trim();
  if (trimmed.startsWith('map:')) {
    const mapFile = trimmed.slice(4).trim();
    if (mapFile === '')
      throw new Error(`layout spec "${spec}": map: needs a file path, e.g. map:wiring.json`);
    return { mapFile };
  }
  if (trimmed === '') throw new Error(`layout spec is empty: ${SPEC_HELP}`);
  const out: LayoutOptions = { ...DEFAULT_LAYOUT };
  const seen = new Map<string, string>();
  const once = (kind: string, token: string) => {
    const before = seen.get(kind);
    if (before !== undefined) {
      throw new Error(`layout spec "${spec}": "${token}" conflicts with "${before}" (both set the ${kind})`);
    }
    seen.set(kind, token);
  };
  for (const raw of trimmed.split(',')) {
    const token = raw.trim().toLowerCase();
    if (token === 'columns' || token === 'rows') {
      once('order', token);
      out.order = token;
    } else if (token === 'serpentine' || token === 'zigzag' || token === 'progressive') {
      once('direction', token);
      out.serpentine = token !== 'progressive';
    } else if ((STARTS as readonly string[]).includes(token)) {
      once('start corner', token);
      out.start = token as LayoutOptions['start'];
    } else if (token.startsWith('rotate=')) {
      const value = Number(token.slice(7));
      if (!(ROTATIONS as readonly number[]).includes(value) || token.slice(7).trim() === '') {
        throw new Error(`layout spec "${spec}": bad token "${raw.trim()}": rotate must be 0, 90, 180 or 270`);
      }
      once('rotation', token);
      out.rotate = value as LayoutOptions['rotate'];
    } else if (token.startsWith('mirror=')) {
      const value = token.slice(7);
      if (!(MIRRORS as readonly string[]).includes(value)) {
        throw new Error(`layout spec "${spec}": bad token "${raw.trim()}": mirror must be none, x or y`);
      }
      once('mirror', token);
      out.mirror = value as LayoutOptions['mirror'];
    } else {
      throw new Error(`layout spec "${spec}": unknown token "${raw.trim()}"; ${SPEC_HELP}`);
    }
  }
  return out;
}

/** The canonical spec string for options (parseLayoutSpec(formatLayoutSpec(o)) equals o). */
export function formatLayoutSpec(o: LayoutOptions): string {
  return `${o.order},${o.serpentine ? 'serpentine' : 'progressive'},${o.start},rotate=${o.rotate},mirror=${o.mirror}`;
}

/**
 * Loads an explicit LED map: a JSON array of `height` rows, each an array of `width` integers,
 * the LED index of that pixel or -1 for a pixel with no LED. ledCount is the largest index + 1;
 * LED indices nobody uses (gaps, e.g. LEDs hidden at a fold) stay black. Errors name the file,
 * the position and the fix.
 */
export function loadLayoutMap(file: string, width: number, height: number): Layout {
  checkSize(width, height);
  let text: string;
  try {
    text = readLimitedText(file, MAX_MAP_BYTES);
  } catch (error) {
    throw new Error(`layout map ${file} could not be read (${(error as Error).message}); check the path`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`layout map ${file} is not valid JSON (${jsonSyntaxError(error, text)})`);
  }
  return layoutFromMap(data, width, height, `layout map ${file}`);
}

/** Validates a parsed map (see loadLayoutMap); `what` names the source in error messages. */
export function layoutFromMap(data: unknown, width: number, height: number, what = 'layout map'): Layout {
  const shape = `a JSON array of ${height} rows, each an array of ${width} LED indices (-1 for no LED)`;
  if (!Array.isArray(data)) throw new Error(`${what} must be ${shape}; got ${typeof data}`);
  if (data.length !== height) {
    throw new Error(
      `${what} has ${data.length} rows but the canvas is ${width}×${height}: it must be ${shape}`,
    );
  }
  const ledOf = new Int32Array(width * height);
  const where = new Map<number, string>();
  let max = -1;
  for (let y = 0; y < height; y++) {
    const row: unknown = data[y];
    if (!Array.isArray(row) || row.length !== width) {
      const got = Array.isArray(row) ? `${row.length} entries` : typeof row;
      throw new Error(`${what}: row ${y} must be an array of ${width} LED indices, got ${got}`);
    }
    for (let x = 0; x < width; x++) {
      const value: unknown = row[x];
      if (typeof value !== 'number' || !Number.isInteger(value) || value < -1) {
        throw new Error(
          `${what}: entry at x=${x}, y=${y} is ${JSON.stringify(value)}; ` +
            'each entry must be an integer LED index ≥ 0, or -1 for no LED',
        );
      }
      if (value >= 0) {
        const other = where.get(value);
        if (other !== undefined) {
          throw new Error(
            `${what}: LED ${value} is used twice (at ${other} and at x=${x}, y=${y}); each LED drives one pixel`,
          );
        }
        where.set(value, `x=${x}, y=${y}`);
        if (value > max) max = value;
      }
      ledOf[y * width + x] = value;
    }
  }
  if (max < 0) throw new Error(`${what} maps no pixel to an LED (every entry is -1)`);
  return layoutOf(width, height, max + 1, ledOf);
}

/** Resolves a spec string to a Layout: options are compiled, map:FILE is loaded. */
export function layoutFromSpec(spec: string, width: number, height: number): Layout {
  const parsed = parseLayoutSpec(spec);
  return 'mapFile' in parsed
    ? loadLayoutMap(parsed.mapFile, width, height)
    : compileLayout(width, height, parsed);
}

function checkSize(width: number, height: number): void {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new RangeError(`layout size must be positive integers, got ${width}×${height}`);
  }
}
