import type { AnyGame, GameStore, SettingSpecs } from '../engine/game.ts';
import type { Scene } from '../engine/scene.ts';
import { PLAYER_COLORS } from '../gfx/color.ts';
import { FONT_5X7 } from '../gfx/font.ts';
import type { Graphics } from '../gfx/graphics.ts';
import type { Input } from '../input/buttons.ts';
import type { TableHost } from './host.ts';

/** Rows of the screen (20×15): label 0..4, value 6..12 (large font) or 7..11, side marks and dots. */
const LABEL_Y = 0;
const BIG_VALUE_Y = 6;
const SMALL_VALUE_Y = 7;
const ARROW_Y = 9;
const LABEL_COLOR = 0x808080;
/** A player figure (3×5) for the PLAYERS line: lit for each chosen player, dim for the others. */
const FIGURE = ['.#.', '###', '.#.', '#.#', '#.#'];
const FIGURE_OFF = 0x303030;

interface Choice {
  readonly key: string;
  readonly label: string;
  readonly values: readonly (string | number)[];
  index: number;
}

/**
 * Chooses the player count and the game's settings before it starts. Up/down picks the line,
 * left/right the value, A or start plays, back returns to the menu. Choices are remembered per
 * game in `store` (the engine's own store, not the game's).
 */
export class SetupScreen implements Scene {
  readonly title: string;
  private readonly choices: Choice[] = [];
  private line = 0;
  private shownFor = 0;

  constructor(
    private readonly host: TableHost,
    private readonly definition: AnyGame,
    private readonly store: GameStore,
  ) {
    this.title = `${definition.title} setup`;
    const remembered = store.get<Record<string, string | number>>(definition.id) ?? {};
    const players = definition.players ?? { min: 1, max: 1 };
    if (players.max > players.min) {
      const values = Array.from({ length: players.max - players.min + 1 }, (_, i) => players.min + i);
      this.choices.push({ key: 'players', label: 'PLAYERS', values, index: 0 });
    }
    const specs: SettingSpecs = definition.settings ?? {};
    for (const [key, spec] of Object.entries(specs)) {
      this.choices.push({ key, label: spec.label.toUpperCase(), values: spec.values, index: 0 });
    }
    for (const choice of this.choices) {
      const wanted =
        remembered[choice.key] ??
        (choice.key === 'players'
          ? host.controls?.defaultPlayers() // the table's default player count (0 = the minimum)
          : (specs[choice.key]?.default ?? choice.values[0]));
      // A remembered value the game no longer offers falls back to its default, not the first value.
      const fallback =
        choice.key === 'players' ? choice.values[0] : (specs[choice.key]?.default ?? choice.values[0]);
      const index = choice.values.findIndex((v) => String(v) === String(wanted));
      choice.index = Math.max(
        0,
        index >= 0 ? index : choice.values.findIndex((v) => String(v) === String(fallback)),
      );
    }
  }

  update(input: Input): void {
    this.shownFor++;
    const buttons = input.any;
    if (buttons.pressed('back')) {
      this.host.pop();
      return;
    }
    if (buttons.repeat('down', 18, 8)) this.moveLine(1);
    if (buttons.repeat('up', 18, 8)) this.moveLine(-1);
    const choice = this.choices[this.line];
    if (choice) {
      const step = buttons.repeat('right', 18, 8) ? 1 : buttons.repeat('left', 18, 8) ? -1 : 0;
      if (step !== 0) {
        choice.index = (choice.index + step + choice.values.length) % choice.values.length;
        this.shownFor = 0;
      }
    }
    if (buttons.pressed('a') || buttons.pressed('start')) this.launch();
  }

  draw(g: Graphics): void {
    g.clear();
    const choice = this.choices[this.line];
    if (!choice) return;
    if (choice.key !== 'players' || !drawFigures(g, choice)) {
      g.banner(choice.label, LABEL_Y, LABEL_COLOR, this.shownFor);
    }
    const value = String(choice.values[choice.index]).toUpperCase();
    const big = g.textWidth(value, FONT_5X7) <= g.width - 4;
    if (big) {
      const width = g.textWidth(value, FONT_5X7);
      g.text(value, Math.floor((g.width - width) / 2), BIG_VALUE_Y, 0xffffff, FONT_5X7);
    } else {
      g.banner(value, SMALL_VALUE_Y, 0xffffff, this.shownFor);
    }
    if (choice.values.length > 1) {
      g.set(0, ARROW_Y, 0x606060);
      g.set(g.width - 1, ARROW_Y, 0x606060);
    }
    // Which line is chosen, when there is more than one.
    if (this.choices.length < 2) return;
    for (let i = 0; i < this.choices.length; i++) {
      g.set(
        Math.floor(g.width / 2) - this.choices.length + i * 2 + 1,
        g.height - 1,
        i === this.line ? 0xffffff : 0x303030,
      );
    }
  }

  private moveLine(step: number): void {
    this.line = (this.line + step + this.choices.length) % this.choices.length;
    this.shownFor = 0;
  }

  private launch(): void {
    const picked: Record<string, string | number> = {};
    for (const choice of this.choices) picked[choice.key] = choice.values[choice.index]!;
    this.store.set(this.definition.id, picked);
    const { players, ...settings } = picked;
    this.host.play(this.definition, {
      ...(players === undefined ? {} : { players: Number(players) }),
      settings,
    });
  }
}

/**
 * The PLAYERS label as figures: one per possible player, the chosen ones lit in their player
 * colours. Returns false (draw the word instead) when they do not fit on the label row.
 */
function drawFigures(g: Graphics, choice: Choice): boolean {
  const count = Number(choice.values[choice.index]);
  const max = Number(choice.values[choice.values.length - 1]);
  const width = max * 4 - 1;
  if (!(max <= PLAYER_COLORS.length && width <= g.width)) return false;
  const x0 = Math.floor((g.width - width) / 2);
  for (let p = 0; p < max; p++) {
    const color = p < count ? PLAYER_COLORS[p]! : FIGURE_OFF;
    for (let y = 0; y < FIGURE.length; y++) {
      const row = FIGURE[y]!;
      for (let x = 0; x < row.length; x++) if (row[x] === '#') g.set(x0 + p * 4 + x, LABEL_Y + y, color);
    }
  }
  return true;
}
