import type { Canvas } from './canvas.ts';
import type { Color } from './color.ts';

/**
 * Drawing verbs as free functions over a Canvas. Coordinates are pixels, floored like
 * `Canvas.set`; ends and edges are inclusive of the pixels they name. Anything off the canvas
 * is clipped, and every loop is clamped to the canvas, so huge or far-away shapes cost no more
 * than on-screen ones (circles excepted: their cost grows with the radius when the outline
 * crosses the canvas). A non-finite coordinate or size, or a colour outside 0..0xFFFFFF, draws
 * nothing and adds one to `canvas.invalidWrites`.
 */

/** True when every argument is finite and the colour valid; otherwise counts one invalid write. */
export function validArgs(c: Canvas, color: Color, a: number, b: number, d = 0, e = 0): boolean {
  if (
    Number.isFinite(a) &&
    Number.isFinite(b) &&
    Number.isFinite(d) &&
    Number.isFinite(e) &&
    color >= 0 &&
    color <= 0xffffff
  ) {
    return true;
  }
  c.set(Number.NaN, 0, color); // the canvas counts it in invalidWrites
  return false;
}

/** Horizontal run of pixels x0..x1 (inclusive, any order) on row y, clamped to the canvas. */
export function hline(c: Canvas, x0: number, x1: number, y: number, color: Color): void {
  if (!validArgs(c, color, x0, x1, y)) return;
  const py = Math.floor(y);
  if (py < 0 || py >= c.height) return;
  let a = Math.floor(Math.min(x0, x1));
  let b = Math.floor(Math.max(x0, x1));
  if (a < 0) a = 0;
  if (b >= c.width) b = c.width - 1;
  for (let x = a; x <= b; x++) c.set(x, py, color);
}

/** Vertical run of pixels y0..y1 (inclusive, any order) in column x, clamped to the canvas. */
export function vline(c: Canvas, x: number, y0: number, y1: number, color: Color): void {
  if (!validArgs(c, color, x, y0, y1)) return;
  const px = Math.floor(x);
  if (px < 0 || px >= c.width) return;
  let a = Math.floor(Math.min(y0, y1));
  let b = Math.floor(Math.max(y0, y1));
  if (a < 0) a = 0;
  if (b >= c.height) b = c.height - 1;
  for (let y = a; y <= b; y++) c.set(px, y, color);
}

/**
 * Bresenham line from (x0, y0) to (x1, y1), both ends included. At step k along the major axis
 * the minor coordinate is the start's plus round(k · minor / major) (halves round away from the
 * start), computed in closed form so the loop only visits the steps that land on the canvas.
 */
export function line(c: Canvas, x0: number, y0: number, x1: number, y1: number, color: Color): void {
  if (!validArgs(c, color, x0, y0, x1, y1)) return;
  const ax = Math.floor(x0);
  const ay = Math.floor(y0);
  const bx = Math.floor(x1);
  const by = Math.floor(y1);
  const dx = Math.abs(bx - ax);
  const dy = Math.abs(by - ay);
  const sx = bx >= ax ? 1 : -1;
  const sy = by >= ay ? 1 : -1;
  if (dx === 0 && dy === 0) {
    c.set(ax, ay, color);
    return;
  }
  if (dx >= dy) {
    // k steps along x; x = ax + sx·k must lie in 0..width-1.
    const [kMin, kMax] = stepRange(ax, sx, dx, c.width);
    for (let k = kMin; k <= kMax; k++) {
      c.set(ax + sx * k, ay + sy * Math.floor((2 * k * dy + dx) / (2 * dx)), color);
    }
  } else {
    const [kMin, kMax] = stepRange(ay, sy, dy, c.height);
    for (let k = kMin; k <= kMax; k++) {
      c.set(ax + sx * Math.floor((2 * k * dx + dy) / (2 * dy)), ay + sy * k, color);
    }
  }
}

// Steps k in 0..n for which start + dir·k lies in 0..size-1 (an empty range when kMin > kMax).
const range: [number, number] = [0, 0];
function stepRange(start: number, dir: number, n: number, size: number): readonly [number, number] {
  let lo: number;
  let hi: number;
  if (dir > 0) {
    lo = -start;
    hi = size - 1 - start;
  } else {
    lo = start - (size - 1);
    hi = start;
  }
  range[0] = Math.max(0, lo);
  range[1] = Math.min(n, hi);
  return range;
}

