import type { PreviewOutput } from './driver.ts';

/** The part of a NodeJS.WriteStream the simulator uses (process.stdout fits; tests pass a fake). */
export interface TerminalStream {
  write(s: string): boolean;
  /** Terminal size in character cells; 80×24 is assumed when missing or 0. */
  columns?: number;
  rows?: number;
  /** When explicitly false (output piped to a file), open() refuses with a hint. */
  isTTY?: boolean;
  on?(event: 'resize', listener: () => void): unknown;
  off?(event: 'resize', listener: () => void): unknown;
}

export interface TerminalDriverOptions {
  stream: TerminalStream;
  /** The table's size in pixels. */
  width: number;
  height: number;
  /** Terminal columns per pixel (each pixel is `scale` columns wide, `scale` half-rows tall); 0 = fit the terminal. Default 0. */
  scale?: number;
  /** 'auto' picks truecolour when COLORTERM is truecolor or 24bit, otherwise the 256-colour palette. Default 'auto'. */
  colors?: 'auto' | 'truecolor' | '256';
  /** Environment consulted by colors: 'auto' (default process.env). */
  env?: NodeJS.ProcessEnv;
}

const ESC = '\x1b[';
const ENTER = `${ESC}?1049h${ESC}?25l${ESC}0m${ESC}2J`;
const CLEAR = `${ESC}0m${ESC}2J`;
const UNKNOWN = -2; // colour state not known (forces a write)
const DEFAULT = -1; // the terminal's default colour (SGR 39/49)

/** The bytes that put a terminal back to normal: reset attributes, show the cursor, leave the alternate screen. */
export function restoreTerminalSequence(): string {
  return `${ESC}0m${ESC}?25h${ESC}?1049l`;
}

/**
 * The terminal simulator, a preview: it receives the table as people see it (row-major RGB after
 * brightness and the current limit, as the LEDs look) and draws two pixels per character cell with half blocks (▀: foreground = upper
 * pixel, background = lower pixel; ▄, █ and space are used when they need fewer colour
 * changes), so pixels are square. Each frame sends only the cells whose colours changed, in one
 * write: a cursor move starts each run of changed cells, colours are set only when they differ
 * from the current ones. The picture is centred, with a status line under it. On 'resize' (or
 * a size change seen at show) the screen is cleared and everything repainted.
 */
export class TerminalDriver implements PreviewOutput {
  readonly name = 'terminal';
  readonly preview = true;
  readonly colorMode: 'truecolor' | '256';
  /** UTF-8 bytes written by the last show() (0 when nothing changed), for the benchmark. */
  bytesLastFrame = 0;
  /** UTF-8 bytes written since construction (open/close sequences included). */
  bytesTotal = 0;

  private readonly stream: TerminalStream;
  private readonly layout: { readonly width: number; readonly height: number };
  private readonly scaleOption: number;
  /** Colour key per pixel: 0xRRGGBB (truecolour) or a palette index (256). */
  private readonly keys: Int32Array;
  private readonly blackKey: number;
  private state: 'new' | 'open' | 'closed' = 'new';
  private shownOnce = false;
  private status = '';
  private statusDirty = false;
  private readonly onResize = () => this.resize();

  // Geometry, recomputed when the terminal size changes.
  private termCols = 0;
  private termRows = 0;
  private picCols = 0;
  private picRows = 0;
  private halfRows = 0;
  private left = 0;
  private top = 0;
  private visCols = 0;
  private visRows = 0;
  private pixX = new Int32Array(0); // cell column → pixel x
  private pixY = new Int32Array(0); // half-row → pixel y
  private prevUpper = new Int32Array(0); // colour keys last sent, per cell
  private prevLower = new Int32Array(0);

  // Colour state of the terminal while a frame's string is built.
  private fg = UNKNOWN;
  private bg = UNKNOWN;

  constructor(options: TerminalDriverOptions) {
    const { stream, width, height } = options;
    const scale = options.scale ?? 0;
    if (!Number.isInteger(scale) || scale < 0) {
      throw new RangeError(`terminal scale must be an integer ≥ 0 (0 fits the terminal), got ${scale}`);
    }
    this.stream = stream;
    this.layout = { width, height };
    this.scaleOption = scale;
    const colors = options.colors ?? 'auto';
    if (colors === 'auto') {
      const colorterm = (options.env ?? process.env).COLORTERM?.toLowerCase();
      this.colorMode = colorterm === 'truecolor' || colorterm === '24bit' ? 'truecolor' : '256';
    } else {
      this.colorMode = colors;
    }
    this.keys = new Int32Array(width * height);
    this.blackKey = this.colorMode === 'truecolor' ? 0 : 16;
    this.keys.fill(this.blackKey);
  }

