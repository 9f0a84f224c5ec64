/**
 * How a picture fills the table:
 * - contain: all of it, scaled to fit, black bars on two sides (letterbox);
 * - cover: scaled to fill the table, the middle kept, the overflow cropped;
 * - attention: like cover, but the crop keeps the most interesting region (sharp's attention
 *   strategy: skin tones, saturation, edges);
 * - fill: stretched to the table's shape.
 */
export const FIT_MODES = ['contain', 'cover', 'attention', 'fill'] as const;
export type FitMode = (typeof FIT_MODES)[number];

/** Shown on the table after A changes the mode (3×5 font). */
export const FIT_LABELS: Readonly<Record<FitMode, string>> = {
  contain: 'WHOLE',
  cover: 'CROP',
  attention: 'FOCUS',
  fill: 'FILL',
};

export function isFitMode(value: unknown): value is FitMode {
  return typeof value === 'string' && (FIT_MODES as readonly string[]).includes(value);
}

/**
 * Where the table's pixels fall on the source, in source pixels: table pixel (x, y) covers the
 * source rectangle [x0 + x·sx, x0 + (x+1)·sx) × [y0 + y·sy, y0 + (y+1)·sy). Parts of it outside
 * the source are black (the letterbox of `contain`).
 */
export interface FitWindow {
  readonly x0: number;
  readonly y0: number;
  /** Source pixels per table pixel, horizontally and vertically. */
  readonly sx: number;
  readonly sy: number;
}

/**
 * The window for a source of sw × sh pixels on a table of tw × th. `focus` is the top-left of
 * the attention crop (source pixels) for 'attention'; without it 'attention' crops the centre.
 */
export function fitWindow(
  sw: number,
  sh: number,
  tw: number,
  th: number,
  mode: FitMode,
  focus?: { readonly left: number; readonly top: number },
): FitWindow {
  if (mode === 'fill') return { x0: 0, y0: 0, sx: sw / tw, sy: sh / th };
  // Source pixels per table pixel: contain shows everything (the larger ratio), cover fills
  // the table (the smaller one).
  const s = mode === 'contain' ? Math.max(sw / tw, sh / th) : Math.min(sw / tw, sh / th);
  const spanX = s * tw;
  const spanY = s * th;
  let x0 = (sw - spanX) / 2;
  let y0 = (sh - spanY) / 2;
  if (mode === 'attention' && focus) {
    x0 = clamp(focus.left, 0, Math.max(0, sw - spanX));
    y0 = clamp(focus.top, 0, Math.max(0, sh - spanY));
  }
  return { x0, y0, sx: s, sy: s };
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(v, hi));
}