/** Outline of the w × h rectangle whose top-left pixel is (x, y). Nothing when w or h < 1. */
export function rect(c: Canvas, x: number, y: number, w: number, h: number, color: Color): void {
  if (!validArgs(c, color, x, y, w, h)) return;
  const px = Math.floor(x);
  const py = Math.floor(y);
  const pw = Math.floor(w);
  const ph = Math.floor(h);
  if (pw < 1 || ph < 1) return;
  const right = px + pw - 1;
  const bottom = py + ph - 1;
  hline(c, px, right, py, color);
  if (ph > 1) hline(c, px, right, bottom, color);
  if (ph > 2) {
    vline(c, px, py + 1, bottom - 1, color);
    if (pw > 1) vline(c, right, py + 1, bottom - 1, color);
  }
}

/** Fills the w × h rectangle whose top-left pixel is (x, y); the loops cover only its on-canvas part. */
export function fillRect(c: Canvas, x: number, y: number, w: number, h: number, color: Color): void {
  if (!validArgs(c, color, x, y, w, h)) return;
  const px = Math.floor(x);
  const py = Math.floor(y);
  const x0 = Math.max(0, px);
  const y0 = Math.max(0, py);
  const x1 = Math.min(c.width, px + Math.floor(w)); // exclusive
  const y1 = Math.min(c.height, py + Math.floor(h));
  for (let yy = y0; yy < y1; yy++) {
    for (let xx = x0; xx < x1; xx++) c.set(xx, yy, color);
  }
}

/**
 * Midpoint circle outline centred on pixel (cx, cy) with radius r (floored; r = 0 is one pixel,
 * r < 0 draws nothing). Symmetric in all 8 octants, so it spans exactly 2r + 1 pixels each way.
 */
export function circle(c: Canvas, cx: number, cy: number, r: number, color: Color): void {
  if (!validArgs(c, color, cx, cy, r)) return;
  const x0 = Math.floor(cx);
  const y0 = Math.floor(cy);
  const rr = Math.floor(r);
  if (rr < 0 || !circleTouchesCanvas(c, x0, y0, rr, true)) return;
  let x = rr;
  let y = 0;
  let err = 1 - rr;
  while (x >= y) {
    c.set(x0 + x, y0 + y, color);
    c.set(x0 - x, y0 + y, color);
    c.set(x0 + x, y0 - y, color);
    c.set(x0 - x, y0 - y, color);
    c.set(x0 + y, y0 + x, color);
    c.set(x0 - y, y0 + x, color);
    c.set(x0 + y, y0 - x, color);
    c.set(x0 - y, y0 - x, color);
    y++;
    if (err < 0) {
      err += 2 * y + 1;
    } else {
      x--;
      err += 2 * (y - x) + 1;
    }
  }
}

/** Filled disc: exactly the pixels of `circle(c, cx, cy, r)` and everything inside it. */
export function fillCircle(c: Canvas, cx: number, cy: number, r: number, color: Color): void {
  if (!validArgs(c, color, cx, cy, r)) return;
  const x0 = Math.floor(cx);
  const y0 = Math.floor(cy);
  const rr = Math.floor(r);
  if (rr < 0 || !circleTouchesCanvas(c, x0, y0, rr, false)) return;
  let x = rr;
  let y = 0;
  let err = 1 - rr;
  while (x >= y) {
    hline(c, x0 - x, x0 + x, y0 + y, color);
    hline(c, x0 - x, x0 + x, y0 - y, color);
    hline(c, x0 - y, x0 + y, y0 + x, color);
    hline(c, x0 - y, x0 + y, y0 - x, color);
    y++;
    if (err < 0) {
      err += 2 * y + 1;
    } else {
      x--;
      err += 2 * (y - x) + 1;
    }
  }
}

// False when nothing of the circle can land on the canvas: its bounding box misses the canvas,
// or (outlines only) the whole canvas lies strictly inside the ring.
function circleTouchesCanvas(c: Canvas, x0: number, y0: number, r: number, outline: boolean): boolean {
  if (x0 + r < 0 || y0 + r < 0 || x0 - r >= c.width || y0 - r >= c.height) return false;
  if (!outline || r < 2) return true;
  const fx = Math.max(Math.abs(x0), Math.abs(x0 - (c.width - 1)));
  const fy = Math.max(Math.abs(y0), Math.abs(y0 - (c.height - 1)));
  // The farthest canvas pixel is well inside the ring (1 px margin for the midpoint rounding).
  return fx * fx + fy * fy >= (r - 1) * (r - 1);
}
