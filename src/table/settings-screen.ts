import type { Scene } from '../engine/scene.ts';
import { FONT_5X7 } from '../gfx/font.ts';
import type { Graphics } from '../gfx/graphics.ts';
import { type Sprite, sprite } from '../gfx/sprite.ts';
import type { Input } from '../input/buttons.ts';
import type { TableControls } from './controls.ts';
import type { TableHost } from './host.ts';

export type { TableControls } from './controls.ts';

const BRIGHTNESS_STEPS = [5, 10, 15, 20, 25, 30, 40, 50, 60, 70, 80, 90, 100];
const IDLE_STEPS = [0, 30, 60, 120, 300, 600, 1800];
const PLAYER_STEPS = [0, 1, 2, 3, 4];
/** Ticks without a change before the values are saved (also saved on leaving). */
const SAVE_AFTER_SECONDS = 1;

interface Line {
  readonly label: string;
  /** The value as shown, '' for an action line. */
  value(): string;
  /** Left/right: -1 or +1. */
  step?(direction: number): void;
  /** A on this line asks YES/NO first, then runs `action`. */
  readonly action?: () => void;
  /** Colour of the value. */
  readonly color?: number;
}

/** The icon the menu shows for the SETTINGS entry: three sliders. */
export const SETTINGS_ICON: Sprite = sprite(
  [
    '...........',
    '..w.....w..',
    'gggggwggggg',
    '..w..www...',
    '.....www...',
    'gwwwggwgggg',
    '.www.......',
    '.www.......',
    'ggwgggggggg',
  ],
  { w: 0xffffff, g: 0x505050 },
);

/**
 * Settings at the table: up/down picks a line, left/right changes its value (brightness applies
 * at once), A on SHUT DOWN or REBOOT asks YES/NO (left/right, A confirms, back cancels); back
 * leaves. Values are saved a second after the last change and when leaving.
 */
export class SettingsScreen implements Scene {
  readonly title = 'Settings';
  private readonly lines: Line[] = [];
  private line = 0;
  private shownFor = 0;
  /** Ticks since the last unsaved change; -1 = nothing to save. */
  private unsaved = -1;
  /** YES/NO question for an action line: undefined when none is open. */
  private confirming: { line: Line; yes: boolean } | undefined;

  constructor(
    private readonly host: TableHost,
    private readonly controls: TableControls,
  ) {
    const c = controls;
    this.lines.push({
      label: 'LIGHT', // brightness; "BRIGHT" is 23 px wide and would scroll
      value: () => `${c.brightness()}`,
      step: (d) => c.setBrightness(nextStep(BRIGHTNESS_STEPS, c.brightness(), d)),
    });
    this.lines.push({
      label: 'IDLE',
      value: () => formatSeconds(c.idleSeconds()),
      step: (d) => c.setIdleSeconds(nextStep(IDLE_STEPS, c.idleSeconds(), d)),
    });
    this.lines.push({
      label: 'PLAYERS',
      value: () => (c.defaultPlayers() === 0 ? 'MIN' : `${c.defaultPlayers()}`),
      step: (d) => c.setDefaultPlayers(nextStep(PLAYER_STEPS, c.defaultPlayers(), d)),
    });
    if (c.milliamps) {
      const milliamps = c.milliamps.bind(c);
      this.lines.push({ label: 'POWER', value: () => formatMilliamps(milliamps()), color: 0xffc040 });
    }
    if (c.shutdown) this.lines.push({ label: 'SHUT DOWN', value: () => '', action: c.shutdown.bind(c) });
    if (c.reboot) this.lines.push({ label: 'REBOOT', value: () => '', action: c.reboot.bind(c) });
  }

  /** The label of the line under the cursor (tests). */
  get current(): string {
    return this.confirming
      ? `${this.confirming.line.label}? ${this.confirming.yes ? 'YES' : 'NO'}`
      : this.lines[this.line]!.label;
  }

