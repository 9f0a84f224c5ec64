import { FONT_5X7 } from '../gfx/font.ts';
import type { Graphics } from '../gfx/graphics.ts';
import type { Input } from '../input/buttons.ts';
import type { AnyGame, Engine } from './engine.ts';
import type { GameStore, SettingSpecs } from './game.ts';
import type { Scene } from './scene.ts';

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
    private readonly engine: Engine,
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
          ? engine.controls?.defaultPlayers() // the table's default player count (0 = the minimum)
          : (specs[choice.key]?.default ?? choice.values[0]));
      const index = choice.values.findIndex((v) => String(v) === String(wanted));
      choice.index = Math.max(0, index);
    }
  }

  update(input: Input): void {
    this.shownFor++;
    const buttons = input.any;
    if (buttons.pressed('back')) {
      this.engine.pop();
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
    g.banner(choice.label, 1, 0x808080, this.shownFor);
    const value = String(choice.values[choice.index]).toUpperCase();
    const big = g.textWidth(value, FONT_5X7) <= g.width - 4;
    if (big) {
      const width = g.textWidth(value, FONT_5X7);
      g.text(value, Math.floor((g.width - width) / 2), 7, 0xffffff, FONT_5X7);
    } else {
      g.banner(value, 8, 0xffffff, this.shownFor);
    }
    if (choice.values.length > 1) {
      g.set(0, 10, 0x606060);
      g.set(g.width - 1, 10, 0x606060);
    }
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
    this.engine.play(this.definition, {
      ...(players === undefined ? {} : { players: Number(players) }),
      settings,
    });
  }
}