  async open(): Promise<void> {
    if (this.state === 'open') return;
    if (this.stream.isTTY === false) {
      throw new Error(
        'the terminal simulator needs a terminal, but the output is not a TTY (piped or redirected); ' +
          'run it in a terminal, or use --output null / --headless for runs without a screen',
      );
    }
    this.state = 'open';
    this.measure(true);
    this.stream.on?.('resize', this.onResize);
    this.emit(ENTER);
    this.statusDirty = true;
  }

  show(frame: Readonly<Uint8Array>): void {
    if (this.state !== 'open') {
      throw new Error(`TerminalDriver.show() called while the driver is ${this.state}: call open() first`);
    }
    const keys = this.keys;
    if (frame.length !== keys.length * 3) {
      const { width, height } = this.layout;
      throw new RangeError(
        `TerminalDriver.show(): expected ${keys.length * 3} bytes (${width}×${height} RGB), got ${frame.length}`,
      );
    }
    const truecolor = this.colorMode === 'truecolor';
    for (let p = 0; p < keys.length; p++) {
      const r = frame[p * 3]!;
      const g = frame[p * 3 + 1]!;
      const b = frame[p * 3 + 2]!;
      keys[p] = truecolor ? (r << 16) | (g << 8) | b : nearest256(r, g, b);
    }
    this.shownOnce = true;
    const full = this.measure(false);
    this.bytesLastFrame = this.emit(this.render(full));
  }

  /** Sets the line under the table (control characters become spaces); drawn with the next frame. */
  setStatus(text: string): void {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
    const clean = text.replace(/[\x00-\x1f\x7f-\x9f]/g, ' ');
    if (clean === this.status) return;
    this.status = clean;
    this.statusDirty = true;
  }

  /** Draws the picture black, then restores the terminal (cursor shown, alternate screen left). Safe twice. */
  async close(): Promise<void> {
    if (this.state !== 'open') {
      this.state = 'closed';
      return;
    }
    this.state = 'closed';
    this.stream.off?.('resize', this.onResize);
    this.keys.fill(this.blackKey);
    this.emit(this.render(false) + restoreTerminalSequence());
  }

  private resize(): void {
    if (this.state !== 'open') return;
    this.measure(true);
    this.emit(this.shownOnce ? this.render(true) : CLEAR);
    this.statusDirty = !this.shownOnce;
  }

  /** Reads the terminal size; on a change (or when forced) recomputes the geometry. Returns true when a full repaint is due. */
  private measure(force: boolean): boolean {
    const cols = this.stream.columns || 80;
    const rows = this.stream.rows || 24;
    if (!force && cols === this.termCols && rows === this.termRows) return false;
    this.termCols = cols;
    this.termRows = rows;
    const { width, height } = this.layout;
    const s =
      this.scaleOption > 0
        ? this.scaleOption
        : Math.max(1, Math.min(Math.floor(cols / width), Math.floor((2 * (rows - 1)) / height)));
    this.picCols = width * s;
    this.halfRows = height * s;
    this.picRows = Math.ceil(this.halfRows / 2);
    this.left = Math.max(0, Math.floor((cols - this.picCols) / 2));
    this.top = Math.max(0, Math.floor((rows - this.picRows - 1) / 2));
    this.visCols = Math.min(this.picCols, cols - this.left);
    this.visRows = Math.min(this.picRows, rows - this.top);
    this.pixX = new Int32Array(this.picCols);
    for (let cx = 0; cx < this.picCols; cx++) this.pixX[cx] = Math.floor(cx / s);
    this.pixY = new Int32Array(this.halfRows);
    for (let hr = 0; hr < this.halfRows; hr++) this.pixY[hr] = Math.floor(hr / s);
    this.prevUpper = new Int32Array(this.picCols * this.picRows).fill(UNKNOWN);
    this.prevLower = new Int32Array(this.picCols * this.picRows).fill(UNKNOWN);
    this.statusDirty = true;
    return true;
  }

