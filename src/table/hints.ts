import type { GameDefinition, SettingSpecs } from '../engine/game.ts';
import type { Scene } from '../engine/scene.ts';
import type { Graphics } from '../gfx/graphics.ts';
import type { Button, Input } from '../input/buttons.ts';
import type { TableHost } from './host.ts';

/** How a button is named in hints: the terminal can draw arrows, the table's font spells them. */
const TERMINAL_NAMES: Readonly<Record<Button, string>> = {
  up: '↑',
  down: '↓',
  left: '←',
  right: '→',
  a: 'A',
  b: 'B',
  start: 'start',
  back: 'back',
};

/** The hints of the built-in screens, one line each (terminal status line and table). */
export const SCREEN_HINTS = {
  menu: '←→ choose · A plays',
  setup: 'A starts · ↑↓ line · ←→ value · back menu',
  pause: 'A resumes · back quits',
  result: 'A plays again · back menu',
  settings: '↑↓ line · ←→ value · back saves',
} as const;

/**
 * A game's controls as one line: its `hint` buttons first (or every control), e.g.
 * "↑ drop · start hold". '' for a game that declares none.
 */
export function controlsLine(
  game: Pick<GameDefinition<SettingSpecs>, 'controls' | 'hint'>,
  all = false,
): string {
  const controls = game.controls ?? {};
  const buttons = (all ? undefined : game.hint) ?? (Object.keys(controls) as Button[]);
  return buttons
    .filter((button) => controls[button])
    .map((button) => `${TERMINAL_NAMES[button]} ${controls[button]}`)
    .join(' · ');
}

/** The same line in the table's 3×5 font, which has no arrows: "UP DROP  START HOLD". */
export function tableHint(game: Pick<GameDefinition<SettingSpecs>, 'controls' | 'hint'>): string {
  const controls = game.controls ?? {};
  return (game.hint ?? [])
    .filter((button) => controls[button])
    .map((button) => `${button} ${controls[button]}`.toUpperCase())
    .join('  ');
}

/**
 * Shown over a game before its first tick, the first time it is played at this table: the
 * game's opening frame dimmed, its hint scrolling across the middle, "A" under it. Any button
 * goes on (and is not passed to the game); back returns to the menu.
 */
export class HintScreen implements Scene {
  readonly title: string;
  readonly hint = 'any button starts';
  private shownFor = 0;

  constructor(
    private readonly host: TableHost,
    private readonly game: Scene,
    private readonly text: string,
    private readonly legend: readonly { readonly text: string; readonly color: number }[] = [],
  ) {
    this.title = `${game.title} (how to play)`;
  }

  update(input: Input): void {
    this.shownFor++;
    if (input.any.pressed('back')) {
      this.host.menu();
      return;
    }
    if (this.shownFor > 1 && input.any.anyPressed()) this.host.pop();
  }

  draw(g: Graphics): void {
    this.game.draw(g); // the game as it will start (it has not ticked)
    const target = g.canvas.pixels;
    for (let i = 0; i < target.length; i++) target[i] = (target[i]! * 0.25) | 0;
    if (this.legend.length === 0) {
      const y = Math.floor((g.height - 5) / 2) - 2;
      g.fillRect(0, y - 1, g.width, 7, 0);
      g.banner(this.text, y, 0xffffff, this.shownFor);
      g.banner('A', y + 7, 0x808080, 0);
      return;
    }
    // The hint on top, the legend below it in rows of what fits, each item in its colour.
    g.fillRect(0, 0, g.width, g.height, 0);
    g.banner(this.text, 0, 0xffffff, this.shownFor);
    let y = 5;
    const widths = this.legend.map((item) => g.textWidth(item.text));
    // Lay out rows first so each can be centred.
    const rows: number[][] = [[]];
    let used = 0;
    widths.forEach((w, i) => {
      const row = rows[rows.length - 1]!;
      if (row.length > 0 && used + 1 + w > g.width) {
        rows.push([i]);
        used = w;
      } else {
        used += (row.length > 0 ? 1 : 0) + w;
        row.push(i);
      }
    });
    for (const row of rows) {
      const width = row.reduce((sum, i) => sum + widths[i]!, 0) + row.length - 1;
      let x = Math.floor((g.width - width) / 2);
      for (const i of row) {
        const item = this.legend[i]!;
        g.text(item.text, x, y, item.color);
        x += widths[i]! + 1;
      }
      y += 5;
    }
  }
}
