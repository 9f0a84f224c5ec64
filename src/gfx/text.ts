import type { Canvas } from './canvas.ts';
import { blendLinear, type Color } from './color.ts';
import { FONT_3X5, type Font, type Glyph, missingGlyph } from './font.ts';
import { validArgs } from './shapes.ts';

/**
 * Text drawing. Widths are pixels: the sum of the glyph widths plus `font.spacing` between
 * glyphs, no trailing spacing. Characters the font lacks draw as a small box. Only lit pixels
 * are written; the background shows through. Nothing here allocates per call.
 */

// Length in UTF-16 units of the character the last glyphAt() call read (2 for astral characters).
let charLength = 1;

function glyphAt(font: Font, text: string, i: number): Glyph {
  const code = text.charCodeAt(i);
  if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
    const low = text.charCodeAt(i + 1);
    if (low >= 0xdc00 && low <= 0xdfff) {
      charLength = 2; // no font has astral glyphs: skip the lookup (and its string allocation)
      return missingGlyph(font);
    }
  }
  charLength = 1;
  return font.glyph(text[i] ?? '') ?? missingGlyph(font);
}

/** Width in pixels of `text` drawn in `font`: glyph widths plus spacing between them; 0 for "". */
export function textWidth(text: string, font: Font = FONT_3X5): number {
  let width = 0;
  let count = 0;
  for (let i = 0; i < text.length; i += charLength) {
    width += glyphAt(font, text, i).width;
    count++;
  }
  return count === 0 ? 0 : width + (count - 1) * font.spacing;
}

/**
 * Draws `text` with its top-left corner at (x, y) (floored), clipped to the canvas. Returns the
 * text's width in pixels (same as `textWidth`), so the next text starts at x + width + spacing.
 * A non-finite x or y draws nothing and counts one invalid write.
 */
export function drawText(
  c: Canvas,
  text: string,
  x: number,
  y: number,
  color: Color,
  font: Font = FONT_3X5,
): number {
  if (!validArgs(c, color, x, y)) return textWidth(text, font);
  const py = Math.floor(y);
  let px = Math.floor(x);
  let count = 0;
  const start = px;
  const visible = py < c.height && py + font.height > 0;
  for (let i = 0; i < text.length; i += charLength) {
    const g = glyphAt(font, text, i);
    if (count > 0) px += font.spacing;
    if (visible && px < c.width && px + g.width > 0) drawGlyph(c, g, px, py, font.height, color);
    px += g.width;
    count++;
  }
  return px - start;
}

function drawGlyph(c: Canvas, g: Glyph, x: number, y: number, height: number, color: Color): void {
  const y0 = Math.max(0, -y);
  const y1 = Math.min(height, c.height - y);
  for (let gy = y0; gy < y1; gy++) {
    const bits = g.rows[gy] ?? 0;
    if (bits === 0) continue;
    for (let gx = 0; gx < g.width; gx++) {
      if ((bits >> (g.width - 1 - gx)) & 1) c.set(x + gx, y + gy, color);
    }
  }
}

export interface ScrollTextOptions {
  /** Left edge of the window, pixels. */
  readonly x: number;
  /** Top row of the text, pixels. */
  readonly y: number;
  /** Window width in pixels: only columns x .. x + width − 1 are read or written. */
  readonly width: number;
  readonly color: Color;
  /** How far the text has moved left, pixels; any real number, fractions blend two columns. */
  readonly offset: number;
  /** Blank pixels between the end of the text and its next repeat (default 6). */
  readonly gap?: number;
  readonly font?: Font;
}

/**
 * Draws `text` repeating endlessly inside the window [x, x + width), moved left by `offset`
 * modulo (textWidth + gap), so offset = textWidth + gap looks exactly like offset = 0. A
 * fractional offset f splits each lit pixel's light between two neighbouring columns (share
 * 1 − f on the left one, f on the right one, blended in linear light over what is already there),
 * so sub-pixel motion looks smooth on LEDs. Only pixels inside the window are read or written.
 */
export function drawScrollingText(c: Canvas, text: string, opts: ScrollTextOptions): void {
  scrollText(
    c,
    text,
    opts.x,
    opts.y,
    opts.width,
    opts.color,
    opts.offset,
    opts.gap ?? 6,
    opts.font ?? FONT_3X5,
  );
}