  /** Builds the escape sequence for one frame: every cell when `full`, else only changed cells. */
  private render(full: boolean): string {
    let out = full ? CLEAR : '';
    this.fg = UNKNOWN;
    this.bg = UNKNOWN;
    const { keys, pixX, pixY, prevUpper, prevLower, picCols } = this;
    const width = this.layout.width;
    let curRow = -1;
    let curCol = -1;
    for (let cy = 0; cy < this.visRows; cy++) {
      const rowA = pixY[2 * cy]! * width;
      const rowB = 2 * cy + 1 < this.halfRows ? pixY[2 * cy + 1]! * width : -1;
      const termRow = this.top + cy + 1;
      for (let cx = 0; cx < this.visCols; cx++) {
        const a = keys[rowA + pixX[cx]!]!;
        const b = rowB >= 0 ? keys[rowB + pixX[cx]!]! : DEFAULT;
        const cell = cy * picCols + cx;
        if (!full && prevUpper[cell] === a && prevLower[cell] === b) continue;
        prevUpper[cell] = a;
        prevLower[cell] = b;
        const termCol = this.left + cx + 1;
        if (curRow !== termRow || curCol !== termCol) {
          if (curRow === termRow && termCol > curCol) {
            const gap = termCol - curCol;
            out += gap === 1 ? `${ESC}C` : `${ESC}${gap}C`;
          } else {
            out += `${ESC}${termRow};${termCol}H`;
          }
        }
        if (a === b) {
          if (this.bg === a) out += ' ';
          else if (this.fg === a) out += '█';
          else out += this.colors(this.fg, a) + ' ';
        } else if (
          b !== DEFAULT &&
          (this.fg !== b ? 1 : 0) + (this.bg !== a ? 1 : 0) <
            (this.fg !== a ? 1 : 0) + (this.bg !== b ? 1 : 0)
        ) {
          out += this.colors(b, a) + '▄';
        } else {
          out += this.colors(a, b) + '▀';
        }
        curRow = termRow;
        curCol = termCol + 1;
      }
    }
    const statusRow = this.top + this.picRows + 1;
    if ((this.statusDirty || full) && statusRow <= this.termRows) {
      const chars = Array.from(this.status);
      const text = chars.length > this.termCols ? chars.slice(0, this.termCols).join('') : this.status;
      const col = Math.floor((this.termCols - Math.min(chars.length, this.termCols)) / 2) + 1;
      out += `${ESC}0m${ESC}${statusRow};1H${ESC}2K${ESC}${statusRow};${col}H${text}`;
      this.fg = DEFAULT;
      this.bg = DEFAULT;
    }
    this.statusDirty = false;
    return out;
  }

  /** The SGR sequence that makes the colours (fg, bg), only the parts that differ; '' if none. */
  private colors(fg: number, bg: number): string {
    const setFg = fg !== this.fg;
    const setBg = bg !== this.bg;
    if (!setFg && !setBg) return '';
    this.fg = fg;
    this.bg = bg;
    if (setFg && setBg) return `${ESC}${this.code(fg, 38)};${this.code(bg, 48)}m`;
    return setFg ? `${ESC}${this.code(fg, 38)}m` : `${ESC}${this.code(bg, 48)}m`;
  }

  private code(key: number, base: 38 | 48): string {
    if (key === DEFAULT) return base === 38 ? '39' : '49';
    if (this.colorMode === '256') return (base === 38 ? FG256 : BG256)[key]!;
    return `${base};2;${(key >>> 16) & 0xff};${(key >>> 8) & 0xff};${key & 0xff}`;
  }

  private emit(s: string): number {
    if (s === '') return 0;
    this.stream.write(s);
    const bytes = Buffer.byteLength(s, 'utf8');
    this.bytesTotal += bytes;
    return bytes;
  }
}

// The xterm 256-colour palette above 15: a 6×6×6 cube (16..231) and 24 greys (232..255).
const CUBE_LEVELS = [0, 95, 135, 175, 215, 255];
const FG256 = Array.from({ length: 256 }, (_, i) => `38;5;${i}`);
const BG256 = Array.from({ length: 256 }, (_, i) => `48;5;${i}`);
/** Per channel value: the nearest cube level index (0..5) and its squared error. */
const CUBE_INDEX = new Uint8Array(256);
const CUBE_ERROR = new Int32Array(256);
for (let v = 0; v < 256; v++) {
  let best = 0;
  for (let i = 1; i < 6; i++) if (Math.abs(v - CUBE_LEVELS[i]!) < Math.abs(v - CUBE_LEVELS[best]!)) best = i;
  CUBE_INDEX[v] = best;
  CUBE_ERROR[v] = (v - CUBE_LEVELS[best]!) ** 2;
}

/** The nearest xterm palette index (16..255) to an sRGB colour, by squared RGB distance between the cube and the grey ramp. */
export function nearest256(r: number, g: number, b: number): number {
  const cube = 16 + 36 * CUBE_INDEX[r]! + 6 * CUBE_INDEX[g]! + CUBE_INDEX[b]!;
  const cubeError = CUBE_ERROR[r]! + CUBE_ERROR[g]! + CUBE_ERROR[b]!;
  if (cubeError === 0) return cube;
  const grey = Math.min(23, Math.max(0, Math.round(((r + g + b) / 3 - 8) / 10)));
  const level = 8 + 10 * grey;
  const greyError = (r - level) ** 2 + (g - level) ** 2 + (b - level) ** 2;
  return greyError < cubeError ? 232 + grey : cube;
}

/** The sRGB colour (0xRRGGBB) of an xterm palette index 16..255, for tests and previews. */
export function paletteColor(index: number): number {
  if (index >= 232) {
    const v = 8 + 10 * (index - 232);
    return (v << 16) | (v << 8) | v;
  }
  const i = index - 16;
  const r = CUBE_LEVELS[Math.floor(i / 36)]!;
  const g = CUBE_LEVELS[Math.floor(i / 6) % 6]!;
  const b = CUBE_LEVELS[i % 6]!;
  return (r << 16) | (g << 8) | b;
}
