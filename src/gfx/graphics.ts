import type { Canvas } from './canvas.ts';
import type { Color } from './color.ts';
import type { Font } from './font.ts';
import { circle, fillCircle, fillRect, line, rect } from './shapes.ts';
import { drawSprite, type Sprite, type SpriteOptions } from './sprite.ts';
import {
  type BannerOptions,
  drawBanner,
  drawScrollingText,
  drawText,
  type ScrollTextOptions,
  textWidth,
} from './text.ts';

/**
 * What a game's draw(g) receives: small drawing verbs over the current frame's Canvas. Each verb
 * delegates to the free function of the same idea (shapes.ts, sprite.ts, text.ts), clips
 * silently, and allocates nothing. The engine points it at the frame to draw with `target()`.
 */
export class Graphics {
  /** The frame being drawn; owned by the engine and valid only during the current draw(). */
  canvas: Canvas;

  constructor(canvas: Canvas) {
    this.canvas = canvas;
  }

  /** Draw into `canvas` from now on (the engine calls this once per frame). */
  target(canvas: Canvas): void {
    this.canvas = canvas;
  }

  get width(): number {
    return this.canvas.width;
  }

  get height(): number {
    return this.canvas.height;
  }

  /** Fills the whole frame (black by default). */
  clear(color: Color = 0): void {
    this.canvas.clear(color);
  }

  set(x: number, y: number, color: Color): void {
    this.canvas.set(x, y, color);
  }

  /** The colour at (x, y); black outside the canvas. */
  get(x: number, y: number): Color {
    return this.canvas.get(x, y);
  }

  /** Straight line, both ends included. */
  line(x0: number, y0: number, x1: number, y1: number, color: Color): void {
    line(this.canvas, x0, y0, x1, y1, color);
  }

  /** Outline of a w × h rectangle with top-left (x, y). */
  rect(x: number, y: number, w: number, h: number, color: Color): void {
    rect(this.canvas, x, y, w, h, color);
  }

  fillRect(x: number, y: number, w: number, h: number, color: Color): void {
    fillRect(this.canvas, x, y, w, h, color);
  }

  /** Circle outline of radius r around pixel (cx, cy): 2r + 1 pixels across. */
  circle(cx: number, cy: number, r: number, color: Color): void {
    circle(this.canvas, cx, cy, r, color);
  }

  fillCircle(cx: number, cy: number, r: number, color: Color): void {
    fillCircle(this.canvas, cx, cy, r, color);
  }

  /** Draws a compiled sprite with top-left (x, y); see SpriteOptions for flip, scale and tint. */
  sprite(s: Sprite, x: number, y: number, opts?: SpriteOptions): void {
    drawSprite(this.canvas, s, x, y, opts);
  }

  /** Draws text with top-left (x, y) and returns its width in pixels (3×5 font by default). */
  text(text: string, x: number, y: number, color: Color, font?: Font): number {
    return drawText(this.canvas, text, x, y, color, font);
  }

  textWidth(text: string, font?: Font): number {
    return textWidth(text, font);
  }

  /** Text repeating and scrolling inside a window; see drawScrollingText. */
  scrollText(text: string, opts: ScrollTextOptions): void {
    drawScrollingText(this.canvas, text, opts);
  }

  /** Centred text at row y, or scrolling at `speed` px per tick when it does not fit. */
  banner(text: string, y: number, color: Color, tick: number, opts?: BannerOptions): void {
    drawBanner(this.canvas, text, y, color, tick, opts);
  }
}