  update(input: Input): void {
    this.shownFor++;
    if (this.unsaved >= 0 && ++this.unsaved >= SAVE_AFTER_SECONDS * this.host.rate) this.save();
    const buttons = input.any;
    if (this.confirming) {
      this.updateConfirm(input);
      return;
    }
    if (buttons.pressed('back')) {
      this.save();
      this.host.pop();
      return;
    }
    if (buttons.repeat('down', 18, 8)) this.moveLine(1);
    if (buttons.repeat('up', 18, 8)) this.moveLine(-1);
    const line = this.lines[this.line]!;
    const direction = buttons.repeat('right', 18, 6) ? 1 : buttons.repeat('left', 18, 6) ? -1 : 0;
    if (direction !== 0 && line.step) {
      line.step(direction);
      this.unsaved = 0;
    }
    if (line.action && (buttons.pressed('a') || buttons.pressed('start'))) {
      this.confirming = { line, yes: false };
      this.shownFor = 0;
    }
  }

  draw(g: Graphics): void {
    g.clear();
    if (this.confirming) {
      g.banner(`${this.confirming.line.label}?`, 1, 0xff6040, this.shownFor);
      const yes = this.confirming.yes;
      g.text('NO', 1, 8, yes ? 0x404040 : 0xffffff);
      g.text('YES', g.width - 1 - g.textWidth('YES'), 8, yes ? 0xff4040 : 0x404040);
      return;
    }
    const line = this.lines[this.line]!;
    // Same rows as the setup screen: label 0..4, value 6..12 (or 7..11), side marks on row 9.
    g.banner(line.label, 0, line.action ? 0xff6040 : 0x808080, this.shownFor);
    const value = line.value();
    if (value !== '') {
      const width = g.textWidth(value, FONT_5X7);
      if (width <= g.width)
        g.text(value, Math.floor((g.width - width) / 2), 6, line.color ?? 0xffffff, FONT_5X7);
      else g.banner(value, 7, line.color ?? 0xffffff, this.shownFor);
    } else {
      g.text('A', Math.floor((g.width - g.textWidth('A')) / 2), 7, 0x606060);
    }
    if (line.step) {
      g.set(0, 9, 0x606060);
      g.set(g.width - 1, 9, 0x606060);
    }
    for (let i = 0; i < this.lines.length; i++) {
      g.set(
        Math.floor(g.width / 2) - this.lines.length + i * 2 + 1,
        g.height - 1,
        i === this.line ? 0xffffff : 0x303030,
      );
    }
  }

  dispose(): void {
    this.save();
  }

  private updateConfirm(input: Input): void {
    const confirming = this.confirming!;
    const buttons = input.any;
    if (buttons.pressed('back')) {
      this.confirming = undefined;
      return;
    }
    if (buttons.pressed('left') || buttons.pressed('right')) confirming.yes = !confirming.yes;
    if (buttons.pressed('a') || buttons.pressed('start')) {
      this.confirming = undefined;
      if (confirming.yes) {
        this.save();
        this.host.log.info(`settings: ${confirming.line.label.toLowerCase()} requested at the table`);
        confirming.line.action?.();
      }
    }
  }

  private moveLine(step: number): void {
    this.line = (this.line + step + this.lines.length) % this.lines.length;
    this.shownFor = 0;
  }

  private save(): void {
    if (this.unsaved < 0) return;
    this.unsaved = -1;
    this.controls.save?.();
  }
}

/** The next value in `steps` from `current` in `direction`, clamped at the ends. */
function nextStep(steps: readonly number[], current: number, direction: number): number {
  if (direction > 0) return steps.find((s) => s > current) ?? steps[steps.length - 1]!;
  return steps.findLast((s) => s < current) ?? steps[0]!;
}

function formatSeconds(seconds: number): string {
  if (seconds === 0) return 'OFF';
  return seconds < 60 ? `${seconds}S` : `${Math.round(seconds / 60)}M`;
}

function formatMilliamps(mA: number): string {
  return mA >= 1000 ? `${(mA / 1000).toFixed(1)}A` : `${Math.round(mA)}MA`;
}
