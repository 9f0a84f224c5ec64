/** How the recording's LEDs lie on its own grid. */
/** How a recording's LEDs are laid out: as the table's strip, in rows, or in zigzag rows. */
export const SOURCE_ORDERS = ['strip', 'rows', 'snake'] as const;
export type SourceOrder = (typeof SOURCE_ORDERS)[number];
export type Fit = 'scale' | 'crop';

export interface Placement {
  /** Target pixel (y·width + x) → LED index in the recording, or -1 (stays black). */
  readonly sourceOf: Int32Array;
  /** Source grid, for the message. */
  readonly sourceWidth: number;
  readonly sourceHeight: number;
  /** A short text for the table when the sizes differ ('' when they match), e.g. "16X16 SCALED". */
  readonly short: string;
  /** A sentence for the log ('' when they match). */
  readonly message: string;
}

export interface PlacementInput {
  /** LEDs per frame in the recording. */
  readonly pixels: number;
  readonly width: number;
  readonly height: number;
  /** LEDs on the table and the pixel of each (the table's wiring). */
  readonly ledCount: number;
  readonly pixelOf: (led: number) => number;
  /** 'strip' needs pixels === ledCount; default: 'strip' when they match, else 'rows'. */
  readonly order?: SourceOrder | undefined;
  /** Source grid width for rows/snake; default: the table's width when it divides the count into at most `height` rows, else a near-square. */
  readonly sourceWidth?: number | undefined;
  readonly fit: Fit;
}

/**
 * Decides where each LED of a recording lands on the table. A recording with exactly as many
 * LEDs as the table is taken in strip order (as ledtable's recorder writes it and as Jinx!
 * patched for this table plays it) and mapped through the wiring. Any other size is read as a
 * grid (row by row, or zigzag rows for 'snake') and scaled (nearest neighbour, aspect kept,
 * centred) or cropped (centred) onto the table.
 */
export function placeRecording(input: PlacementInput): Placement {
  const { pixels, width, height, ledCount, pixelOf, fit } = input;
  const sourceOf = new Int32Array(width * height).fill(-1);
  const order = input.order ?? (pixels === ledCount ? 'strip' : 'rows');
  if (order === 'strip' && pixels === ledCount) {
    for (let led = 0; led < ledCount; led++) {
      const p = pixelOf(led);
      if (p >= 0) sourceOf[p] = led;
    }
    return { sourceOf, sourceWidth: width, sourceHeight: height, short: '', message: '' };
  }
  const sw =
    input.sourceWidth && input.sourceWidth > 0
      ? Math.floor(input.sourceWidth)
      : pixels % width === 0 && pixels / width <= height
        ? width
        : Math.max(1, Math.ceil(Math.sqrt(pixels)));
  const sh = Math.max(1, Math.ceil(pixels / sw));
  const ledAt = (sx: number, sy: number) => {
    const led = sy * sw + (order === 'snake' && sy % 2 === 1 ? sw - 1 - sx : sx);
    return led < pixels ? led : -1;
  };
  const same = sw === width && sh === height;
  const useScale = fit === 'scale' && !same;
  const scale = useScale ? Math.min(width / sw, height / sh) : 1;
  const dw = Math.round(sw * scale);
  const dh = Math.round(sh * scale);
  const ox = Math.floor((width - dw) / 2);
  const oy = Math.floor((height - dh) / 2);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const sx = useScale ? Math.floor(((x - ox) * sw) / dw) : x - ox;
      const sy = useScale ? Math.floor(((y - oy) * sh) / dh) : y - oy;
      if (sx < 0 || sy < 0 || sx >= sw || sy >= sh) continue;
      sourceOf[y * width + x] = ledAt(sx, sy);
    }
  }
  if (same) return { sourceOf, sourceWidth: sw, sourceHeight: sh, short: '', message: '' };
  const verb = useScale ? 'SCALED' : 'CROPPED';
  return {
    sourceOf,
    sourceWidth: sw,
    sourceHeight: sh,
    short: `${sw}X${sh} ${verb}`,
    message:
      `recording is ${pixels} LEDs, read as ${sw}×${sh} ${order === 'snake' ? 'zigzag ' : ''}rows; ` +
      `${verb.toLowerCase()} to ${width}×${height} (set tpm2.width, tpm2.order=rows|snake|strip, tpm2.fit=scale|crop)`,
  };
}
