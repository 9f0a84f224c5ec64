import type { Scene } from '../engine/scene.ts';
import { FONT_5X7 } from '../gfx/font.ts';
import type { Graphics } from '../gfx/graphics.ts';
import type { Input } from '../input/buttons.ts';

/** One line of a choice screen: a label and a value, changed with left/right. */
export interface ChoiceLine {
  readonly label: string;
  /** The value as shown, '' for an action line. */
  value(): string;
  /** Left/right: -1 or +1. Lines without it show no side marks. */
  step?(direction: number): void;
  /** A on this line asks YES/NO first, then runs `action` (SHUT DOWN, REBOOT). */
  readonly action?: () => void;
  /** Colour of the value; white by default. */
  readonly color?: number;
  /** Draws the label row itself (the setup screen's player figures); false = draw the label. */
  drawLabel?(g: Graphics): boolean;
}

export interface ChoiceScreenOptions {
  readonly title: string;
  /** What to press, for the terminal's status line. */
  readonly hint?: string;
  /**
   * Shown in the label row instead of the first line's label until a button is pressed or
   * NOTE_TICKS have passed (the setup screen's "A STARTS" the first time it is shown).
   */
  readonly note?: string;
  readonly lines: readonly ChoiceLine[];
  /** Columns kept free beside a large value; a wider value scrolls in the small font. */
  readonly valueMargin?: number;
  /** A or start on a line without an action (the setup screen starts the game). */
  onConfirm?(): void;
  /** Back, when no question is open. */
  onBack(): void;
  /** Once per tick before input is handled (the settings screen's save timer). */
  onTick?(): void;
  /** When a YES/NO question was answered YES, before the action runs. */
  onAction?(line: ChoiceLine): void;
  onDispose?(): void;
}

/** Rows of the 20×15 screen: label 0..4, value 6..12 (large font) or 7..11, side marks and dots. */
const LABEL_Y = 0;
const BIG_VALUE_Y = 6;
const SMALL_VALUE_Y = 7;
const ARROW_Y = 9;
const LABEL_COLOR = 0x808080;
/** How long a note stays in the label row without input: 3 s at 60 Hz. */
const NOTE_TICKS = 180;
const ACTION_COLOR = 0xff6040;

/**
 * The one screen the table uses to choose values: the setup before a game (players, the game's
 * settings) and the table's settings. Up/down picks the line, left/right changes its value
 * (with auto-repeat), A runs the line's action after a YES/NO question (or confirms the
 * screen), back leaves. The label scrolls when it is too wide; the value is drawn large.
 */
export class ChoiceScreen implements Scene {
  readonly title: string;
  private line = 0;
  private shownFor = 0;
  /** Ticks the note has left; 0 = the labels as usual. */
  private noteLeft: number;
  /** YES/NO question for an action line: undefined when none is open. */
  private confirming: { line: ChoiceLine; yes: boolean } | undefined;

  readonly hint: string;

  constructor(private readonly options: ChoiceScreenOptions) {
    this.title = options.title;
    this.hint = options.hint ?? '';
    this.noteLeft = options.note ? NOTE_TICKS : 0;
  }

  /** The label of the line under the cursor, or the open question (tests). */
  get current(): string {
    return this.confirming
      ? `${this.confirming.line.label}? ${this.confirming.yes ? 'YES' : 'NO'}`
      : (this.options.lines[this.line]?.label ?? '');
  }

  /** The value of the line under the cursor as shown, '' for an action line (tests). */
  get currentValue(): string {
    return this.options.lines[this.line]?.value() ?? '';
  }

  update(input: Input): void {
    this.shownFor++;
    this.options.onTick?.();
    if (this.noteLeft > 0) this.noteLeft = input.any.anyPressed() ? 0 : this.noteLeft - 1;
    const buttons = input.any;
    if (this.confirming) {
      this.answer(input);
      return;
    }
    if (buttons.pressed('back')) {
      this.options.onBack();
      return;
    }
    if (buttons.repeat('down')) this.moveLine(1);
    if (buttons.repeat('up')) this.moveLine(-1);
    const line = this.options.lines[this.line];
    if (!line) return;
    const direction = buttons.repeat('right') ? 1 : buttons.repeat('left') ? -1 : 0;
    if (direction !== 0 && line.step) {
      line.step(direction);
      this.shownFor = 0;
    }
    if (!buttons.confirm()) return;
    if (line.action) {
      this.confirming = { line, yes: false };
      this.shownFor = 0;
    } else {
      this.options.onConfirm?.();
    }
  }

  draw(g: Graphics): void {
    g.clear();
    if (this.confirming) {
      g.banner(`${this.confirming.line.label}?`, 1, ACTION_COLOR, this.shownFor);
      const yes = this.confirming.yes;
      g.text('NO', 1, 8, yes ? 0x404040 : 0xffffff);
      g.text('YES', g.width - 1 - g.textWidth('YES'), 8, yes ? 0xff4040 : 0x404040);
      return;
    }
    const lines = this.options.lines;
    const line = lines[this.line];
    if (!line) return;
    if (this.noteLeft > 0 && this.options.note) {
      g.banner(this.options.note, LABEL_Y, ACTION_COLOR, this.shownFor);
    } else if (!line.drawLabel?.(g)) {
      g.banner(line.label, LABEL_Y, line.action ? ACTION_COLOR : LABEL_COLOR, this.shownFor);
    }
    const value = line.value();
    const color = line.color ?? 0xffffff;
    if (value !== '') {
      const width = g.textWidth(value, FONT_5X7);
      if (width <= g.width - (this.options.valueMargin ?? 0)) {
        g.text(value, Math.floor((g.width - width) / 2), BIG_VALUE_Y, color, FONT_5X7);
      } else {
        g.banner(value, SMALL_VALUE_Y, color, this.shownFor);
      }
    } else if (line.action) {
      g.text('A', Math.floor((g.width - g.textWidth('A')) / 2), SMALL_VALUE_Y, 0x606060);
    }
    if (line.step) {
      g.set(0, ARROW_Y, 0x606060);
      g.set(g.width - 1, ARROW_Y, 0x606060);
    }
    if (lines.length < 2) return; // which line is chosen, when there is more than one
    for (let i = 0; i < lines.length; i++) {
      g.set(
        Math.floor(g.width / 2) - lines.length + i * 2 + 1,
        g.height - 1,
        i === this.line ? 0xffffff : 0x303030,
      );
    }
  }

  dispose(): void {
    this.options.onDispose?.();
  }

  private answer(input: Input): void {
    const confirming = this.confirming!;
    const buttons = input.any;
    if (buttons.pressed('back')) {
      this.confirming = undefined;
      return;
    }
    if (buttons.pressed('left') || buttons.pressed('right')) confirming.yes = !confirming.yes;
    if (buttons.confirm()) {
      this.confirming = undefined;
      if (confirming.yes) {
        this.options.onAction?.(confirming.line);
        confirming.line.action?.();
      }
    }
  }

  private moveLine(step: number): void {
    const count = this.options.lines.length;
    if (count === 0) return;
    this.line = (this.line + step + count) % count;
    this.shownFor = 0;
  }
}
