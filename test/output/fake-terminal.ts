import { paletteColor } from '../../src/output/terminal-driver.ts';

/** Colour of a cell part: 0xRRGGBB, or -1 for the terminal's default. */
type Rgb = number;

interface Cell {
  ch: string;
  fg: Rgb;
  bg: Rgb;
}

/**
 * A tiny terminal for tests: records every write and interprets the subset of escape
 * sequences the simulator emits (CUP, CUF, ED 2, EL 2, SGR 0/38/48/39/49, ?25 and ?1049 modes).
 * Anything else fails the test, so unexpected output is caught.
 */
export class FakeTerminal {
  columns: number;
  rows: number;
  isTTY?: boolean = true;
  writes: string[] = [];
  cells: Cell[] = [];
  altScreen = false;
  cursorVisible = true;
  private row = 0;
  private col = 0;
  private fg: Rgb = -1;
  private bg: Rgb = -1;
  private listeners: (() => void)[] = [];

  constructor(columns = 80, rows = 24) {
    this.columns = columns;
    this.rows = rows;
    this.clear();
  }

  write(s: string): boolean {
    this.writes.push(s);
    this.interpret(s);
    return true;
  }

  on(_event: 'resize', fn: () => void): this {
    this.listeners.push(fn);
    return this;
  }

  off(_event: 'resize', fn: () => void): this {
    this.listeners = this.listeners.filter((l) => l !== fn);
    return this;
  }

  get listenerCount(): number {
    return this.listeners.length;
  }

  resize(columns: number, rows: number): void {
    this.columns = columns;
    this.rows = rows;
    this.cells = [];
    this.clear();
    for (const l of this.listeners) l();
  }

  /** Colours of one half of a cell: col 0-based, halfRow 0-based (2 per text row). */
  halfAt(col: number, halfRow: number): Rgb {
    const cell = this.cells[Math.floor(halfRow / 2) * this.columns + col];
    if (!cell) throw new Error(`no cell at ${col},${halfRow}`);
    const upper = halfRow % 2 === 0;
    switch (cell.ch) {
      case '▀':
        return upper ? cell.fg : cell.bg;
      case '▄':
        return upper ? cell.bg : cell.fg;
      case ' ':
        return cell.bg;
      case '█':
        return cell.fg;
      default:
        throw new Error(`unexpected glyph ${JSON.stringify(cell.ch)} at ${col},${halfRow}`);
    }
  }

  /** The text of a screen row (0-based), trailing spaces trimmed. */
  line(row: number): string {
    return this.cells
      .slice(row * this.columns, (row + 1) * this.columns)
      .map((c) => c.ch)
      .join('')
      .trimEnd();
  }

  private clear(): void {
    for (let i = 0; i < this.columns * this.rows; i++) this.cells[i] = { ch: ' ', fg: -1, bg: -1 };
  }

  private interpret(s: string): void {
    let i = 0;
    while (i < s.length) {
      if (s[i] === '\x1b') {
        // biome-ignore lint/suspicious/noControlCharactersInRegex: parsing escape sequences
        const m = /^\x1b\[(\??)([0-9;]*)([A-Za-z])/.exec(s.slice(i, i + 40));
        if (!m) throw new Error(`unparsed escape at ${JSON.stringify(s.slice(i, i + 20))}`);
        this.escape(m[1]!, m[2]!, m[3]!);
        i += m[0].length;
        continue;
      }
      const ch = String.fromCodePoint(s.codePointAt(i)!);
      if (ch.charCodeAt(0) < 32) throw new Error(`unexpected control character ${ch.charCodeAt(0)}`);
      if (this.col < this.columns && this.row < this.rows) {
        this.cells[this.row * this.columns + this.col] = { ch, fg: this.fg, bg: this.bg };
      }
      this.col++;
      i += ch.length;
    }
  }

  private escape(priv: string, params: string, final: string): void {
    const nums = params === '' ? [] : params.split(';').map(Number);
    if (priv === '?') {
      if (params === '25') this.cursorVisible = final === 'h';
      else if (params === '1049') this.altScreen = final === 'h';
      else throw new Error(`unexpected private mode ${params}`);
      return;
    }
    switch (final) {
      case 'H':
        this.row = (nums[0] ?? 1) - 1;
        this.col = (nums[1] ?? 1) - 1;
        return;
      case 'C':
        this.col += nums[0] ?? 1;
        return;
      case 'J':
        if (params !== '2') throw new Error(`unexpected ED ${params}`);
        this.clear();
        return;
      case 'K':
        if (params !== '2') throw new Error(`unexpected EL ${params}`);
        for (let c = 0; c < this.columns; c++)
          this.cells[this.row * this.columns + c] = { ch: ' ', fg: -1, bg: -1 };
        return;
      case 'm':
        this.sgr(nums.length === 0 ? [0] : nums);
        return;
      default:
        throw new Error(`unexpected escape sequence final ${final}`);
    }
  }

  private sgr(nums: number[]): void {
    for (let k = 0; k < nums.length; k++) {
      const n = nums[k]!;
      if (n === 0) {
        this.fg = -1;
        this.bg = -1;
      } else if (n === 39) this.fg = -1;
      else if (n === 49) this.bg = -1;
      else if (n === 38 || n === 48) {
        let color: number;
        if (nums[k + 1] === 2) {
          color = (nums[k + 2]! << 16) | (nums[k + 3]! << 8) | nums[k + 4]!;
          k += 4;
        } else if (nums[k + 1] === 5) {
          color = paletteColor(nums[k + 2]!);
          k += 2;
        } else throw new Error(`bad colour SGR ${nums.join(';')}`);
        if (n === 38) this.fg = color;
        else this.bg = color;
      } else throw new Error(`unexpected SGR ${n}`);
    }
  }
}