export interface BannerOptions {
  /** Scroll speed in pixels per tick (default 0.25: 15 px/s at 60 Hz, easy to read). */
  readonly speed?: number;
  readonly font?: Font;
  /** Window left edge (default 0). */
  readonly x?: number;
  /** Window width (default: from x to the right edge of the canvas). */
  readonly width?: number;
}

/**
 * A line of text at row y: centred in the window when it fits, otherwise scrolling left with
 * offset = tick × speed. A pure function of `tick`, so frames stay deterministic.
 */
export function drawBanner(
  c: Canvas,
  text: string,
  y: number,
  color: Color,
  tick: number,
  opts?: BannerOptions,
): void {
  const font = opts?.font ?? FONT_3X5;
  const x = opts?.x ?? 0;
  const width = opts?.width ?? c.width - x;
  const tw = textWidth(text, font);
  if (tw <= width) {
    drawText(c, text, x + Math.floor((width - tw) / 2), y, color, font);
  } else {
    scrollText(c, text, x, y, width, color, tick * (opts?.speed ?? 0.25), 6, font);
  }
}

// A column cursor over the repeating strip "text + gap": column u in 0..period-1.
let curText = '';
let curFont: Font = FONT_3X5;
let curTextWidth = 0;
let curPeriod = 1;
let curU = 0;
let curIndex = 0;
let curLength = 1;
let curStart = 0;
let curGlyph: Glyph | undefined;

function cursorRewind(): void {
  curU = 0;
  curIndex = 0;
  curStart = 0;
  curGlyph = glyphAt(curFont, curText, 0);
  curLength = charLength;
}

// Moves to the next column, wrapping after the gap.
function cursorStep(): void {
  curU++;
  if (curU >= curPeriod) {
    cursorRewind();
    return;
  }
  if (curU >= curTextWidth || curGlyph === undefined) return;
  if (curU >= curStart + curGlyph.width + curFont.spacing) {
    curStart += curGlyph.width + curFont.spacing;
    curIndex += curLength;
    curGlyph = glyphAt(curFont, curText, curIndex);
    curLength = charLength;
  }
}

// The current column's lit rows as a bitmask (bit r = row r).
function cursorMask(): number {
  if (curU >= curTextWidth || curGlyph === undefined) return 0;
  const cx = curU - curStart;
  const w = curGlyph.width;
  if (cx >= w) return 0;
  let mask = 0;
  for (let r = 0; r < curFont.height; r++) {
    if (((curGlyph.rows[r] ?? 0) >> (w - 1 - cx)) & 1) mask |= 1 << r;
  }
  return mask;
}

function scrollText(
  c: Canvas,
  text: string,
  x: number,
  y: number,
  width: number,
  color: Color,
  offset: number,
  gap: number,
  font: Font,
): void {
  if (!validArgs(c, color, x, y, width, offset) || !Number.isFinite(gap)) return;
  const tw = textWidth(text, font);
  if (tw === 0) return;
  const period = tw + Math.max(0, Math.floor(gap));
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const left = Math.max(0, x0);
  const right = Math.min(c.width, x0 + Math.floor(width)); // exclusive
  const top = Math.max(0, y0);
  const bottom = Math.min(c.height, y0 + font.height); // exclusive
  if (left >= right || top >= bottom) return;
  const shift = ((offset % period) + period) % period;
  const whole = Math.floor(shift);
  const frac = shift - whole;

  curText = text;
  curFont = font;
  curTextWidth = tw;
  curPeriod = period;
  cursorRewind();
  // Screen column sx shows strip column (sx − x0 + whole) with weight 1 − frac and the next one with frac.
  const first = (left - x0 + whole) % period;
  for (let u = 0; u < first; u++) cursorStep();
  let here = cursorMask();
  for (let sx = left; sx < right; sx++) {
    cursorStep();
    const next = cursorMask();
    if ((here | next) !== 0) {
      for (let py = top; py < bottom; py++) {
        const bit = py - y0;
        const share = (((here >> bit) & 1) === 1 ? 1 - frac : 0) + (((next >> bit) & 1) === 1 ? frac : 0);
        if (share >= 1 - 1e-9) c.set(sx, py, color);
        else if (share > 0) c.set(sx, py, blendLinear(c.get(sx, py), color, share));
      }
    }
    here = next;
  }
  curText = ''; // do not keep the caller's string alive
}
